import type { Level } from "./assessment";
import { CsvSyntaxError, parseCsv, restoreFormula, toCsv } from "./csv";
import { secondReviewerRule } from "./four-eyes";
import { findPrototypeKey } from "./prototype-keys";
import { slugify } from "./slug";
import { EncodingError, decodeUtf8Strict, type EncodingProblem } from "./utf8";
import { currentClassification, decisionsInEffect, type ClassificationFact } from "./verdict";
import { IDENTIFIER_TYPES, type DataClass, type IdentifierType, type Kind, type Status } from "./vocabulary";

/**
 * Catalogue export and import, pure: the document both formats carry, CSV written and read,
 * and the plan of an import — row by row, what would be created, updated, left unchanged or
 * rejected and why — computed from the file and a snapshot of the catalogue. No database, no
 * framework: the server loads the snapshot and carries the plan out (lib/mutations/catalogue-import.ts).
 */

export const TRANSFER_FORMAT = "vetted-catalogue";
export const TRANSFER_VERSION = 1;
/** The largest file an import reads, and the most software one import takes. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_SOFTWARE = 5_000;

// ---- The document --------------------------------------------------------------------------

/** A decision in effect, for all editions (`edition: null`) or for one edition's own. */
export interface TransferDecision {
  edition: string | null;
  status: Status;
  maxDataClass: DataClass | null;
  conditions: string[];
  rationale: string;
  /** Slugs of approved alternatives. */
  alternatives: string[];
  reviewDueOn: string | null;
  /** Informational: who decided, when. An import records the decision anew, by the importer. */
  decidedAt?: string | null;
  decidedBy?: string | null;
}

export interface TransferSoftware {
  slug: string;
  name: string;
  vendor: { name: string; website: string | null } | null;
  kind: Kind;
  category: string;
  description: string;
  homepage: string | null;
  owner: string | null;
  /** Informational: the headline status, derived from the decisions. */
  status?: Status | null;
  editions: { slug: string; name: string; description: string }[];
  identifiers: { type: IdentifierType; value: string; edition: string | null }[];
  classifications: TransferDecision[];
}

export interface TransferDocument {
  format: typeof TRANSFER_FORMAT;
  version: typeof TRANSFER_VERSION;
  exportedAt: string;
  /** The catalogue filters the export was made with (empty: the whole catalogue). */
  filters: Record<string, string>;
  software: TransferSoftware[];
}

/** A software as the export shows it, from its rows: decisions in effect only, in a stable order. */
export function transferSoftware(input: Omit<TransferSoftware, "status" | "editions" | "identifiers" | "classifications"> & {
  status: Status | null;
  editions: { id: string; slug: string; name: string; description: string }[];
  identifiers: { type: IdentifierType; value: string; editionId: string | null }[];
  decisions: (ExistingDecision & { decidedByEmail: string | null })[];
  now: Date;
}): TransferSoftware {
  const editions = [...input.editions].sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
  const editionSlug = new Map(editions.map((e) => [e.id, e.slug]));
  const facts = decisionsInEffect(input.decisions);
  const byId = new Map(input.decisions.map((d) => [d.id, d]));
  const current: { edition: string | null; decision: (typeof input.decisions)[number] }[] = [];
  const general = currentClassification(facts, null, input.now);
  if (general) current.push({ edition: null, decision: byId.get(general.id)! });
  for (const edition of editions) {
    const own = currentClassification(facts, edition.id, input.now);
    if (own && own.editionId === edition.id) current.push({ edition: edition.slug, decision: byId.get(own.id)! });
  }
  return {
    slug: input.slug,
    name: input.name,
    vendor: input.vendor,
    kind: input.kind,
    category: input.category,
    description: input.description,
    homepage: input.homepage,
    owner: input.owner,
    status: input.status,
    editions: editions.map((e) => ({ slug: e.slug, name: e.name, description: e.description })),
    identifiers: input.identifiers
      .map((i) => ({ type: i.type, value: i.value, edition: i.editionId ? (editionSlug.get(i.editionId) ?? null) : null }))
      .sort((a, b) => compareText(a.type, b.type) || compareText(a.value, b.value)),
    classifications: current.map(({ edition, decision }) => ({
      edition,
      status: decision.status,
      maxDataClass: decision.maxDataClass,
      conditions: decision.conditions,
      rationale: decision.rationale,
      alternatives: [...decision.alternatives].sort(),
      reviewDueOn: decision.reviewDueOn,
      decidedAt: (decision.confirmedAt ?? decision.decidedAt).toISOString(),
      decidedBy: decision.decidedByEmail,
    })),
  };
}

/** Code-point order: the same on every machine, whatever the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortForExport(software: TransferSoftware[]): TransferSoftware[] {
  return [...software].sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.slug, b.slug));
}

// ---- CSV -----------------------------------------------------------------------------------

/**
 * One row per software (edition cells empty: its own fields, its general identifiers and its
 * decision for all editions), then one row per edition (slug repeated, software cells empty:
 * the edition, its identifiers and its own decision). Several values in one cell go one per line.
 */
