import { z } from "zod";
import type { TokenScope } from "../domain/api-tokens";
import type { Action } from "../domain/policy";
import { BULK_CHECK_MAX_BYTES, BulkCheckFile, BulkCheckItems, BulkCheckQuery, CheckQuery, ListQuery } from "../validation/api";
import { IMPORT_MAX_BYTES } from "../domain/catalogue-transfer";
import { CatalogueCsvBody, CatalogueDocument, ExportQuery, ImportPlanResponse, ImportQuery, ImportRejectedResponse } from "../validation/catalogue-transfer";
import { BlocklistExportQuery, PackageExportQuery, SantaExportQuery } from "../validation/exports";
import { BulkCheckAnswer, CheckAnswer, ExtensionPolicy, PackageDenyList, SantaRules, SoftwareDetail, SoftwarePage } from "./responses";
import * as example from "./examples";

/**
 * Every /api/v1 endpoint as data: who may call it, what it takes and what it answers. The
 * route handlers take their access rule and schemas from here (lib/server/guard.ts), and the
 * OpenAPI document (lib/api/openapi.ts) is generated from the same entries, so the document
 * cannot describe an endpoint other than the one that runs.
 */

/** A session whose role may `action`, or an API token holding `scope`. */
export interface Access {
  action: Action;
  scope: TokenScope;
}

export interface EndpointSpec<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType, A extends Access | null = Access | null> {
  method: "get" | "post";
  /** OpenAPI path template: `/api/v1/software/{slug}`. */
  path: string;
  operationId: string;
  tag: "Check" | "Catalogue" | "Enforcement exports" | "Reference";
  summary: string;
  description: string;
  /** null: anyone, signed in or not. */
  access: A;
  query: Q;
  /** Path parameters. */
  params: P;
  /** Example query string values, shown in the reference. */
  queryExample?: Record<string, string>;
  body?: {
    description: string;
    /** Media type → schema and example. */
    content: Record<string, { schema: z.ZodType; example?: unknown }>;
  };
  ok: {
    description: string;
    schema: R;
    contentType: "application/json" | "text/plain" | "text/csv";
    example: unknown;
    /** Other representations of the same answer, by media type (the handler answers a Response of its own for these). */
    alternatives?: Record<string, { schema: z.ZodType; example: unknown }>;
  };
  /** A write, served by apiMutation (lib/server/guard.ts): it takes an `Idempotency-Key` header, documented with it. */
  write?: boolean;
  /**
   * Statuses this endpoint can answer besides 200 and the ones every guarded endpoint can (401,
   * 403, 429, 500, 503; and 409 for a write); with a schema when the body is more than the standard error.
   */
  errors: { status: 400 | 404 | 413 | 422; description: string; schema?: z.ZodType; example?: unknown }[];
}

function endpoint<Q extends z.ZodType, P extends z.ZodType, R extends z.ZodType, A extends Access | null>(spec: EndpointSpec<Q, P, R, A>): EndpointSpec<Q, P, R, A> {
  return spec;
}

const noParams = z.object({});
const badQuery = { status: 400 as const, description: "A query parameter was refused; `error.fields` names it." };

