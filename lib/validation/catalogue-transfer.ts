import { z } from "zod";
import {
  CSV_COLUMNS,
  IMPORT_ACTIONS,
  IMPORT_MAX_BYTES,
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  type ImportSoftware,
  type RawRecord,
  type TransferWord,
  type ValidatedRecord,
} from "../domain/catalogue-transfer";
import { normaliseIdentifier } from "../domain/identifiers";
import { t, tr } from "../i18n/translate";
import { DATA_CLASSES, IDENTIFIER_TYPES, KINDS, PERMITTING_STATUSES, STATUSES } from "../domain/vocabulary";
import { ListQuery } from "./api";
import { DecisionFields, EditionInput, MAX_ALTERNATIVES, MAX_CONDITION_CHARS, MAX_CONDITIONS, SoftwareFields, VendorInput, decisionRules } from "./catalogue";
import { line, optional, slug } from "./fields";

/**
 * Schemas of the catalogue export and import (GET /api/v1/catalogue/export, POST
 * /api/v1/catalogue/import): query strings, the JSON document, the import's plan. The field
 * rules are the catalogue forms' own (./catalogue.ts), so an import accepts what a reviewer
 * could type and nothing else.
 */

/** The field is named by where it is ("kind", "line 9, max_data_class"), so the message need not repeat it. */
const oneOf = (values: readonly string[]) => tr("catalogue.transfer.oneOf", { values: values.join(", ") });

// ---- Query strings -------------------------------------------------------------------------

export const ExportQuery = ListQuery.pick({ q: true, status: true, kind: true, category: true, vendor: true })
  .extend({
    format: z
      .enum(["csv", "json"], tr("catalogue.transfer.formatCsvOrJson"))
      .default("json")
      .describe("csv: one row per software and per edition (README, Import and export); json: the lossless versioned document. Default json."),
  })
  .describe("The catalogue filters of GET /api/v1/software (q, status, kind, category, vendor), without paging: the whole filtered catalogue.");
export type ExportQuery = z.infer<typeof ExportQuery>;

export const ImportQuery = z
  .object({
    mode: z
      .enum(["dry-run", "apply"], tr("catalogue.transfer.modeDryRunOrApply"))
      .default("dry-run")
      .describe("dry-run (default): the plan, row by row, and nothing written. apply: the same plan, then everything in one transaction, or nothing when a row is rejected (422)."),
  })
  .describe("POST /api/v1/catalogue/import query string");
export type ImportQuery = z.infer<typeof ImportQuery>;

// ---- The document --------------------------------------------------------------------------

const editionRef = z.union([slug("catalogue.transfer.fields.edition"), z.null()]).describe("An edition's slug, or null for all editions");

const DecisionShape = z.strictObject({
  edition: editionRef.default(null),
  status: z.enum(STATUSES, oneOf(STATUSES)),
  maxDataClass: optional(z.enum(DATA_CLASSES, oneOf(DATA_CLASSES))).describe("Highest data class allowed; for approved and approved_with_conditions only"),
  conditions: z
    .array(line("catalogue.transfer.fields.aCondition", MAX_CONDITION_CHARS).refine((c) => c.length > 0, tr("catalogue.transfer.conditionEmpty")), tr("catalogue.transfer.conditionsList"))
    .max(MAX_CONDITIONS, tr("catalogue.transfer.maxConditions", { max: MAX_CONDITIONS }))
    .default([]),
  rationale: DecisionFields.rationale,
  alternatives: z.array(slug("catalogue.transfer.fields.anAlternative"), tr("catalogue.transfer.alternativesList")).max(MAX_ALTERNATIVES, tr("catalogue.validation.maxAlternatives", { max: MAX_ALTERNATIVES })).default([]).describe("Slugs of approved alternatives"),
  reviewDueOn: DecisionFields.reviewDueOn.describe("YYYY-MM-DD; left out: by the status's review interval. A date that has passed is kept (the decision is overdue for review)"),
  decidedAt: z.string().nullish().describe("Informational (export): when the decision took effect. Ignored by an import"),
  decidedBy: z.string().nullish().describe("Informational (export): who decided. Ignored by an import, which records the importer"),
});

/** One software of an import file: the catalogue forms' rules, identifiers normalised. */
export const ImportSoftwareSchema = z
  .strictObject({
    slug: optional(slug("catalogue.transfer.fields.slug")).describe("The software's URL name: it matches the software to update, or names the new one. Left out: the software of that name, or a new one"),
    name: SoftwareFields.shape.name,
    vendor: z
      .union([
        z.strictObject({ name: VendorInput.shape.name, website: VendorInput.shape.website }),
        z.null(),
      ])
      .default(null)
      .describe("Found by name (case-insensitive), created when new. A website sets the vendor's; null or absent leaves it"),
    kind: z.enum(KINDS, oneOf(KINDS)),
    category: SoftwareFields.shape.category,
    description: SoftwareFields.shape.description,
    homepage: SoftwareFields.shape.homepage,
    owner: SoftwareFields.shape.owner,
    status: z.enum(STATUSES).nullish().describe("Informational (export): the headline status. Ignored by an import"),
    editions: z
      .array(z.strictObject({ slug: optional(slug("catalogue.transfer.fields.edition")), name: EditionInput.shape.name, description: EditionInput.shape.description }))
      .max(50, tr("catalogue.transfer.maxEditions", { max: 50 }))
      .default([]),
    identifiers: z
      .array(
        z
          .strictObject({
            type: z.enum(IDENTIFIER_TYPES, oneOf(IDENTIFIER_TYPES)),
            value: line("catalogue.transfer.fields.value", 300).refine((v) => v.length > 0, tr("catalogue.transfer.valueRequired")),
            edition: editionRef.default(null),
          })
          .transform((identifier, ctx) => {
            const value = normaliseIdentifier(identifier.type, identifier.value);
            if (!value) {
              ctx.addIssue({ code: "custom", path: ["value"], message: t("catalogue.transfer.invalidIdentifier", { entry: `${identifier.type}:${identifier.value.slice(0, 80)}`, type: identifier.type }) });
              return z.NEVER;
            }
            return { ...identifier, value };
          }),
      )
      .max(500, tr("catalogue.transfer.maxIdentifiers", { max: 500 }))
      .default([]),
    classifications: z
      .array(
        DecisionShape.superRefine(decisionRules).transform(({ decidedAt: _at, decidedBy: _by, ...decision }) => ({
          ...decision,
          // A status that allows no use carries no data class (as the form has it).
          maxDataClass: PERMITTING_STATUSES.includes(decision.status) ? decision.maxDataClass! : null,
        })),
      )
      .max(51, tr("catalogue.transfer.maxDecisions"))
      .default([])
      .describe("Decisions in effect: one for all editions (edition null) and one per edition that has its own"),
  })
  .transform(({ status: _status, ...software }) => software)
  .describe("A software with its editions, identifiers and decisions in effect");