export const CSV_COLUMNS = [
  "slug",
  "name",
  "vendor",
  "vendor_website",
  "kind",
  "category",
  "description",
  "homepage",
  "owner",
  "edition",
  "edition_name",
  "edition_description",
  "identifiers",
  "status",
  "max_data_class",
  "conditions",
  "rationale",
  "alternatives",
  "review_due_on",
  "decided_at",
  "decided_by",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Written by the export for information; an import ignores them and may leave them out. */
export const CSV_INFORMATIONAL_COLUMNS: readonly CsvColumn[] = ["decided_at", "decided_by"];
const SOFTWARE_COLUMNS = ["name", "vendor", "vendor_website", "kind", "category", "description", "homepage", "owner"] as const;
const DECISION_COLUMNS = ["status", "max_data_class", "conditions", "rationale", "alternatives", "review_due_on"] as const;

/** The CSV of a document, with a byte-order mark so that spreadsheets read it as UTF-8. */
export function catalogueCsv(document: TransferDocument): string {
  const rows: string[][] = [];
  for (const s of document.software) {
    const identifiersOf = (edition: string | null) =>
      s.identifiers.filter((i) => i.edition === edition).map((i) => `${i.type}:${i.value}`).join("\n");
    const decisionOf = (edition: string | null) => decisionCells(s.classifications.find((c) => c.edition === edition));
    rows.push(
      csvRow({
        slug: s.slug,
        name: s.name,
        vendor: s.vendor?.name ?? "",
        vendor_website: s.vendor?.website ?? "",
        kind: s.kind,
        category: s.category,
        description: s.description,
        homepage: s.homepage ?? "",
        owner: s.owner ?? "",
        identifiers: identifiersOf(null),
        ...decisionOf(null),
      }),
    );
    for (const edition of s.editions) {
      rows.push(
        csvRow({
          slug: s.slug,
          edition: edition.slug,
          edition_name: edition.name,
          edition_description: edition.description,
          identifiers: identifiersOf(edition.slug),
          ...decisionOf(edition.slug),
        }),
      );
    }
  }
  return `\uFEFF${toCsv(CSV_COLUMNS, rows)}`;
}

function decisionCells(decision: TransferDecision | undefined): Partial<Record<CsvColumn, string>> {
  if (!decision) return {};
  return {
    status: decision.status,
    max_data_class: decision.maxDataClass ?? "",
    conditions: decision.conditions.join("\n"),
    rationale: decision.rationale,
    alternatives: decision.alternatives.join("\n"),
    review_due_on: decision.reviewDueOn ?? "",
    decided_at: decision.decidedAt ?? "",
    decided_by: decision.decidedBy ?? "",
  };
}

function csvRow(cells: Partial<Record<CsvColumn, string>>): string[] {
  return CSV_COLUMNS.map((column) => cells[column] ?? "");
}

// ---- Reading a file ------------------------------------------------------------------------

/** The messages of an import, as keys under catalogue.transfer (messages/<locale>/catalogue.json). */
export type TransferKey = "file.empty" | "file.noSoftware" | "file.tooMany" | "file.notJson" | "file.prototypeKey" | "file.shape" | "file.notObject" | "file.notCatalogue" | "file.formatMustBe" | "file.version" | "file.versionMustBe" | "file.softwareNotArray" | "file.mustBeArray" | "file.nothing" | "file.csvSyntax" | "file.header" | "file.separator" | "file.unknownColumns" | "file.missingColumns" | "file.repeatedColumns" | "file.unknownColumn" | "file.missingColumn" | "file.repeatedColumn" | "file.emptyColumn" | "row.line" | "row.lineColumn" | "row.theSoftware" | "row.vendorWebsiteWithoutVendor" | "row.orphanEdition" | "row.editionWithoutSlug" | "row.differsFromSoftwareRow" | "row.cellCount" | "row.editionCellCount" | "row.badIdentifier" | "row.where" | "row.whereLine" | "row.sameName" | "row.nameWithoutSlug" | "row.slugTaken" | "row.sameSoftware" | "row.identifierInOtherRows" | "row.vendorWebsite" | "row.editionNameWithoutSlug" | "row.editionTwice" | "row.editionClash" | "row.allEditions" | "row.edition" | "row.identifierUnknownEdition" | "row.identifierTwice" | "row.identifierOwned" | "row.decisionUnknownEdition" | "row.decisionTwice" | "row.ownAlternative" | "row.unknownAlternative" | "row.wouldReplace" | "row.notReviewer" | "row.awaitingSecondReviewer" | "row.needsSecondReviewer" | "row.decisionUpTo" | "row.recordedAgain";

/**
 * Words a message of the import: lib/domain words nothing itself, the caller passes the
 * catalogue's translator (lib/validation/catalogue-transfer.ts: transferWord), in the reader's language.
 */
export type TransferWord = (key: TransferKey, values?: Record<string, string>) => string;

/** A file that cannot be read at all (encoding, syntax, columns, shape): nothing in it is imported. */
export class TransferFileError extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string[]>,
    /** Bytes that are not UTF-8: the caller words the problem (and the `file` field) in the reader's language. */
    readonly encoding?: EncodingProblem,
  ) {
    super(message);
    this.name = "TransferFileError";
  }
}

/** One software of the file, not yet validated: where it is and what it says. */
export interface RawRecord {
  /** 1-based position among the file's software. */
  row: number;
  /** The CSV line of the software's row; null in JSON. */
  line: number | null;
  /** "line 4" or "software[3]". */
  location: string;
  slug: string | null;
  name: string | null;
  /** The software as an object, for the import schema (lib/validation/catalogue-transfer.ts). */
  value: unknown;
  /** What is wrong with it already (cells that cannot be read). */
  issues: string[];
  /** Where a field of `value` came from, for messages: "kind", "line 9, edition_name", "editions[1].name". */
  place(path: readonly PropertyKey[]): string;
}

export type TransferFormat = "csv" | "json";

