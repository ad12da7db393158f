import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  TransferFileError,
  catalogueCsv,
  planImport,
  readTransferFile,
  type ExistingSoftware,
  type ImportSnapshot,
  type TransferDocument,
  type TransferSoftware,
} from "@/lib/domain/catalogue-transfer";
import { csvCell, neutraliseFormula, parseCsv, restoreFormula } from "@/lib/domain/csv";
import { EncodingError, decodeUtf8Strict, firstInvalidUtf8 } from "@/lib/domain/utf8";
import { t } from "@/lib/i18n/translate";
import { transferWord, validateImportRecords } from "@/lib/validation/catalogue-transfer";

const now = new Date("2026-06-01T12:00:00Z");
const enc = (text: string) => new TextEncoder().encode(text);

function software(over: Partial<TransferSoftware> = {}): TransferSoftware {
  return {
    slug: "cursor",
    name: "Cursor",
    vendor: { name: "Anysphere", website: "https://anysphere.example" },
    kind: "desktop_app",
    category: "AI coding",
    description: "An editor.",
    homepage: null,
    owner: null,
    status: "approved",
    editions: [{ slug: "business", name: "Business", description: "" }],
    identifiers: [
      { type: "domain", value: "cursor.com", edition: null },
      { type: "domain", value: "business.cursor.com", edition: "business" },
    ],
    classifications: [
      { edition: null, status: "restricted", maxDataClass: null, conditions: ["-Privacy mode on", "No secrets"], rationale: "Sends code to a cloud.", alternatives: ["copilot"], reviewDueOn: "2027-01-01", decidedAt: null, decidedBy: null },
      { edition: "business", status: "approved", maxDataClass: "internal", conditions: [], rationale: "Admin controls, no training.", alternatives: [], reviewDueOn: "2027-01-01", decidedAt: null, decidedBy: null },
    ],
    ...over,
  };
}

function doc(items: TransferSoftware[]): TransferDocument {
  return { format: "vetted-catalogue", version: 1, exportedAt: now.toISOString(), filters: {}, software: items };
}

function plan(bytes: Uint8Array, contentType: string, snapshot: Partial<ImportSnapshot> = {}, mayDecide = true) {
  const { records } = readTransferFile(bytes, contentType, transferWord);
  return planImport(validateImportRecords(records), { software: [], identifierOwners: [], vendors: [], ...snapshot }, { mayDecide, now, word: transferWord });
}

/** The catalogue as it stands for `s`, as the snapshot loader would read it. */
function existing(s: TransferSoftware, id = "11111111-1111-4111-8111-111111111111"): ExistingSoftware {
  const editions = s.editions.map((e, i) => ({ id: `e${i}`, ...e }));
  return {
    id,
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    category: s.category,
    description: s.description,
    homepage: s.homepage,
    owner: s.owner,
    updatedAt: now.toISOString(),
    vendor: s.vendor ? { id: "v1", name: s.vendor.name } : null,
    editions,
    identifiers: s.identifiers.map((i, n) => ({ id: `i${n}`, type: i.type, value: i.value, editionId: editions.find((e) => e.slug === i.edition)?.id ?? null })),
    decisions: s.classifications.map((c, n) => ({
      id: `d${n}`,
      editionId: editions.find((e) => e.slug === c.edition)?.id ?? null,
      status: c.status,
      maxDataClass: c.maxDataClass,
      conditions: c.conditions,
      rationale: c.rationale,
      alternatives: c.alternatives,
      reviewDueOn: c.reviewDueOn!,
      decidedAt: new Date(`2026-0${n + 1}-01T00:00:00Z`),
      confirmationReason: null,
      confirmedAt: null,
    })),
    tiers: {},
  };
}

const copilot = existing(software({ slug: "copilot", name: "Copilot", editions: [], identifiers: [], classifications: [] }), "22222222-2222-4222-8222-222222222222");

