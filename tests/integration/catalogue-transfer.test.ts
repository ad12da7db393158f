import { and, asc, eq, gt, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/catalogue/export/route";
import { POST as importRoute } from "@/app/api/v1/catalogue/import/route";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, openDatabase, type Db, type DbHandle } from "@/lib/db/client";
import { auditEvents, software } from "@/lib/db/schema";
import type { TokenScope } from "@/lib/domain/api-tokens";
import { catalogueCsv, type TransferDocument, type TransferSoftware } from "@/lib/domain/catalogue-transfer";
import { addDays, isoDay } from "@/lib/domain/requests";
import { Forbidden, Unprocessable } from "@/lib/errors";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { addEdition, addIdentifier, confirmClassification, createSoftware, createVendor, recordClassification, updateEdition } from "@/lib/mutations/catalogue";
import { importCatalogue, previewCatalogueImport, type ImportAnswer } from "@/lib/mutations/catalogue-import";
import { exportCatalogue } from "@/lib/queries/catalogue-transfer";
import { searchSoftware } from "@/lib/queries/software";
import { runDryRun, runMutation } from "@/lib/server/guard";
import { expectDocumented } from "../support/api";
import { counts, makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let reviewer2: SessionUser;
let employee: SessionUser;
let admin: SessionUser;
const suffix = Date.now().toString(36);
const CATEGORY = `Transfer ${suffix}`;
const names = {
  alpha: `Transfer Alpha ${suffix}`,
  beta: `Transfer Beta ${suffix}`,
  gamma: `Transfer Gamma ${suffix}`,
};
let slugs: { alpha: string; beta: string; gamma: string };
let vendorSlug: string;
const filters = { category: CATEGORY };

const enc = (text: string) => new TextEncoder().encode(text);
const csvBody = (doc: TransferDocument) => enc(catalogueCsv(doc));
const jsonBody = (doc: unknown) => enc(JSON.stringify(doc));

async function exportDoc(database: Db = db): Promise<TransferDocument> {
  return exportCatalogue(database, filters, new Date());
}

/** A CMDB sync's token: reviewers create catalogue tokens (an admin may not edit the catalogue, so may not hold catalogue:write). */
async function token(scopes: TokenScope[]) {
  return runMutation(createApiToken, reviewer, { name: unique("Import token"), scopes, expiresOn: addDays(isoDay(new Date()), 30) });
}

function post(path: string, body: BodyInit | null, headers: Record<string, string>) {
  // A streamed body needs duplex "half" (the fetch standard); NextRequest's typings do not name it.
  const init = { method: "POST", body, headers, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
  const request = new NextRequest(`${config().baseUrl}${path}`, init);
  return importRoute(request, { params: Promise.resolve(undefined) }).then((response) => expectDocumented(request, response));
}

function exportRequest(path: string, secret: string) {
  const request = new NextRequest(`${config().baseUrl}${path}`, { headers: { authorization: `Bearer ${secret}` } });
  return exportRoute(request, { params: Promise.resolve(undefined) }).then((response) => expectDocumented(request, response));
}

/** The same as an export, without what an import cannot reproduce: when and by whom it was decided, when exported. */
function comparable(doc: TransferDocument) {
  return {
    ...doc,
    exportedAt: undefined,
    software: doc.software.map((s) => ({ ...s, classifications: s.classifications.map((c) => ({ ...c, decidedAt: undefined, decidedBy: undefined })) })),
  };
}

function comparableCsv(csv: string): string {
  // decided_at and decided_by are the last two columns.
  return csv.replace(/,[^,\r\n]*,[^,\r\n]*\r\n/g, ",,\r\n");
}

function rowFor(answer: ImportAnswer, slugOrName: string) {
  const row = answer.rows.find((r) => r.slug === slugOrName || r.name === slugOrName);
  if (!row) throw new Error(`no plan row for ${slugOrName}: ${JSON.stringify(answer.rows.map((r) => [r.slug, r.name]))}`);
  return row;
}

async function dryRun(body: Uint8Array, contentType: string, secret: string) {
  const response = await post("/api/v1/catalogue/import?mode=dry-run", body as BodyInit, { "content-type": contentType, authorization: `Bearer ${secret}` });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  reviewer2 = await makeUser(db, "reviewer");
  employee = await makeUser(db, "employee");
  admin = await makeUser(db, "admin");
  const vendor = await runMutation(createVendor, reviewer, { name: `Transfer Vendor ${suffix}`, website: "https://vendor.example" });
  vendorSlug = vendor.slug;
  const beta = await runMutation(createSoftware, reviewer, {
    name: names.beta,
    kind: "saas",
    category: CATEGORY,
    // Starts like a formula, holds a comma, quotes and a line break: the CSV must carry it exactly.
    description: '=1+1, "quoted"\nsecond line',
    owner: "'=not a formula",
    homepage: "https://beta.example",
    vendorId: vendor.id,
  });
  await runMutation(recordClassification, reviewer, { softwareId: beta.id, status: "approved", maxDataClass: "confidential", rationale: "Reviewed: fine for confidential data." });
  const alpha = await runMutation(createSoftware, reviewer, { name: names.alpha, kind: "cli", category: CATEGORY, description: "An agent in the terminal.", vendorId: vendor.id });
  await runMutation(addEdition, reviewer, { softwareId: alpha.id, name: "Free" });
  const team = await runMutation(addEdition, reviewer, { softwareId: alpha.id, name: "Team" });
  // Renamed: its slug stays "team", which an import must keep.
  await runMutation(updateEdition, reviewer, { id: team.id, name: "Team plan", description: "For teams" });
  await runMutation(addIdentifier, reviewer, { softwareId: alpha.id, type: "alias", value: `transfer alpha ${suffix}` });
  await runMutation(addIdentifier, reviewer, { softwareId: alpha.id, type: "domain", value: `alpha-${suffix}.example` });
  await runMutation(addIdentifier, reviewer, { softwareId: alpha.id, editionId: team.id, type: "domain", value: `team.alpha-${suffix}.example` });
  await runMutation(addIdentifier, reviewer, { softwareId: alpha.id, type: "npm", value: `@transfer-${suffix}/agent` });
  await runMutation(recordClassification, reviewer, {
    softwareId: alpha.id,
    status: "restricted",
    conditions: "- Run in a dev container\nNo production credentials",
    alternatives: [beta.id],
    rationale: "Runs shell commands with the developer's credentials; case by case.",
    reviewDueOn: "2031-01-31",
  });
  // Loosens the restriction for one edition: a second reviewer confirms it.
  const teamDecision = await runMutation(recordClassification, reviewer, {
    softwareId: alpha.id,
    editionId: team.id,
    status: "approved_with_conditions",
    maxDataClass: "internal",
    conditions: "Enterprise tenant only",
    rationale: "The team plan has admin controls and no training on our data.",
  });
  await runMutation(confirmClassification, reviewer2, { id: teamDecision.id });
  const gamma = await runMutation(createSoftware, reviewer, { name: names.gamma, kind: "other", category: CATEGORY });
  slugs = { alpha: alpha.slug, beta: beta.slug, gamma: gamma.slug };
});

afterAll(() => closeDb());

describe("catalogue export", () => {
  it("exports the filtered catalogue with editions, identifiers and the decisions in effect, as JSON", async () => {
    const doc = await exportDoc();
    expect(doc).toMatchObject({ format: "vetted-catalogue", version: 1, filters: { category: CATEGORY } });
    expect(doc.software.map((s) => s.slug)).toEqual([slugs.alpha, slugs.beta, slugs.gamma]);
    const alpha = doc.software[0]!;
    expect(alpha.vendor).toEqual({ name: `Transfer Vendor ${suffix}`, website: "https://vendor.example" });
    expect(alpha.editions).toEqual([
      { slug: "free", name: "Free", description: "" },
      { slug: "team", name: "Team plan", description: "For teams" },
    ]);
    expect(alpha.identifiers).toEqual([
      { type: "alias", value: `transfer alpha ${suffix}`, edition: null },
      { type: "domain", value: `alpha-${suffix}.example`, edition: null },
      { type: "domain", value: `team.alpha-${suffix}.example`, edition: "team" },
      { type: "npm", value: `@transfer-${suffix}/agent`, edition: null },
    ]);
    expect(alpha.classifications).toMatchObject([
      { edition: null, status: "restricted", maxDataClass: null, conditions: ["- Run in a dev container", "No production credentials"], alternatives: [slugs.beta], reviewDueOn: "2031-01-31", decidedBy: reviewer.email },
      { edition: "team", status: "approved_with_conditions", maxDataClass: "internal", conditions: ["Enterprise tenant only"], alternatives: [] },
    ]);
    expect(doc.software[2]).toMatchObject({ slug: slugs.gamma, vendor: null, status: null, classifications: [] });
  });

  it("honours every catalogue filter: vendor, status, kind and a search", async () => {
    const slugsOf = async (f: Parameters<typeof exportCatalogue>[1]) => (await exportCatalogue(db, f, new Date())).software.map((s) => s.slug);
    expect(await slugsOf({ vendor: vendorSlug })).toEqual([slugs.alpha, slugs.beta]);
    expect(await slugsOf({ category: CATEGORY, status: "approved" })).toEqual([slugs.beta]);
    expect(await slugsOf({ category: CATEGORY, status: "unclassified" })).toEqual([slugs.gamma]);
    expect(await slugsOf({ category: CATEGORY, kind: "cli" })).toEqual([slugs.alpha]);
    expect(await slugsOf({ q: names.gamma })).toContain(slugs.gamma);
    expect((await exportCatalogue(db, { vendor: vendorSlug }, new Date())).filters).toEqual({ vendor: vendorSlug });
  });

  it("answers GET /api/v1/catalogue/export as a CSV attachment named by the day, with formulas neutralised", async () => {
    const { secret } = await token(["catalogue:read"]);
    const response = await exportRequest(`/api/v1/catalogue/export?format=csv&category=${encodeURIComponent(CATEGORY)}`, secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vetted-catalogue-${new Date().toISOString().slice(0, 10)}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark, so that spreadsheets read it as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("slug,name,vendor,vendor_website,kind,category,description,homepage,owner,edition,edition_name,edition_description,identifiers,status,max_data_class,conditions,rationale,alternatives,review_due_on,decided_at,decided_by");
    expect(csv).toContain(`${slugs.alpha},,,,,,,,,team,Team plan,For teams,domain:team.alpha-${suffix}.example,approved_with_conditions,internal,Enterprise tenant only,`);
    // The formula-like description and owner get one apostrophe more; the condition list starts with "-".
    expect(csv).toContain(`"'=1+1, ""quoted""\nsecond line",https://beta.example,''=not a formula,`);
    expect(csv).toContain(`"'- Run in a dev container\nNo production credentials"`);
    // A token for another scope may not export.
    const other = await token(["check:read"]);
    const refused = await exportRequest("/api/v1/catalogue/export", other.secret);
    expect(refused.status).toBe(403);
  });
});

describe("catalogue import: dry run", () => {
  it("finds every row of an unchanged export unchanged, in both formats, and writes nothing", async () => {
    const { secret } = await token(["catalogue:write"]);
    const doc = await exportDoc();
    const before = await counts(db);
    for (const [body, type] of [[csvBody(doc), "text/csv"], [jsonBody(doc), "application/json"]] as const) {
      const { status, body: answer } = await dryRun(body, type, secret);
      expect(status).toBe(200);
      expect(answer).toMatchObject({ mode: "dry-run", applied: false, summary: { total: 3, create: 0, update: 0, unchanged: 3, reject: 0 } });
    }
    expect(await counts(db)).toEqual(before);
  });

  it("shows row by row what would be created, updated or rejected and why, and changes nothing", async () => {
    const doc = await exportDoc();
    const [alpha, beta, gamma] = doc.software as [TransferSoftware, TransferSoftware, TransferSoftware];
    const make = (name: string, over: Partial<TransferSoftware> = {}): TransferSoftware => ({
      slug: `${name.toLowerCase()}-${suffix}`, name: `${name} ${suffix}`, vendor: null, kind: "saas", category: CATEGORY, description: "",
      homepage: null, owner: null, editions: [], identifiers: [], classifications: [], ...over,
    });
    const edited: TransferDocument = {
      ...doc,
      software: [
        // A loosening needs a second reviewer: refused.
        { ...alpha, classifications: alpha.classifications.map((c) => (c.edition === null ? { ...c, status: "approved", maxDataClass: "internal", conditions: [] } : c)) },
        { ...beta, category: `${CATEGORY} renamed`, owner: null },
        gamma,
        make("Delta", { classifications: [{ edition: null, status: "under_review", maxDataClass: null, conditions: [], rationale: "Asked for by the data team.", alternatives: [slugs.beta], reviewDueOn: null }] }),
        make("Epsilon", { kind: "spreadsheet" as TransferSoftware["kind"] }),
        make("Zeta", { identifiers: [{ type: "domain", value: `dup-${suffix}.example`, edition: null }] }),
        make("Eta", { identifiers: [{ type: "domain", value: `dup-${suffix}.example`, edition: null }] }),
        make("Theta", { identifiers: [{ type: "alias", value: `transfer alpha ${suffix}`, edition: null }] }),
      ],
    };
    const before = await counts(db);
    const answer = await runDryRun(importCatalogue, previewCatalogueImport, reviewer, { file: csvBody(edited), contentType: "text/csv; charset=utf-8" });
    expect(answer.format).toBe("csv");
    expect(answer.summary).toEqual({ total: 8, create: 1, update: 1, unchanged: 1, reject: 5 });

    const alphaRow = rowFor(answer, slugs.alpha);
    expect(alphaRow).toMatchObject({ action: "reject", line: 2 });
    expect(alphaRow.reasons.join(" ")).toMatch(/decision for all editions needs a second reviewer: It loosens Restricted to Approved/);

    expect(rowFor(answer, slugs.beta)).toMatchObject({
      action: "update",
      changes: [
        { field: "category", before: CATEGORY, after: `${CATEGORY} renamed` },
        { field: "owner", before: "'=not a formula", after: null },
      ],
      reasons: [],
    });
    expect(rowFor(answer, slugs.gamma)).toMatchObject({ action: "unchanged", changes: [] });
    expect(rowFor(answer, `delta-${suffix}`)).toMatchObject({ action: "create", changes: [{ field: "decision (all editions)", before: null, after: "under_review" }] });
    expect(rowFor(answer, `epsilon-${suffix}`).reasons).toEqual([expect.stringMatching(/^kind: must be one of ai_assistant, cli/)]);
    expect(rowFor(answer, `zeta-${suffix}`).reasons).toEqual([expect.stringMatching(new RegExp(`identifier domain:dup-${suffix}.example is also given in row 7 \\(line \\d+\\)`))]);
    expect(rowFor(answer, `eta-${suffix}`).reasons).toEqual([expect.stringMatching(/is also given in row 6/)]);
    expect(rowFor(answer, `theta-${suffix}`).reasons).toContain(`The identifier alias:transfer alpha ${suffix} already belongs to ${names.alpha} (${slugs.alpha}).`);
    // Nothing written: no software, no audit event.
    expect(await counts(db)).toEqual(before);
  });
});

describe("catalogue import: apply", () => {
  it("applies nothing when one row is rejected, answering 422 with the rows", async () => {
    const doc = await exportDoc();
    const edited = {
      ...doc,
      software: [...doc.software.map((s) => (s.slug === slugs.beta ? { ...s, description: "Changed, but never written." } : s)), { ...doc.software[2]!, slug: `bad-${suffix}`, name: `Bad ${suffix}`, kind: "spreadsheet" }],
    };
    const before = await counts(db);
    const error = await runMutation(importCatalogue, reviewer, { file: jsonBody(edited), contentType: "application/json" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Unprocessable);
    expect((error as Unprocessable).message).toBe("1 of 4 rows is rejected, so nothing was imported: correct it and try again.");
    const details = (error as Unprocessable).details as ImportAnswer;
    expect(details.applied).toBe(false);
    expect(details.rows.map((r) => r.action)).toEqual(["unchanged", "update", "unchanged", "reject"]);
    expect(details.rows[3]!.location).toBe("software[3]");
    expect(await counts(db)).toEqual(before);
    const [beta] = await db.select().from(software).where(eq(software.slug, slugs.beta));
    expect(beta!.description).toBe('=1+1, "quoted"\nsecond line');
  });

  it("writes every row in one transaction, each change audited, with a summary event naming the import", async () => {
    const doc = await exportDoc();
    const edited: TransferDocument = {
      ...doc,
      software: [
        ...doc.software.map((s) =>
          s.slug === slugs.beta
            ? { ...s, description: "Updated by an import." }
            : s.slug === slugs.gamma
              ? { ...s, editions: [{ slug: "pro", name: "Pro", description: "" }], identifiers: [{ type: "domain" as const, value: `gamma-${suffix}.example`, edition: "pro" }] }
              : s,
        ),
        {
          slug: `delta-${suffix}`, name: `Delta ${suffix}`, vendor: { name: `New Vendor ${suffix}`, website: "https://new-vendor.example" }, kind: "saas", category: CATEGORY,
          description: "New.", homepage: null, owner: "Data team", editions: [], identifiers: [{ type: "alias", value: `delta ${suffix}`, edition: null }],
          classifications: [{ edition: null, status: "approved", maxDataClass: "public", conditions: [], rationale: "Only public data goes in.", alternatives: [slugs.beta], reviewDueOn: "2020-01-01" }],
        },
      ],
    };
    const [{ lastAuditId } = { lastAuditId: 0 }] = await db.select({ lastAuditId: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` }).from(auditEvents);
    const answer = await runMutation(importCatalogue, reviewer, { file: csvBody(edited), contentType: "text/csv" });
    expect(answer).toMatchObject({ mode: "apply", applied: true, summary: { total: 4, create: 1, update: 2, unchanged: 1, reject: 0 } });

    const after = await exportDoc();
    expect(after.software.find((s) => s.slug === slugs.beta)!.description).toBe("Updated by an import.");
    const delta = after.software.find((s) => s.slug === `delta-${suffix}`)!;
    // A review date that has passed is carried over as it was (overdue), not refused.
    expect(delta).toMatchObject({ vendor: { name: `New Vendor ${suffix}`, website: "https://new-vendor.example" }, status: "approved", classifications: [{ status: "approved", maxDataClass: "public", alternatives: [slugs.beta], reviewDueOn: "2020-01-01", decidedBy: reviewer.email }] });
    expect(after.software.find((s) => s.slug === slugs.gamma)).toMatchObject({ editions: [{ slug: "pro" }], identifiers: [{ value: `gamma-${suffix}.example`, edition: "pro" }] });

    // The search columns are rebuilt once, at the end of the import's transaction: new software is found by a misspelt name.
    expect((await searchSoftware(db, `Deltaa ${suffix}`, 5)).map((s) => s.slug)).toContain(`delta-${suffix}`);

    const events = await db.select().from(auditEvents).where(gt(auditEvents.id, lastAuditId)).orderBy(asc(auditEvents.id));
    expect(events.map((e) => e.action).sort()).toEqual(
      ["catalogue.imported", "classification.decided", "edition.created", "identifier.added", "identifier.added", "software.created", "software.updated", "vendor.created"].sort(),
    );
    // One transaction: PostgreSQL's now() is the transaction's start, so every event has the same time.
    expect(new Set(events.map((e) => e.at.toISOString())).size).toBe(1);
    expect(events.every((e) => e.actorId === reviewer.id && e.actorEmail === reviewer.email)).toBe(true);
    const summary = events.find((e) => e.action === "catalogue.imported")!;
    expect(summary.after).toMatchObject({ format: "csv", summary: { create: 1, update: 2 }, rows: [{ slug: slugs.beta, action: "update" }, { slug: slugs.gamma, action: "update" }, { slug: `delta-${suffix}`, action: "create" }] });

    // Importing the same file again changes nothing.
    const again = await runMutation(importCatalogue, reviewer, { file: csvBody(edited), contentType: "text/csv" });
    expect(again.summary).toMatchObject({ unchanged: 4, create: 0, update: 0 });
  });
});

describe("catalogue import: round trip into an empty database", () => {
  const extra: DbHandle[] = [];
  const created: string[] = [];
  const adminUrl = () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/postgres";
    return url.toString();
  };
  async function emptyDatabase(): Promise<Db> {
    const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_rt${created.length}`;
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    created.push(name);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    // The same migrations the app applies at start.
    const handle = await openDatabase({ ...config(), database: { kind: "postgres", url: url.toString(), poolMax: 2, statementTimeoutMs: 30_000, acquireTimeoutMs: 10_000 } });
    extra.push(handle);
    return handle.db;
  }
  afterAll(async () => {
    for (const handle of extra) await handle.close();
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it("reproduces the catalogue from its JSON export: exporting again gives the same document", async () => {
    const original = await exportDoc();
    expect(original.software.length).toBeGreaterThanOrEqual(4);
    const target = await emptyDatabase();
    const importer = await makeUser(target, "reviewer");
    const answer = await runMutation(importCatalogue, importer, { file: jsonBody(original), contentType: "application/json" }, target);
    expect(answer.summary).toMatchObject({ create: original.software.length, reject: 0 });
    const copy = await exportDoc(target);
    expect(comparable(copy)).toEqual(comparable(original));
    expect(copy.software.flatMap((s) => s.classifications.map((c) => c.decidedBy))).toEqual(expect.arrayContaining([importer.email]));
  });

  it("reproduces the catalogue from its CSV export: exporting again gives the same file", async () => {
    const original = catalogueCsv(await exportDoc());
    const target = await emptyDatabase();
    const importer = await makeUser(target, "reviewer");
    const answer = await runMutation(importCatalogue, importer, { file: enc(original), contentType: "text/csv" }, target);
    expect(answer.summary.reject).toBe(0);
    const copy = catalogueCsv(await exportDoc(target));
    expect(comparableCsv(copy)).toBe(comparableCsv(original));
    expect(copy).toContain("''=not a formula");
  });
});

describe("catalogue import: refused files change nothing", () => {
  let secret: string;
  beforeAll(async () => {
    secret = (await token(["catalogue:write"])).secret;
  });

  async function refused(body: BodyInit, contentType: string, headers: Record<string, string> = {}) {
    const before = await counts(db);
    const response = await post("/api/v1/catalogue/import?mode=apply", body, { "content-type": contentType, authorization: `Bearer ${secret}`, ...headers });
    const answer = await response.json();
    expect(await counts(db)).toEqual(before);
    return { status: response.status, message: answer.error?.message as string, answer };
  }

  it("refuses wrong, missing and unknown columns, naming them", async () => {
    const csv = catalogueCsv(await exportDoc()).replace(",category,", ",catgory,").replace(",decided_by\r\n", ",decided_by,colour\r\n");
    const { status, message, answer } = await refused(csv, "text/csv");
    expect(status).toBe(400);
    expect(message).toMatch(/unknown columns "catgory", "colour"; missing column "category"/);
    expect(answer.error.fields).toMatchObject({ catgory: ["unknown column"], category: ["missing column"] });
  });

  it("refuses bytes that are not UTF-8, naming the line", async () => {
    const header = catalogueCsv({ ...(await exportDoc()), software: [] }).slice(1);
    const latin1 = Buffer.concat([Buffer.from(`${header}caf`), Buffer.from([0xe9]), Buffer.from(",Caf\xe9 tool,,,saas,Cafe,,,,,,,,,,,,,\r\n", "latin1")]);
    const { status, message } = await refused(latin1, "text/csv");
    expect(status).toBe(400);
    expect(message).toMatch(/^The file is not UTF-8: line 2 has, at byte 4 of the line, the byte 0xE9/);
  });

  it("refuses a 50 MB upload with 413, declared or streamed, without reading it whole", async () => {
    const declared = await refused(new Uint8Array(50 * 1024 * 1024), "text/csv", { "content-length": String(50 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const streamed = await refused(stream, "text/csv");
    expect(streamed.status).toBe(413);
    expect(streamed.message).toBe("The body is larger than 10 MB.");
    // Read until past 10 MB, then stopped.
    expect(sent).toBeLessThan(15);
  });

  it("refuses invalid JSON, a JSON of another shape and another version, each with a file-level message", async () => {
    const doc = await exportDoc();
    expect(await refused('{"format": "vetted-catalogue", "version": 1, "software": [', "application/json")).toMatchObject({ status: 400, message: expect.stringMatching(/^The file is not valid JSON: /) });
    expect(await refused(JSON.stringify({ items: [] }), "application/json")).toMatchObject({ status: 400, message: expect.stringMatching(/not a Vetted catalogue: "format" must be "vetted-catalogue"/) });
    expect(await refused(JSON.stringify({ ...doc, version: 2 }), "application/json")).toMatchObject({ status: 400, message: "Version 2 of the catalogue format is not supported: this server reads version 1." });
    expect(await refused(JSON.stringify([doc]), "application/json")).toMatchObject({ status: 400, message: expect.stringMatching(/must be an object/) });
  });

  it("rejects rows with duplicate identifiers, unknown fields or an identifier of another software, row by row (422)", async () => {
    const doc = await exportDoc();
    const gamma = doc.software.find((s) => s.slug === slugs.gamma)!;
    const file = {
      ...doc,
      software: [
        { ...gamma, identifiers: [...gamma.identifiers, { type: "npm", value: `@transfer-${suffix}/agent`, edition: null }] },
        { slug: `iota-${suffix}`, name: `Iota ${suffix}`, kind: "saas", catgory: "Typo", editions: [], identifiers: [], classifications: [] },
        { slug: `kappa-${suffix}`, name: `Kappa ${suffix}`, kind: "saas", category: CATEGORY, identifiers: [{ type: "domain", value: `Kappa-${suffix}.example`, edition: null }] },
        { slug: `mu-${suffix}`, name: `Mu ${suffix}`, kind: "saas", category: CATEGORY, identifiers: [{ type: "domain", value: `https://www.kappa-${suffix}.example/`, edition: null }] },
      ],
    };
    const { status, message, answer } = await refused(JSON.stringify(file), "application/json");
    expect(status).toBe(422);
    expect(message).toMatch(/^4 of 4 rows are rejected/);
    const rows = (answer.error.details as ImportAnswer).rows;
    expect(rows[0]!.reasons).toEqual([`The identifier npm:@transfer-${suffix}/agent already belongs to ${names.alpha} (${slugs.alpha}).`]);
    expect(rows[1]!.reasons).toEqual(expect.arrayContaining(["catgory: not a field of the catalogue format", "category: Category is required"]));
    // The same domain written two ways is one identifier, once normalised.
    expect(rows[2]!.reasons).toEqual([`The identifier domain:kappa-${suffix}.example is also given in row 4: an identifier names one software.`]);
    expect(rows[3]!.reasons).toEqual([`The identifier domain:kappa-${suffix}.example is also given in row 3: an identifier names one software.`]);
  });
});

describe("catalogue import: who may", () => {
  it("refuses employees and admins by role (reviewers import)", async () => {
    const doc = await exportDoc();
    for (const who of [employee, admin]) {
      await expect(runMutation(importCatalogue, who, { file: jsonBody(doc), contentType: "application/json" })).rejects.toBeInstanceOf(Forbidden);
    }
  });

  it("refuses a token without catalogue:write, and a session POST from another site", async () => {
    const doc = await exportDoc();
    const readOnly = await token(["catalogue:read"]);
    const noScope = await post("/api/v1/catalogue/import", jsonBody(doc) as BodyInit, { "content-type": "application/json", authorization: `Bearer ${readOnly.secret}` });
    expect(noScope.status).toBe(403);
    expect((await noScope.json()).error.message).toBe('This token lacks the "catalogue:write" scope.');
    const attempts: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: config().baseUrl }];
    for (const headers of attempts) {
      const crossSite = await post("/api/v1/catalogue/import?mode=apply", jsonBody(doc) as BodyInit, { "content-type": "application/json", ...headers });
      expect(crossSite.status).toBe(403);
      expect((await crossSite.json()).error.message).toMatch(/cannot change anything/);
    }
  });

  it("lets a token with catalogue:write import software, audited as the token of the reviewer who made it, but not decisions", async () => {
    const { secret, prefix } = await token(["catalogue:write"]);
    const fresh = { ...(await exportDoc()), software: [{ slug: `lambda-${suffix}`, name: `Lambda ${suffix}`, vendor: null, kind: "cli", category: CATEGORY, description: "", homepage: null, owner: null, editions: [], identifiers: [], classifications: [] }] };
    const applied = await post("/api/v1/catalogue/import?mode=apply", jsonBody(fresh) as BodyInit, { "content-type": "application/json", authorization: `Bearer ${secret}` });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true, summary: { create: 1 } });
    const [created] = await db.select().from(software).where(eq(software.slug, `lambda-${suffix}`));
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, created!.id), eq(auditEvents.action, "software.created")));
    expect(event!.actorId).toBe(reviewer.id);
    expect(event!.actorEmail).toBe(`${reviewer.email} via API token "${event!.actorEmail!.match(/"(.*)"/)![1]}" (${prefix}…)`);

    const withDecision = { ...fresh, software: [{ ...fresh.software[0]!, classifications: [{ edition: null, status: "prohibited", rationale: "A token should not decide this." }] }] };
    const { status, body } = await dryRun(jsonBody(withDecision), "application/json", secret);
    expect(status).toBe(200);
    expect(body.rows[0]).toMatchObject({ action: "reject", reasons: [expect.stringMatching(/decisions are recorded by reviewers: an API token imports software, editions and identifiers only/)] });
  });
});