/** JSON when it says so or looks like it; CSV otherwise. */
export function detectFormat(text: string, contentType: string): TransferFormat {
  if (/^application\/([a-z.+-]*\+)?json\b/i.test(contentType.trim())) return "json";
  if (/^text\/csv\b/i.test(contentType.trim())) return "csv";
  return /^\s*[{[]/.test(text) ? "json" : "csv";
}

/** The software of an uploaded file, with where each came from. File-level problems throw TransferFileError. */
export function readTransferFile(bytes: Uint8Array, contentType: string, word: TransferWord): { format: TransferFormat; records: RawRecord[] } {
  let text: string;
  try {
    text = decodeUtf8Strict(bytes);
  } catch (error) {
    if (error instanceof EncodingError) throw new TransferFileError(error.message, undefined, error.problem);
    throw error;
  }
  if (text.trim() === "") throw new TransferFileError(word("file.empty"));
  const format = detectFormat(text, contentType);
  const records = format === "json" ? jsonRecords(text, word) : csvRecords(text, word);
  if (records.length === 0) throw new TransferFileError(word("file.noSoftware"));
  if (records.length > IMPORT_MAX_SOFTWARE) {
    throw new TransferFileError(word("file.tooMany", { count: String(records.length), max: String(IMPORT_MAX_SOFTWARE) }));
  }
  return { format, records };
}

export function jsonRecords(text: string, word: TransferWord): RawRecord[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new TransferFileError(word("file.notJson", { error: (error as Error).message }));
  }
  const prototypeKey = findPrototypeKey(document);
  if (prototypeKey !== null) {
    const message = word("file.prototypeKey", { key: JSON.stringify(prototypeKey.slice(0, 100)) });
    throw new TransferFileError(message, { file: [message] });
  }
  const shape = word("file.shape", { format: TRANSFER_FORMAT, version: String(TRANSFER_VERSION) });
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new TransferFileError(word("file.notObject", { shape }));
  }
  const { format, version, software } = document as Record<string, unknown>;
  if (format !== TRANSFER_FORMAT) {
    throw new TransferFileError(word("file.notCatalogue", { format: TRANSFER_FORMAT, found: describeValue(format, word), shape }), { format: [word("file.formatMustBe", { format: TRANSFER_FORMAT })] });
  }
  if (version !== TRANSFER_VERSION) {
    throw new TransferFileError(word("file.version", { found: describeValue(version, word), version: String(TRANSFER_VERSION) }), { version: [word("file.versionMustBe", { version: String(TRANSFER_VERSION) })] });
  }
  if (!Array.isArray(software)) throw new TransferFileError(word("file.softwareNotArray", { shape }), { software: [word("file.mustBeArray")] });
  return software.map((item, index) => {
    const object = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    return {
      row: index + 1,
      line: null,
      location: `software[${index}]`,
      slug: typeof object.slug === "string" ? object.slug : null,
      name: typeof object.name === "string" ? object.name : null,
      value: item,
      issues: [],
      place: (path) => jsonPath(path, word),
    };
  });
}

function describeValue(value: unknown, word: TransferWord): string {
  return value === undefined ? word("file.nothing") : JSON.stringify(value).slice(0, 40);
}

function jsonPath(path: readonly PropertyKey[], word: TransferWord): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("") || word("row.theSoftware");
}

interface CsvRow {
  line: number;
  get(column: CsvColumn): string;
}

interface CsvRecordBuilder {
  record: RawRecord;
  row: CsvRow;
  value: {
    slug?: string;
    name: string;
    vendor: { name: string; website: string | null } | null;
    kind: string;
    category: string;
    description: string;
    homepage: string | null;
    owner: string | null;
    editions: { slug?: string; name: string; description: string }[];
    identifiers: { type: string; value: string; edition: string | null }[];
    classifications: Record<string, unknown>[];
  };
  editionLines: number[];
  identifierLines: number[];
  decisionLines: number[];
}

const DECISION_FIELD_COLUMN: Record<string, CsvColumn> = {
  edition: "edition",
  status: "status",
  maxDataClass: "max_data_class",
  conditions: "conditions",
  rationale: "rationale",
  alternatives: "alternatives",
  reviewDueOn: "review_due_on",
};
const SOFTWARE_FIELD_COLUMN: Record<string, CsvColumn> = {
  slug: "slug",
  name: "name",
  kind: "kind",
  category: "category",
  description: "description",
  homepage: "homepage",
  owner: "owner",
};

export function csvRecords(text: string, word: TransferWord): RawRecord[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new TransferFileError(word("file.csvSyntax", { error: error.message }), { file: [error.message] });
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new TransferFileError(word("file.empty"));
  const index = headerIndex(header.cells, word);

  const rows: CsvRow[] = body.map(({ line, cells }) => ({
    line,
    // What the export neutralised for spreadsheets is restored exactly.
    get: (column: CsvColumn) => {
      const at = index.get(column);
      return at === undefined ? "" : restoreFormula(cells[at] ?? "");
    },
  }));
  const cellCounts = new Map(body.map(({ line, cells }) => [line, cells.length]));
  const isEditionRow = (row: CsvRow) => row.get("edition").trim() !== "" || row.get("edition_name").trim() !== "";

  const builders: CsvRecordBuilder[] = [];
  const byKey = new Map<string, CsvRecordBuilder>();
  const orphans: RawRecord[] = [];

  for (const row of rows.filter((r) => !isEditionRow(r))) {
    const slug = row.get("slug").trim();
    const name = row.get("name");
    const builder = newSoftwareRecord(row, slug, name, word);
    const vendor = row.get("vendor").trim();
    if (!vendor && row.get("vendor_website").trim()) builder.record.issues.push(word("row.vendorWebsiteWithoutVendor"));
    builder.record.issues.push(...identifiersFromCell(row, null, builder, null, word));
    addDecision(builder, row, null);
    builders.push(builder);
    const key = slug || slugify(name);
    if (key && !byKey.has(key)) byKey.set(key, builder);
  }

  for (const row of rows.filter(isEditionRow)) {
    const slug = row.get("slug").trim();
    const owner = slug ? byKey.get(slug) : undefined;
    if (!owner) {
      orphans.push({
        row: 0,
        line: row.line,
        location: word("row.line", { line: String(row.line) }),
        slug: slug || null,
        name: row.get("edition_name").trim() || row.get("edition").trim() || null,
        value: null,
        issues: [
          slug ? word("row.orphanEdition", { slug }) : word("row.editionWithoutSlug"),
        ],
        place: () => word("row.line", { line: String(row.line) }),
      });
      continue;
    }
    const editionSlug = row.get("edition").trim();
    const editionName = row.get("edition_name");
    const editionKey = editionSlug || slugify(editionName);
    owner.value.editions.push({ ...(editionSlug ? { slug: editionSlug } : {}), name: editionName, description: row.get("edition_description") });
    owner.editionLines.push(row.line);
    for (const column of SOFTWARE_COLUMNS) {
      const cell = row.get(column);
      if (cell.trim() !== "" && cell !== owner.row.get(column)) {
        owner.record.issues.push(word("row.differsFromSoftwareRow", { line: String(row.line), column, softwareLine: String(owner.row.line) }));
      }
    }
    owner.record.issues.push(...identifiersFromCell(row, editionKey || null, owner, row.line, word));
    addDecision(owner, row, editionKey || null);
  }

  for (const builder of builders) {
    const count = cellCounts.get(builder.row.line)!;
    if (count !== index.size) builder.record.issues.unshift(word("row.cellCount", { count: String(count), header: String(index.size) }));
    for (const line of builder.editionLines) {
      const editionCount = cellCounts.get(line)!;
      if (editionCount !== index.size) builder.record.issues.push(word("row.editionCellCount", { line: String(line), count: String(editionCount), header: String(index.size) }));
    }
    builder.record.value = builder.value;
  }
  const all = [...builders.map((b) => b.record), ...orphans].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return all.map((record, i) => ({ ...record, row: i + 1 }));
}