describe("CSV cells", () => {
  it("neutralises formulas so that restoring gives back exactly the text, apostrophes included", () => {
    for (const text of ["=SUM(A1)", "+1", "-2", "@scope/pkg", "\t=1", "'=1", "''@x", "'plain", "plain", "", "a=b"]) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(neutraliseFormula("'plain")).toBe("'plain");
    expect(csvCell("'=1")).toBe("''=1");
  });

  it("parses quoted commas, quotes and line breaks, and names the line a record starts on", () => {
    expect(parseCsv('\uFEFFa,b\r\n1,"x\ny, ""z"""\r\n\r\n3,4\r\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", 'x\ny, "z"'] },
      { line: 5, cells: ["3", "4"] },
    ]);
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/line 2/);
  });
});

describe("strict UTF-8", () => {
  /** The refusal of `bytes`, worded as the callers word it (English outside a request). */
  const refusal = (bytes: Uint8Array) => {
    try {
      decodeUtf8Strict(bytes);
    } catch (error) {
      if (error instanceof EncodingError) return { line: error.line, message: t(error.problem.key, error.problem.values) };
      throw error;
    }
    throw new Error("not refused");
  };

  it("drops a byte-order mark and refuses Latin-1, UTF-16 and NUL bytes, naming the line", () => {
    expect(decodeUtf8Strict(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9]))).toBe("café");
    expect(refusal(new Uint8Array([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]))).toEqual({
      line: 2,
      message: 'The file is not UTF-8: line 2 has, at byte 4 of the line, the byte 0xE9, which UTF-8 does not allow there (Latin-1 or Windows-1252, perhaps). Save it as UTF-8 (in Excel: "CSV UTF-8") and try again.',
    });
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x61, 0x00])).message).toMatch(/UTF-16/);
    expect(refusal(enc("a\nb\u0000c"))).toMatchObject({ line: 2, message: expect.stringMatching(/NUL bytes \(line 2\)/) });
  });

  it("finds the first byte of an ill-formed sequence (overlong, surrogate, truncated)", () => {
    expect(firstInvalidUtf8(enc("héllo €"))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1);
  });
});