// Keep the schema's output and the planner's input the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _softwareShape: Same<z.output<typeof ImportSoftwareSchema>, ImportSoftware> = true;
void _softwareShape;

/** The import's messages (lib/domain/catalogue-transfer.ts) in the current request's language. */
export const transferWord: TransferWord = (key, values) => t(`catalogue.transfer.${key}`, values);

/** Validates each software of a file; a software that fails is a rejected row with every reason, named by place. */
export function validateImportRecords(records: readonly RawRecord[]): ValidatedRecord[] {
  return records.map(({ value, issues, place, ...where }) => {
    if (value === null) return { ...where, data: null, reasons: issues };
    const parsed = ImportSoftwareSchema.safeParse(value);
    if (parsed.success) return { ...where, data: issues.length ? null : parsed.data, reasons: issues };
    const reasons = parsed.error.issues.map((issue) => {
      // An unknown key in JSON: name it rather than the object holding it.
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys.join(", ")] : issue.path;
      const message = issue.code === "unrecognized_keys" ? t("catalogue.transfer.notAField") : issue.message;
      return t("catalogue.transfer.reason", { place: place(path), message });
    });
    return { ...where, data: null, reasons: [...issues, ...reasons] };
  });
}

const DecisionDocument = DecisionShape.extend({
  maxDataClass: z.enum(DATA_CLASSES).nullable(),
  reviewDueOn: z.string().nullable(),
});

export const TransferSoftwareSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    vendor: z.object({ name: z.string(), website: z.string().nullable() }).nullable(),
    kind: z.enum(KINDS),
    category: z.string(),
    description: z.string(),
    homepage: z.string().nullable(),
    owner: z.string().nullable(),
    status: z.enum(STATUSES).nullable().describe("The headline status: the one status when editions agree, else the company edition's (the most permissive); null when not yet classified"),
    editions: z.array(z.object({ slug: z.string(), name: z.string(), description: z.string() })),
    identifiers: z.array(z.object({ type: z.enum(IDENTIFIER_TYPES), value: z.string(), edition: z.string().nullable() })),
    classifications: z.array(DecisionDocument),
  })
  .describe("One software of the export");

export const CatalogueDocument = z
  .object({
    format: z.literal(TRANSFER_FORMAT),
    version: z.literal(TRANSFER_VERSION),
    exportedAt: z.string().describe("ISO time of the export"),
    filters: z.record(z.string(), z.string()).describe("The filters the export was made with; empty: the whole catalogue"),
    software: z.array(TransferSoftwareSchema),
  })
  .describe(
    "GET /api/v1/catalogue/export?format=json, and a JSON body of POST /api/v1/catalogue/import: the catalogue with its decisions in effect. Lossless: importing it into an empty catalogue and exporting again gives the same document (but exportedAt, decidedAt, decidedBy)",
  );

export const CatalogueCsvBody = z
  .string()
  .describe(`text/csv, UTF-8 (a byte-order mark is allowed), at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Header: ${CSV_COLUMNS.join(", ")}`);

// ---- The plan ------------------------------------------------------------------------------

export const ImportPlanRowSchema = z
  .object({
    row: z.number().int().describe("1-based position of the software in the file"),
    line: z.number().int().nullable().describe("CSV: the line of the software's row; null for JSON"),
    location: z.string().describe('"line 4" or "software[3]"'),
    slug: z.string().nullable(),
    name: z.string().nullable(),
    action: z.enum(IMPORT_ACTIONS),
    changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })).describe("What a create or update sets, field by field"),
    reasons: z.array(z.string()).describe("Why the row is rejected; empty otherwise"),
  })
  .describe("What the import does with one software");

export const ImportSummarySchema = z.object({
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  reject: z.number().int(),
});

export const ImportPlanResponse = z
  .object({
    mode: z.enum(["dry-run", "apply"]),
    applied: z.boolean().describe("True once everything was written, in one transaction"),
    format: z.enum(["csv", "json"]),
    summary: ImportSummarySchema,
    rows: z.array(ImportPlanRowSchema),
  })
  .describe("The answer of POST /api/v1/catalogue/import: 200 for a dry run (rejected rows included) and for an apply that wrote everything");

export const ImportRejectedResponse = z
  .object({
    error: z.object({
      status: z.literal(422),
      message: z.string(),
      details: ImportPlanResponse.describe("The plan, with the rejected rows and their reasons; applied is false"),
    }),
  })
  .describe("An apply refused because rows are rejected: nothing was written");