/** Column positions by name; unknown, missing or repeated names refuse the file, naming them. */
function headerIndex(cells: string[], word: TransferWord): Map<CsvColumn, number> {
  const index = new Map<CsvColumn, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) unknown.push(cell.trim() || word("file.emptyColumn", { column: String(i + 1) }));
    else if (index.has(name as CsvColumn)) repeated.push(name);
    else index.set(name as CsvColumn, i);
  });
  const missing = CSV_COLUMNS.filter((c) => !index.has(c) && !CSV_INFORMATIONAL_COLUMNS.includes(c));
  if (unknown.length || missing.length || repeated.length) {
    const problems = [
      unknown.length ? word("file.unknownColumns", { count: String(unknown.length), names: unknown.map(quote).join(", ") }) : null,
      missing.length ? word("file.missingColumns", { count: String(missing.length), names: missing.map(quote).join(", ") }) : null,
      repeated.length ? word("file.repeatedColumns", { count: String(repeated.length), names: repeated.map(quote).join(", ") }) : null,
    ].filter(Boolean);
    const fields: Record<string, string[]> = {};
    for (const c of unknown) fields[c] = [word("file.unknownColumn")];
    for (const c of missing) fields[c] = [word("file.missingColumn")];
    for (const c of repeated) fields[c] = [word("file.repeatedColumn")];
    const [first = "", second = ""] = CSV_INFORMATIONAL_COLUMNS;
    throw new TransferFileError(word("file.header", { problems: problems.join(word("file.separator")), columns: CSV_COLUMNS.join(", "), first, second }), fields);
  }
  return index;
}

function quote(text: string): string {
  return `"${text.slice(0, 60)}"`;
}

function newSoftwareRecord(row: CsvRow, slug: string, name: string, word: TransferWord): CsvRecordBuilder {
  const vendor = row.get("vendor").trim();
  const builder: CsvRecordBuilder = {
    row,
    value: {
      ...(slug ? { slug } : {}),
      name,
      vendor: vendor ? { name: row.get("vendor"), website: row.get("vendor_website").trim() || null } : null,
      kind: row.get("kind").trim(),
      category: row.get("category"),
      description: row.get("description"),
      homepage: row.get("homepage").trim() || null,
      owner: row.get("owner").trim() || null,
      editions: [],
      identifiers: [],
      classifications: [],
    },
    editionLines: [],
    identifierLines: [],
    decisionLines: [],
    record: {
      row: 0,
      line: row.line,
      location: word("row.line", { line: String(row.line) }),
      slug: slug || null,
      name: name.trim() || null,
      value: null,
      issues: [],
      place: (path) => csvPlace(builder, path, word),
    },
  };
  return builder;
}

function csvPlace(builder: CsvRecordBuilder, path: readonly PropertyKey[], word: TransferWord): string {
  const [head, position, field] = path;
  const at = (line: number | undefined, column: string) => (line === undefined || line === builder.row.line ? column : word("row.lineColumn", { line: String(line), column }));
  const i = typeof position === "number" ? position : -1;
  switch (head) {
    case "vendor":
      return at(undefined, position === "website" ? "vendor_website" : "vendor");
    case "editions":
      return at(builder.editionLines[i], field === "slug" ? "edition" : field === "description" ? "edition_description" : "edition_name");
    case "identifiers":
      return at(builder.identifierLines[i], "identifiers");
    case "classifications":
      return at(builder.decisionLines[i], DECISION_FIELD_COLUMN[String(field)] ?? "status");
    default:
      return at(undefined, SOFTWARE_FIELD_COLUMN[String(head)] ?? String(head ?? "row"));
  }
}

/** `type:value` per line; a line that is not one is a problem named, the others are kept. */
function identifiersFromCell(row: CsvRow, edition: string | null, builder: CsvRecordBuilder, editionLine: number | null, word: TransferWord): string[] {
  const problems: string[] = [];
  for (const entry of row.get("identifiers").split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const colon = entry.indexOf(":");
    const type = colon > 0 ? entry.slice(0, colon).trim().toLowerCase() : "";
    if (!(IDENTIFIER_TYPES as readonly string[]).includes(type)) {
      const problem = word("row.badIdentifier", { entry: entry.slice(0, 80), types: IDENTIFIER_TYPES.join(", ") });
      problems.push(editionLine === null ? problem : word("row.lineColumn", { line: String(editionLine), column: problem }));
      continue;
    }
    builder.value.identifiers.push({ type, value: entry.slice(colon + 1).trim(), edition });
    builder.identifierLines.push(row.line);
  }
  return problems;
}