describe("catalogue CSV", () => {
  it("writes a software row and a row per edition, several values one per line", () => {
    const lines = catalogueCsv(doc([software()])).slice(1).split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    // A line break inside a quoted cell is "\n"; records end with "\r\n".
    expect(lines[1]).toBe('cursor,Cursor,Anysphere,https://anysphere.example,desktop_app,AI coding,An editor.,,,,,,domain:cursor.com,restricted,,"\'-Privacy mode on\nNo secrets",Sends code to a cloud.,copilot,2027-01-01,,');
    expect(lines[2]).toBe("cursor,,,,,,,,,business,Business,,domain:business.cursor.com,approved,internal,,\"Admin controls, no training.\",,2027-01-01,,");
  });

  it("reads back what it wrote, in either format, to the same software", () => {
    const original = software();
    const fromCsv = validateImportRecords(readTransferFile(enc(catalogueCsv(doc([original]))), "text/csv", transferWord).records);
    const fromJson = validateImportRecords(readTransferFile(enc(JSON.stringify(doc([original]))), "application/json", transferWord).records);
    expect(fromCsv[0]!.reasons).toEqual([]);
    expect(fromCsv[0]!.data).toEqual(fromJson[0]!.data);
    expect(fromCsv[0]!.data).toMatchObject({
      slug: "cursor",
      vendor: { name: "Anysphere", website: "https://anysphere.example" },
      identifiers: original.identifiers,
      classifications: [{ edition: null, conditions: ["-Privacy mode on", "No secrets"], alternatives: ["copilot"] }, { edition: "business", maxDataClass: "internal" }],
    });
  });

  it("refuses a header with unknown or missing columns, naming them", () => {
    const csv = catalogueCsv(doc([software()])).replace(",kind,", ",type,");
    const error = (() => { try { readTransferFile(enc(csv), "text/csv", transferWord); } catch (e) { return e as TransferFileError; } })();
    expect(error).toBeInstanceOf(TransferFileError);
    expect(error!.message).toMatch(/unknown column "type"; missing column "kind"/);
    expect(error!.fields).toEqual({ type: ["unknown column"], kind: ["missing column"] });
  });

  // Issue 10, finding 1: JSON from outside never carries a key that names the prototype machinery.
  it.each([
    ['{"format":"vetted-catalogue","version":1,"software":[{"slug":"x","__proto__":{"polluted":true}}]}', "software.0.__proto__"],
    ['{"format":"vetted-catalogue","version":1,"constructor":{"prototype":{"polluted":true}},"software":[]}', "constructor"],
  ])("refuses a JSON file with a prototype key, naming where: %s", (json, where) => {
    const error = (() => { try { readTransferFile(enc(json), "application/json", transferWord); } catch (e) { return e as TransferFileError; } })();
    expect(error).toBeInstanceOf(TransferFileError);
    expect(error!.message).toContain(`"${where}" is not accepted`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("names the line and column of a bad cell, including on an edition row", () => {
    const csv = catalogueCsv(doc([software()]))
      .replace("desktop_app", "spreadsheet")
      .replace("business,Business,,domain:business.cursor.com,approved,internal", "business,Business,,nonsense,approved,everything");
    const [record] = validateImportRecords(readTransferFile(enc(csv), "text/csv", transferWord).records);
    expect(record!.data).toBeNull();
    expect(record!.reasons).toEqual([
      expect.stringMatching(/^line 4, identifiers: "nonsense" must be type:value/),
      expect.stringMatching(/^kind: must be one of ai_assistant/),
      expect.stringMatching(/^line 4, max_data_class: must be one of public/),
    ]);
  });

  it("rejects an edition row whose software is not in the file, and a row with too few cells", () => {
    const csv = `${CSV_COLUMNS.join(",")}\r\nghost,,,,,,,,,pro,Pro,,,,,,,,,,\r\nshort,Short,,,saas\r\n`;
    const records = validateImportRecords(readTransferFile(enc(csv), "text/csv", transferWord).records);
    expect(records.map((r) => [r.line, r.reasons[0]])).toEqual([
      [2, 'This edition row names the software "ghost", but no software row (one with the edition cells empty) in the file has that slug.'],
      [3, "The row has 5 cells; the header has 21."],
    ]);
  });
});

describe("import plan", () => {
  it("creates new software, with its editions, identifiers and decisions", () => {
    const result = plan(enc(JSON.stringify(doc([software()]))), "application/json", { software: [copilot] });
    expect(result.rows).toMatchObject([{ action: "create", slug: "cursor", reasons: [] }]);
    expect(result.rows[0]!.changes.map((c) => c.field)).toEqual(["vendor (new)", "edition business", "identifier", "identifier", "decision (all editions)", "decision (edition business)"]);
    // Editions' own decisions first: at one instant, an edition's own wins.
    expect(result.work.software[0]!.decisions.map((d) => d.edition)).toEqual(["business", null]);
  });

  it("finds an unchanged software unchanged, and lists a changed field with before and after", () => {
    const current = existing(software());
    expect(plan(enc(JSON.stringify(doc([software()]))), "application/json", { software: [current, copilot], vendors: [{ id: "v1", name: "Anysphere", website: "https://anysphere.example" }] }).rows[0]!.action).toBe("unchanged");
    const changed = plan(enc(JSON.stringify(doc([software({ category: "Editors", owner: "DevEx" })]))), "application/json", { software: [current, copilot], vendors: [{ id: "v1", name: "Anysphere", website: "https://anysphere.example" }] });
    expect(changed.rows[0]).toMatchObject({ action: "update", changes: [{ field: "category", before: "AI coding", after: "Editors" }, { field: "owner", before: null, after: "DevEx" }] });
  });

  it("matches a row without a slug by name, and refuses a made-up slug that another software holds", () => {
    const current = existing(software());
    const { slug: _slug, ...unslugged } = software({ category: "Editors" });
    expect(plan(enc(JSON.stringify(doc([unslugged as TransferSoftware]))), "application/json", { software: [current, copilot] }).rows[0]).toMatchObject({ action: "update", slug: "cursor" });
    const clash = plan(enc(JSON.stringify(doc([{ ...(unslugged as TransferSoftware), name: "CURSOR!" }]))), "application/json", { software: [{ ...current, name: "Cursor IDE" }, copilot] });
    expect(clash.rows[0]!.reasons).toEqual([expect.stringMatching(/The URL name "cursor" made from the name is taken by Cursor IDE/)]);
  });

  it("records the editions' own decisions again when the decision for all editions changes, and refuses to drop one silently", () => {
    const current = existing(software());
    const tightened = software({ classifications: software().classifications.map((c) => (c.edition === null ? { ...c, status: "prohibited" as const } : c)) });
    const result = plan(enc(JSON.stringify(doc([tightened]))), "application/json", { software: [current, copilot] });
    expect(result.rows[0]!.action).toBe("update");
    expect(result.work.software[0]!.decisions.map((d) => [d.edition, d.status, d.kept])).toEqual([["business", "approved", true], [null, "prohibited", false]]);
    const dropped = plan(enc(JSON.stringify(doc([{ ...tightened, classifications: [tightened.classifications[0]!] }]))), "application/json", { software: [current, copilot] });
    expect(dropped.rows[0]!.reasons).toEqual([expect.stringMatching(/would replace the Business edition's own decision \(approved, up to internal data\)/)]);
  });

  it("refuses a loosening that needs a second reviewer, a decision awaiting one, and decisions from a token", () => {
    const current = existing(software());
    const loosened = software({ classifications: [{ ...software().classifications[0]!, status: "approved", maxDataClass: "public", conditions: [] }, software().classifications[1]!] });
    expect(plan(enc(JSON.stringify(doc([loosened]))), "application/json", { software: [current, copilot] }).rows[0]!.reasons).toEqual([
      "The decision for all editions needs a second reviewer: It loosens Restricted to Approved. Record it on the software's page, where a colleague confirms it.",
    ]);
    const pending = { ...current, decisions: [...current.decisions, { ...current.decisions[0]!, id: "p", status: "approved" as const, confirmationReason: "It loosens.", decidedAt: now }] };
    const tightened = software({ classifications: [{ ...software().classifications[0]!, status: "prohibited" }, software().classifications[1]!] });
    expect(plan(enc(JSON.stringify(doc([tightened]))), "application/json", { software: [pending, copilot] }).rows[0]!.reasons).toEqual(["A decision for all editions is awaiting a second reviewer: have it confirmed first."]);
    expect(plan(enc(JSON.stringify(doc([tightened]))), "application/json", { software: [current, copilot] }, false).rows[0]!.reasons[0]).toMatch(/decisions are recorded by reviewers/);
  });

  it("rejects duplicates in the file and identifiers of other software, and alternatives that exist nowhere", () => {
    const one = software({ slug: "one", name: "One", editions: [], identifiers: [{ type: "npm", value: "shared-pkg", edition: null }], classifications: [] });
    const two = software({ slug: "two", name: "Two", editions: [], identifiers: [{ type: "npm", value: "shared-pkg", edition: null }], classifications: [{ ...software().classifications[0]!, alternatives: ["nowhere"] }] });
    const three = software({ slug: "one", name: "One again", editions: [], identifiers: [{ type: "domain", value: "taken.example", edition: null }], classifications: [] });
    const result = plan(enc(JSON.stringify(doc([one, two, three]))), "application/json", {
      identifierOwners: [{ type: "domain", value: "taken.example", softwareId: "x", softwareSlug: "other", softwareName: "Other" }],
    });
    expect(result.rows.map((r) => r.action)).toEqual(["reject", "reject", "reject"]);
    expect(result.rows[0]!.reasons).toEqual(["The same software (one) is also in row 3: give each software one row.", "The identifier npm:shared-pkg is also given in row 2: an identifier names one software."]);
    expect(result.rows[1]!.reasons).toContain("The alternative nowhere (all editions) is neither in the catalogue nor in the file.");
    expect(result.rows[2]!.reasons).toContain("The identifier domain:taken.example already belongs to Other (other).");
    expect(result.summary).toEqual({ total: 3, create: 0, update: 0, unchanged: 0, reject: 3 });
  });
});
