import { z } from "zod";
import { DATA_CLASSES, KINDS, STATUSES } from "../domain/vocabulary";
import { MAX_BULK_ITEMS } from "../domain/manifests";
import { line, optional } from "./fields";
import { tr } from "../i18n/translate";

/** Query-string schemas for /api/v1 (and the catalogue page, which takes the same filters). */

const searchText = (label: "api.params.q") => line(label, 200);

export const CheckQuery = z.object({
  q: searchText("api.params.q")
    .refine((v) => v.length > 0, tr("api.query.qRequired"))
    .describe("A software name or any identifier: npm or PyPI package, bundle id, domain, extension id, team id, SHA-256"),
  dataClass: optional(z.enum(DATA_CLASSES, tr("api.query.dataClassOneOf", { values: DATA_CLASSES.join(", ") }))).describe(
    "The most sensitive data the tool would handle; without it, the answer holds for any data class",
  ),
  edition: optional(line("api.params.edition", 80)).describe("An edition's name or slug (e.g. Business), for software whose editions are classified apart"),
});

export const ListQuery = z.object({
  q: optional(searchText("api.params.q")).describe("Search words: names, aliases, identifiers, vendors, descriptions; close misspellings match"),
  status: optional(z.enum([...STATUSES, "unclassified"], tr("api.query.statusOneOf", { values: STATUSES.join(", ") }))).describe(
    "Only entries with this headline status",
  ),
  kind: optional(z.enum(KINDS, tr("api.query.kindOneOf", { values: KINDS.join(", ") }))).describe("Only entries of this kind"),
  category: optional(line("api.params.category", 60)).describe("Only entries in this category (case-insensitive)"),
  vendor: optional(line("api.params.vendor", 120)).describe("Only entries of the vendor with this slug"),
  page: z.coerce
    .number(tr("api.query.pageNumber"))
    .int(tr("api.query.pageWhole"))
    .min(1, tr("api.query.pageMin"))
    .max(100_000, tr("api.query.pageMax"))
    .default(1)
    .describe("The page, from 1"),
  pageSize: z.coerce.number(tr("api.query.pageSizeNumber")).int().min(1).max(100, tr("api.query.pageSizeMax")).default(25).describe("Entries per page"),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** POST /api/v1/check: the largest body read, and the most items one check answers. */
export const BULK_CHECK_MAX_BYTES = 5 * 1024 * 1024;

const dataClassField = optional(z.enum(DATA_CLASSES, tr("api.query.dataClassOneOf", { values: DATA_CLASSES.join(", ") }))).describe(
  "The most sensitive data the tools would handle; for items that name none",
);

export const BulkCheckItem = z.object({
  q: line("api.params.q", 300).refine((v) => v.length > 0, tr("api.query.qRequired")).describe("A software name or any identifier"),
  type: optional(z.enum(["npm", "pypi"], tr("api.query.typeNpmPypi"))).describe(
    "Look q up as a package of this ecosystem only (no misspellings); left out, q is any name or identifier",
  ),
  dataClass: dataClassField,
  edition: optional(line("api.params.edition", 80)).describe("An edition's name or slug"),
});

/** `{ "items": [{ "q": "…", "dataClass"?: "…" }, …] }`: names or identifiers, each with its own data class. */
export const BulkCheckItems = z.object({
  items: z
    .array(BulkCheckItem, tr("api.query.itemsList"))
    .min(1, tr("api.query.itemsMin"))
    .max(MAX_BULK_ITEMS, tr("api.query.itemsMax", { max: MAX_BULK_ITEMS })),
  /** For items that name none. */
  dataClass: dataClassField,
});

/** `{ "file": "<manifest text>", "filename"?: "…" }`: a manifest sent as a string inside JSON. */
export const BulkCheckFile = z.object({
  file: z.string(tr("api.query.fileText")).min(1, tr("api.query.fileEmpty")).describe("The manifest's text: package.json, package-lock.json, requirements.txt or CycloneDX JSON"),
  filename: optional(line("api.params.filename", 200)).describe("The file's name, for the record; the format is read from the content"),
  dataClass: dataClassField,
});

/** The query string of POST /api/v1/check: a data class for every item that names none. */
export const BulkCheckQuery = z.object({ dataClass: dataClassField });