function addDecision(builder: CsvRecordBuilder, row: CsvRow, edition: string | null) {
  if (DECISION_COLUMNS.every((column) => row.get(column).trim() === "")) return;
  builder.value.classifications.push({
    edition,
    status: row.get("status").trim(),
    maxDataClass: row.get("max_data_class").trim() || null,
    conditions: splitLines(row.get("conditions")),
    rationale: row.get("rationale"),
    // Slugs hold no spaces, commas or semicolons: any of them separates.
    alternatives: row.get("alternatives").split(/[\s,;]+/).filter(Boolean),
    reviewDueOn: row.get("review_due_on").trim() || null,
  });
  builder.decisionLines.push(row.line);
}

function splitLines(cell: string): string[] {
  return cell.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

// ---- Planning ------------------------------------------------------------------------------

/** A software of the file after validation (lib/validation/catalogue-transfer.ts): identifiers normalised. */
export interface ImportSoftware {
  slug?: string;
  name: string;
  vendor: { name: string; website?: string } | null;
  kind: Kind;
  category: string;
  description: string;
  homepage?: string;
  owner?: string;
  editions: { slug?: string; name: string; description: string }[];
  identifiers: { type: IdentifierType; value: string; edition: string | null }[];
  classifications: {
    edition: string | null;
    status: Status;
    maxDataClass: DataClass | null;
    conditions: string[];
    rationale: string;
    alternatives: string[];
    reviewDueOn?: string;
  }[];
}

export type ImportDecision = ImportSoftware["classifications"][number];

export interface ValidatedRecord extends Omit<RawRecord, "value" | "issues" | "place"> {
  /** Present when the software passed validation. */
  data: ImportSoftware | null;
  reasons: string[];
}

/** A decision as stored, with what the plan compares. */
export interface ExistingDecision {
  id: string;
  editionId: string | null;
  status: Status;
  maxDataClass: DataClass | null;
  conditions: string[];
  rationale: string;
  /** Slugs. */
  alternatives: string[];
  reviewDueOn: string;
  decidedAt: Date;
  confirmationReason: string | null;
  confirmedAt: Date | null;
}

export interface ExistingSoftware {
  id: string;
  slug: string;
  name: string;
  kind: Kind;
  category: string;
  description: string;
  homepage: string | null;
  owner: string | null;
  /** ISO time: the update names it, so a change made meanwhile is refused. */
  updatedAt: string;
  vendor: { id: string; name: string } | null;
  editions: { id: string; slug: string; name: string; description: string }[];
  identifiers: { id: string; type: IdentifierType; value: string; editionId: string | null }[];
  decisions: ExistingDecision[];
  /** Inherent tier of the latest completed assessment per scope: the edition id, or "" for all editions. */
  tiers: Record<string, Level>;
}

export interface ImportSnapshot {
  /** The software the file names by slug or name, and those it names as alternatives. */
  software: ExistingSoftware[];
  /** Owners of the identifiers the file lists. */
  identifierOwners: { type: IdentifierType; value: string; softwareId: string; softwareSlug: string; softwareName: string }[];
  /** The vendors the file names. */
  vendors: { id: string; name: string; website: string | null }[];
}

export const IMPORT_ACTIONS = ["create", "update", "unchanged", "reject"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export interface ImportChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface PlanRow {
  row: number;
  line: number | null;
  location: string;
  slug: string | null;
  name: string | null;
  action: ImportAction;
  changes: ImportChange[];
  reasons: string[];
}

export interface ImportSummary {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  reject: number;
}

/** What applying a row does, in the order it is done. */
export interface SoftwareWork {
  row: number;
  existing: ExistingSoftware | null;
  slug: string;
  fields: { name: string; kind: Kind; category: string; description: string; homepage: string | null; owner: string | null; vendor: string | null };
  softwareChanged: boolean;
  newEditions: { slug: string; name: string; description: string }[];
  editionUpdates: { id: string; name: string; description: string }[];
  newIdentifiers: { type: IdentifierType; value: string; edition: string | null }[];
  /** Identifiers that move to another edition (or to all editions). */
  rebinds: { id: string; type: IdentifierType; value: string; edition: string | null }[];
  /** Editions' own decisions first, then the one for all editions: at one instant, an edition's own wins. */
  decisions: (ImportDecision & { kept: boolean })[];
}

export interface ImportWork {
  vendorsToCreate: { name: string; website: string | null }[];
  vendorWebsites: { id: string; name: string; website: string }[];
  software: SoftwareWork[];
}

export interface ImportPlan {
  rows: PlanRow[];
  summary: ImportSummary;
  /** For the apply only (never shown): what to do, valid when nothing is rejected. */
  work: ImportWork;
}

export interface PlanOptions {
  /** False for an API token: decisions are a reviewer's. */
  mayDecide: boolean;
  now: Date;
  /** Words the reasons, in the reader's language. */
  word: TransferWord;
}

/**
 * Row by row, what importing the file would do to the catalogue as the snapshot shows it.
 *
 * Matching: a row with a slug is the software with that slug (created with it when there is
 * none); a row without one is the software of that name (case-insensitive, when exactly one
 * has it), or new with a slug made from its name. Identifiers never pick the software; one
 * that already belongs to another software rejects the row. An import adds and changes, and
 * never removes: editions, identifiers and decisions the file leaves out stay as they are.
 */
export function planImport(records: readonly ValidatedRecord[], snapshot: ImportSnapshot, options: PlanOptions): ImportPlan {
  const { word } = options;
  const bySlug = new Map(snapshot.software.map((s) => [s.slug, s]));
  const byName = new Map<string, ExistingSoftware[]>();
  for (const s of snapshot.software) byName.set(s.name.toLowerCase(), [...(byName.get(s.name.toLowerCase()) ?? []), s]);
  const owners = new Map(snapshot.identifierOwners.map((o) => [`${o.type}:${o.value}`, o]));
  const vendors = new Map(snapshot.vendors.map((v) => [v.name.toLowerCase(), v]));

  interface Entry {
    record: ValidatedRecord;
    data: ImportSoftware | null;
    reasons: string[];
    changes: ImportChange[];
    target: ExistingSoftware | null;
    slug: string | null;
  }
  const entries: Entry[] = records.map((record) => ({ record, data: record.data, reasons: [...record.reasons], changes: [], target: null, slug: record.slug }));
  const where = (e: Entry) =>
    e.record.line ? word("row.whereLine", { row: String(e.record.row), line: String(e.record.line) }) : word("row.where", { row: String(e.record.row) });

  // 1. Which software each row is.
  for (const e of entries) {
    if (!e.data) continue;
    if (e.data.slug) {
      e.slug = e.data.slug;
      e.target = bySlug.get(e.data.slug) ?? null;
      continue;
    }
    const named = byName.get(e.data.name.toLowerCase()) ?? [];
    if (named.length > 1) {
      e.reasons.push(word("row.sameName", { count: String(named.length), name: e.data.name, slugs: named.map((s) => s.slug).join(", ") }));
    } else if (named.length === 1) {
      e.target = named[0]!;
      e.slug = e.target.slug;
    } else {
      const made = slugify(e.data.name);
      const taken = bySlug.get(made);
      if (!made) e.reasons.push(word("row.nameWithoutSlug"));
      else if (taken) e.reasons.push(word("row.slugTaken", { slug: made, taken: taken.name }));
      else e.slug = made;
    }
  }

  // 2. One row per software, one software per identifier.
  sameKey(entries.filter((e) => e.data && e.slug), (e) => e.target?.id ?? `new:${e.slug}`, (e, others) =>
    e.reasons.push(word("row.sameSoftware", { slug: e.slug ?? "", others: others.map(where).join(", ") })),
  );
  const identifierRows = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const key of new Set((e.data?.identifiers ?? []).map((i) => `${i.type}:${i.value}`))) identifierRows.set(key, [...(identifierRows.get(key) ?? []), e]);
  }
  for (const [key, rows] of identifierRows) {
    if (rows.length < 2) continue;
    for (const e of rows) e.reasons.push(word("row.identifierInOtherRows", { key, others: rows.filter((o) => o !== e).map(where).join(", ") }));
  }

  // 3. Vendors: found by name (case-insensitive), created when new; one website per vendor.
  const vendorsToCreate = new Map<string, { name: string; website: string | null; row: Entry }>();
  const vendorWebsites = new Map<string, { id: string; name: string; website: string; row: Entry }>();
  for (const e of entries) {
    const vendor = e.data?.vendor;
    if (!vendor) continue;
    const key = vendor.name.toLowerCase();
    const existing = vendors.get(key);
    const website = vendor.website ?? null;
    if (!existing) {
      const planned = vendorsToCreate.get(key);
      if (!planned) {
        vendorsToCreate.set(key, { name: vendor.name, website, row: e });
        e.changes.push({ field: "vendor (new)", before: null, after: website ? `${vendor.name} (${website})` : vendor.name });
      } else if (website && planned.website && website !== planned.website) {
        e.reasons.push(word("row.vendorWebsite", { vendor: vendor.name, website: planned.website, where: where(planned.row) }));
      } else if (website && !planned.website) {
        planned.website = website;
      }
      continue;
    }
    if (!website || website === existing.website) continue;
    const planned = vendorWebsites.get(key);
    if (!planned) {
      vendorWebsites.set(key, { id: existing.id, name: existing.name, website, row: e });
      e.changes.push({ field: `vendor ${existing.name}: website`, before: existing.website, after: website });
    } else if (planned.website !== website) {
      e.reasons.push(word("row.vendorWebsite", { vendor: existing.name, website: planned.website, where: where(planned.row) }));
    }
  }

  // Slugs the file creates or names: possible alternatives.
  const fileSlugs = new Set(entries.flatMap((e) => (e.slug ? [e.slug] : [])));

  // 4. Each software: its fields, editions, identifiers and decisions.
  const work: SoftwareWork[] = [];
  for (const e of entries) {
    if (!e.data || !e.slug) continue;
    const planned = planSoftware(e.data, e.target, e.slug, { owners, bySlug, fileSlugs, options });
    e.changes.push(...planned.changes);
    e.reasons.push(...planned.reasons);
    work.push({ ...planned.work, row: e.record.row });
  }

  const rows: PlanRow[] = entries.map((e) => ({
    row: e.record.row,
    line: e.record.line,
    location: e.record.location,
    slug: e.slug ?? e.record.slug,
    name: e.data?.name ?? e.record.name,
    action: e.reasons.length > 0 ? "reject" : !e.target ? "create" : e.changes.length > 0 ? "update" : "unchanged",
    changes: e.changes,
    reasons: e.reasons,
  }));
  return {
    rows,
    summary: summarise(rows),
    work: {
      vendorsToCreate: [...vendorsToCreate.values()].map(({ name, website }) => ({ name, website })),
      vendorWebsites: [...vendorWebsites.values()].map(({ id, name, website }) => ({ id, name, website })),
      software: work,
    },
  };
}