export const API = {
  checkOne: endpoint({
    method: "get",
    path: "/api/v1/check",
    operationId: "check",
    tag: "Check",
    summary: "May this tool be used, for this data?",
    description:
      "Looks a tool up by name or any identifier (npm or PyPI package, bundle id, domain, extension id, team id, SHA-256), tolerating a close misspelling, " +
      "and answers the verdict for one data class (or for any data class when none is given), with the reasons, conditions and approved alternatives. " +
      "With a session, the person's own exception grants count, as on their software page; a token has none.",
    access: { action: "catalogue.read", scope: "check:read" },
    query: CheckQuery,
    params: noParams,
    queryExample: { q: "@anthropic-ai/claude-code", dataClass: "confidential" },
    ok: { description: "The verdict", schema: CheckAnswer, contentType: "application/json", example: example.checkAnswer },
    errors: [badQuery],
  }),

  checkBulk: endpoint({
    method: "post",
    path: "/api/v1/check",
    operationId: "checkMany",
    tag: "Check",
    summary: "Check up to 1,000 tools, or a manifest or SBOM",
    description:
      "Answers a verdict per item and a summary. The body is either a JSON list of items (names or identifiers, each with an optional data class and package type), " +
      "a JSON object carrying a manifest's text in `file`, or the manifest itself: a package.json, package-lock.json, requirements.txt or CycloneDX JSON SBOM, " +
      `recognised from its content. Bodies over ${BULK_CHECK_MAX_BYTES / 1024 / 1024} MB are refused with 413 before they are read whole.`,
    access: { action: "catalogue.read", scope: "check:read" },
    query: BulkCheckQuery,
    params: noParams,
    queryExample: { dataClass: "internal" },
    body: {
      description: "A list of items, a manifest inside JSON, or a manifest as is",
      content: {
        "application/json": {
          schema: z.union([
            BulkCheckItems,
            BulkCheckFile,
            z.record(z.string(), z.unknown()).describe("A package.json, package-lock.json or CycloneDX JSON SBOM, sent as is"),
          ]),
          example: example.bulkCheckItems,
        },
        "text/plain": {
          schema: z.string().describe("A requirements.txt, or any of the JSON manifests, sent as is"),
          example: "requests==2.32.3\nflask>=3.0\n",
        },
      },
    },
    ok: { description: "A verdict per item, in the order given, and a summary", schema: BulkCheckAnswer, contentType: "application/json", example: example.bulkCheckAnswer },
    errors: [
      { status: 400, description: "The body is not a list of items or a readable manifest; the message names the line or field." },
      { status: 413, description: `The body is larger than ${BULK_CHECK_MAX_BYTES / 1024 / 1024} MB.` },
    ],
  }),

  listSoftware: endpoint({
    method: "get",
    path: "/api/v1/software",
    operationId: "listSoftware",
    tag: "Catalogue",
    summary: "List and search the catalogue",
    description: "One page of catalogue entries, filtered by status, kind, category and vendor; with `q`, ordered by relevance (names, aliases, identifiers, close misspellings).",
    access: { action: "catalogue.read", scope: "catalogue:read" },
    query: ListQuery,
    params: noParams,
    queryExample: { status: "prohibited", pageSize: "25" },
    ok: { description: "One page of entries", schema: SoftwarePage, contentType: "application/json", example: example.softwarePage },
    errors: [badQuery],
  }),

  getSoftware: endpoint({
    method: "get",
    path: "/api/v1/software/{slug}",
    operationId: "getSoftware",
    tag: "Catalogue",
    summary: "One catalogue entry",
    description: "The entry's editions and identifiers, the classification in effect for each edition with the verdict for every data class, and every decision taken on it.",
    access: { action: "catalogue.read", scope: "catalogue:read" },
    query: z.object({}),
    params: z.object({ slug: z.string().describe("The entry's slug, as in its page's address: `claude-code`") }),
    ok: { description: "The entry", schema: SoftwareDetail, contentType: "application/json", example: example.softwareDetail },
    errors: [{ status: 404, description: "No software has this slug." }],
  }),

  catalogueExport: endpoint({
    method: "get",
    path: "/api/v1/catalogue/export",
    operationId: "exportCatalogue",
    tag: "Catalogue",
    summary: "Export the catalogue (CSV or JSON)",
    description:
      "The whole catalogue, or the part the filters select (the filters of `GET /api/v1/software`, without paging), with each software's editions, identifiers and the decisions in effect, " +
      "as an attachment. JSON is the lossless, versioned document; CSV has one row per software and one per edition. Either one, imported into an empty catalogue, reproduces it.",
    access: { action: "catalogue.read", scope: "catalogue:read" },
    query: ExportQuery,
    params: noParams,
    queryExample: { format: "csv", status: "prohibited" },
    ok: {
      description: "The file, as an attachment named vetted-catalogue-YYYY-MM-DD.json or .csv",
      schema: CatalogueDocument,
      contentType: "application/json",
      example: example.catalogueDocument,
      alternatives: { "text/csv": { schema: CatalogueCsvBody, example: example.catalogueCsv } },
    },
    errors: [badQuery],
  }),

  catalogueImport: endpoint({
    method: "post",
    path: "/api/v1/catalogue/import",
    operationId: "importCatalogue",
    tag: "Catalogue",
    summary: "Import a catalogue file: dry run, then apply",
    description:
      "Creates and updates software from a CSV or JSON file in the export's format (never deletes). `mode=dry-run` (the default) answers what each row would do — create, update (with the fields that change), unchanged or rejected, and why — and writes nothing. " +
      "`mode=apply` makes the same plan and writes everything in one transaction, with audit events, or nothing at all when a row is rejected (422). " +
      `Files over ${IMPORT_MAX_BYTES / 1024 / 1024} MB are refused with 413 before they are read whole. A session must call from the app's own pages (cross-site calls get 403); a token's changes are recorded under the person (a reviewer) who created it, and a token cannot record classification decisions.`,
    access: { action: "catalogue.import", scope: "catalogue:write" },
    write: true,
    query: ImportQuery,
    params: noParams,
    queryExample: { mode: "dry-run" },
    body: {
      description: "The file, as is",
      content: {
        "text/csv": { schema: CatalogueCsvBody, example: example.catalogueCsv },
        "application/json": { schema: CatalogueDocument, example: example.catalogueDocument },
      },
    },
    ok: { description: "The plan, row by row; for an apply, once everything is written", schema: ImportPlanResponse, contentType: "application/json", example: example.importPlan },
    errors: [
      { status: 400, description: "The file cannot be read: not UTF-8 (the line is named), not CSV or JSON, missing or unknown columns, an unknown format or version." },
      { status: 413, description: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` },
      {
        status: 422,
        description: "An apply refused because rows are rejected; `error.details` is the plan with their reasons. Nothing was written.",
        schema: ImportRejectedResponse,
        example: example.importRejected,
      },
    ],
  }),

  santa: endpoint({
    method: "get",
    path: "/api/v1/exports/santa",
    operationId: "exportSanta",
    tag: "Enforcement exports",
    summary: "Santa rules (macOS)",
    description:
      "BLOCKLIST rules for prohibited software from its team ids (TEAMID) and binary hashes (BINARY), each with a message and a link to the software's page, where people can ask for an exception. " +
      "`include=restricted` blocks restricted software too; `include=approved` adds ALLOWLIST rules for approved software (for machines in lockdown mode).",
    access: { action: "catalogue.read", scope: "check:read" },
    query: SantaExportQuery,
    params: noParams,
    queryExample: { include: "restricted,approved" },
    ok: { description: "The rules", schema: SantaRules, contentType: "application/json", example: example.santaRules },
    errors: [badQuery],
  }),

  chrome: endpoint({
    method: "get",
    path: "/api/v1/exports/chrome",
    operationId: "exportChromePolicy",
    tag: "Enforcement exports",
    summary: "Chrome and Edge extension policy",
    description: "`ExtensionInstallBlocklist` with prohibited extensions (and restricted ones with `include=restricted`), and `ExtensionInstallAllowlist` with approved ones.",
    access: { action: "catalogue.read", scope: "check:read" },
    query: BlocklistExportQuery,
    params: noParams,
    queryExample: { include: "restricted" },
    ok: { description: "The policy", schema: ExtensionPolicy, contentType: "application/json", example: example.extensionPolicy },
    errors: [badQuery],
  }),

  domains: endpoint({
    method: "get",
    path: "/api/v1/exports/domains",
    operationId: "exportDomainBlocklist",
    tag: "Enforcement exports",
    summary: "Domain blocklist for web proxies",
    description: "Plain text: a comment header, then one domain of prohibited software per line (restricted too with `include=restricted`). Errors are JSON.",
    access: { action: "catalogue.read", scope: "check:read" },
    query: BlocklistExportQuery,
    params: noParams,
    queryExample: { include: "restricted" },
    ok: { description: "The blocklist", schema: z.string(), contentType: "text/plain", example: example.domainBlocklist },
    errors: [badQuery],
  }),

  npm: endpoint({
    method: "get",
    path: "/api/v1/exports/npm",
    operationId: "exportNpmDenyList",
    tag: "Enforcement exports",
    summary: "npm deny-list for CI",
    description: "Prohibited and restricted npm packages, each marked with its status, so a CI step can fail on prohibited and warn (or fail) on restricted.",
    access: { action: "catalogue.read", scope: "check:read" },
    query: PackageExportQuery,
    params: noParams,
    ok: { description: "The deny-list", schema: PackageDenyList, contentType: "application/json", example: example.npmDenyList },
    errors: [],
  }),

  pypi: endpoint({
    method: "get",
    path: "/api/v1/exports/pypi",
    operationId: "exportPypiDenyList",
    tag: "Enforcement exports",
    summary: "PyPI deny-list for CI",
    description: "Prohibited and restricted PyPI packages, each marked with its status.",
    access: { action: "catalogue.read", scope: "check:read" },
    query: PackageExportQuery,
    params: noParams,
    ok: { description: "The deny-list", schema: PackageDenyList, contentType: "application/json", example: { ...example.npmDenyList, ecosystem: "pypi", packages: [] } },
    errors: [],
  }),

  openapi: endpoint({
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "openApiDocument",
    tag: "Reference",
    summary: "This document",
    description: "The OpenAPI 3.1 description of /api/v1, generated from the schemas that validate its requests and shape its answers. Open to anyone: it holds no data.",
    access: null,
    query: z.object({}),
    params: noParams,
    ok: { description: "The OpenAPI document", schema: z.record(z.string(), z.unknown()), contentType: "application/json", example: { openapi: "3.1.1" } },
    errors: [],
  }),
} as const;