export function summarise(rows: readonly { action: ImportAction }[]): ImportSummary {
  const summary: ImportSummary = { total: rows.length, create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const row of rows) summary[row.action] += 1;
  return summary;
}

function sameKey<T>(items: T[], key: (item: T) => string, report: (item: T, others: T[]) => void) {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  for (const group of groups.values()) if (group.length > 1) for (const item of group) report(item, group.filter((o) => o !== item));
}

function planSoftware(
  data: ImportSoftware,
  target: ExistingSoftware | null,
  slug: string,
  context: {
    owners: Map<string, ImportSnapshot["identifierOwners"][number]>;
    bySlug: Map<string, ExistingSoftware>;
    fileSlugs: Set<string>;
    options: PlanOptions;
  },
): { changes: ImportChange[]; reasons: string[]; work: Omit<SoftwareWork, "row"> } {
  const { word } = context.options;
  const changes: ImportChange[] = [];
  const reasons: string[] = [];
  const fields = {
    name: data.name,
    kind: data.kind,
    category: data.category,
    description: data.description,
    homepage: data.homepage ?? null,
    owner: data.owner ?? null,
    vendor: data.vendor?.name ?? null,
  };

  // Fields: the row states them all; an empty cell clears an optional one.
  let softwareChanged = false;
  if (target) {
    const compare = (field: string, before: string | null, after: string | null, same = before === after) => {
      if (same) return;
      softwareChanged = true;
      changes.push({ field, before, after });
    };
    compare("name", target.name, fields.name);
    compare("vendor", target.vendor?.name ?? null, fields.vendor, (target.vendor?.name.toLowerCase() ?? null) === (fields.vendor?.toLowerCase() ?? null));
    compare("kind", target.kind, fields.kind);
    compare("category", target.category, fields.category);
    compare("description", target.description, fields.description);
    compare("homepage", target.homepage, fields.homepage);
    compare("owner", target.owner, fields.owner);
  }

  // Editions, by slug (made from the name when the file gives none).
  const editionSlugs = new Map<string, { id: string | null; name: string }>();
  for (const e of target?.editions ?? []) editionSlugs.set(e.slug, { id: e.id, name: e.name });
  const newEditions: SoftwareWork["newEditions"] = [];
  const editionUpdates: SoftwareWork["editionUpdates"] = [];
  const seenEditions = new Set<string>();
  for (const edition of data.editions) {
    const editionSlug = edition.slug ?? slugify(edition.name);
    if (!editionSlug) {
      reasons.push(word("row.editionNameWithoutSlug", { name: edition.name }));
      continue;
    }
    if (seenEditions.has(editionSlug)) {
      reasons.push(word("row.editionTwice", { edition: editionSlug }));
      continue;
    }
    seenEditions.add(editionSlug);
    const existing = target?.editions.find((e) => e.slug === editionSlug);
    if (existing) {
      if (existing.name === edition.name && existing.description === edition.description) continue;
      const wanted = slugify(edition.name);
      const clash = target!.editions.find((e) => e.id !== existing.id && (e.slug === wanted || slugify(e.name) === wanted));
      if (clash) reasons.push(word("row.editionClash", { edition: editionSlug, name: edition.name, other: clash.name }));
      editionUpdates.push({ id: existing.id, name: edition.name, description: edition.description });
      if (existing.name !== edition.name) changes.push({ field: `edition ${editionSlug}: name`, before: existing.name, after: edition.name });
      if (existing.description !== edition.description) changes.push({ field: `edition ${editionSlug}: description`, before: existing.description, after: edition.description });
    } else {
      newEditions.push({ slug: editionSlug, name: edition.name, description: edition.description });
      editionSlugs.set(editionSlug, { id: null, name: edition.name });
      changes.push({ field: `edition ${editionSlug}`, before: null, after: edition.name });
    }
  }
  const editionLabel = (edition: string | null) => (edition === null ? word("row.allEditions") : word("row.edition", { edition }));

  // Identifiers: added, or moved to the edition the file names; never removed.
  const newIdentifiers: SoftwareWork["newIdentifiers"] = [];
  const rebinds: SoftwareWork["rebinds"] = [];
  const seenIdentifiers = new Map<string, string | null>();
  for (const identifier of data.identifiers) {
    const key = `${identifier.type}:${identifier.value}`;
    if (identifier.edition !== null && !editionSlugs.has(identifier.edition)) {
      reasons.push(word("row.identifierUnknownEdition", { key, edition: identifier.edition }));
      continue;
    }
    if (seenIdentifiers.has(key)) {
      if (seenIdentifiers.get(key) !== identifier.edition) reasons.push(word("row.identifierTwice", { key }));
      continue;
    }
    seenIdentifiers.set(key, identifier.edition);
    const owner = context.owners.get(key);
    if (owner && owner.softwareId !== target?.id) {
      reasons.push(word("row.identifierOwned", { key, name: owner.softwareName, slug: owner.softwareSlug }));
      continue;
    }
    const existing = target?.identifiers.find((i) => i.type === identifier.type && i.value === identifier.value);
    if (!existing) {
      newIdentifiers.push(identifier);
      changes.push({ field: "identifier", before: null, after: identifier.edition ? `${key} (${editionLabel(identifier.edition)})` : key });
      continue;
    }
    const boundTo = existing.editionId ? (target!.editions.find((e) => e.id === existing.editionId)?.slug ?? null) : null;
    if (boundTo !== identifier.edition) {
      rebinds.push({ id: existing.id, ...identifier });
      changes.push({ field: `identifier ${key}`, before: editionLabel(boundTo), after: editionLabel(identifier.edition) });
    }
  }

  // Decisions: recorded when they differ from the one in effect for their scope.
  const decisions: SoftwareWork["decisions"] = [];
  const facts: ClassificationFact[] = decisionsInEffect(target?.decisions ?? []);
  const editionId = (edition: string | null) => (edition === null ? null : (editionSlugs.get(edition)?.id ?? null));
  /** The decision in effect for exactly this scope (an edition's own, or the one for all editions). */
  const ownDecision = (edition: string | null): ExistingDecision | null => {
    if (!target) return null;
    const id = editionId(edition);
    if (edition !== null && id === null) return null;
    const current = currentClassification(facts, id, context.options.now);
    if (!current || current.editionId !== id) return null;
    return target.decisions.find((d) => d.id === current.id) ?? null;
  };
  const seenScopes = new Set<string>();
  const given: ImportDecision[] = [];
  for (const decision of data.classifications) {
    const scope = decision.edition ?? "";
    if (decision.edition !== null && !editionSlugs.has(decision.edition)) {
      reasons.push(word("row.decisionUnknownEdition", { edition: decision.edition }));
      continue;
    }
    if (seenScopes.has(scope)) {
      reasons.push(word("row.decisionTwice", { scope: editionLabel(decision.edition) }));
      continue;
    }
    seenScopes.add(scope);
    for (const alternative of decision.alternatives) {
      if (alternative === slug) reasons.push(word("row.ownAlternative", { scope: editionLabel(decision.edition) }));
      else if (!context.bySlug.has(alternative) && !context.fileSlugs.has(alternative)) {
        reasons.push(word("row.unknownAlternative", { alternative, scope: editionLabel(decision.edition) }));
      }
    }
    given.push(decision);
  }
  const changed = given.filter((d) => {
    const own = ownDecision(d.edition);
    return !own || !sameDecision(own, d);
  });
  const generalChanges = changed.some((d) => d.edition === null);
  const toRecord: (ImportDecision & { kept: boolean })[] = changed.map((d) => ({ ...d, kept: false }));
  if (generalChanges && target) {
    // A new decision for all editions would replace the editions' own ones: those the file
    // gives are recorded again after it; one it leaves out would be lost, so the row is refused.
    for (const edition of target.editions) {
      const own = ownDecision(edition.slug);
      if (!own) continue;
      const restated = given.find((d) => d.edition === edition.slug);
      if (!restated) {
        reasons.push(word("row.wouldReplace", { edition: edition.name, decision: describeDecision(own, word) }));
      } else if (!toRecord.some((d) => d.edition === edition.slug)) {
        toRecord.push({ ...restated, kept: true });
      }
    }
  }
  for (const decision of toRecord) {
    const label = editionLabel(decision.edition);
    const own = ownDecision(decision.edition);
    if (!context.options.mayDecide) {
      reasons.push(word("row.notReviewer", { scope: label }));
      continue;
    }
    const id = editionId(decision.edition);
    const pending = target?.decisions.find((d) => d.confirmationReason !== null && d.confirmedAt === null && d.editionId === id);
    if (pending) {
      reasons.push(word("row.awaitingSecondReviewer", { scope: label }));
      continue;
    }
    // As the decision itself will be judged: against the one in effect for that scope now
    // (an edition's own decisions are recorded before the one for all editions).
    const current = target ? currentClassification(facts, decision.edition === null ? null : (id ?? `new:${decision.edition}`), context.options.now) : null;
    const tier = target ? (target.tiers[id ?? ""] ?? null) : null;
    const rule = secondReviewerRule(current, decision, decision.edition !== null && id === null ? null : tier);
    if (rule.required) {
      reasons.push(word("row.needsSecondReviewer", { scope: label, reason: rule.reason ?? "" }));
      continue;
    }
    if (decision.kept) {
      changes.push({ field: `decision (${label})`, before: describeDecision(own!, word), after: word("row.recordedAgain") });
    } else if (!own) {
      changes.push({ field: `decision (${label})`, before: null, after: describeDecision(decision, word) });
    } else {
      changes.push(...decisionChanges(label, own, decision));
    }
  }
  // Editions' own first: recorded at the same instant, an edition's own decision wins (verdict.ts).
  decisions.push(...toRecord.filter((d) => d.edition !== null), ...toRecord.filter((d) => d.edition === null));

  return {
    changes,
    reasons,
    work: { existing: target, slug, fields, softwareChanged, newEditions, editionUpdates, newIdentifiers, rebinds, decisions },
  };
}

function sameDecision(existing: ExistingDecision, wanted: ImportDecision): boolean {
  return (
    existing.status === wanted.status &&
    existing.maxDataClass === wanted.maxDataClass &&
    sameList(existing.conditions, wanted.conditions) &&
    existing.rationale === wanted.rationale &&
    sameList([...existing.alternatives].sort(), [...new Set(wanted.alternatives)].sort()) &&
    // A file that gives no review date takes the one in effect.
    (wanted.reviewDueOn === undefined || wanted.reviewDueOn === existing.reviewDueOn)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function describeDecision(decision: { status: Status; maxDataClass: DataClass | null }, word: TransferWord): string {
  return decision.maxDataClass ? word("row.decisionUpTo", { status: decision.status, dataClass: decision.maxDataClass }) : decision.status;
}

function decisionChanges(label: string, before: ExistingDecision, after: ImportDecision): ImportChange[] {
  const out: ImportChange[] = [];
  const field = (name: string) => `decision (${label}): ${name}`;
  if (before.status !== after.status) out.push({ field: field("status"), before: before.status, after: after.status });
  if (before.maxDataClass !== after.maxDataClass) out.push({ field: field("max data class"), before: before.maxDataClass, after: after.maxDataClass });
  if (!sameList(before.conditions, after.conditions)) out.push({ field: field("conditions"), before: before.conditions.join("; ") || null, after: after.conditions.join("; ") || null });
  if (before.rationale !== after.rationale) out.push({ field: field("rationale"), before: before.rationale, after: after.rationale });
  const alternatives = [...new Set(after.alternatives)].sort();
  if (!sameList([...before.alternatives].sort(), alternatives)) out.push({ field: field("alternatives"), before: before.alternatives.join(", ") || null, after: alternatives.join(", ") || null });
  if (after.reviewDueOn !== undefined && before.reviewDueOn !== after.reviewDueOn) out.push({ field: field("review due on"), before: before.reviewDueOn, after: after.reviewDueOn });
  return out;
}
