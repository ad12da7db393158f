import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, getDbHandle, type Db } from "@/lib/db/client";
import { software } from "@/lib/db/schema";
import { Conflict, Forbidden, Unauthenticated, ValidationFailed } from "@/lib/errors";
import {
  addEdition,
  addIdentifier,
  createSoftware,
  createVendor,
  recordClassification,
  removeEdition,
  updateEdition,
  updateSoftware,
  updateVendor,
} from "@/lib/mutations/catalogue";
import { getSoftwareBySlug, listSoftware, searchSoftware } from "@/lib/queries/software";
import { runMutation } from "@/lib/server/guard";
import { checkSoftware } from "@/lib/services/verdicts";
import { ListQuery } from "@/lib/validation/api";
import { auditFor, counts, makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let employee: SessionUser;
let admin: SessionUser;
const BASE = "http://vetted.test";

async function catalogue(name: string, extra: { kind?: "cli" | "saas" | "ai_assistant"; category?: string; vendorId?: string } = {}) {
  return runMutation(createSoftware, reviewer, { name, kind: extra.kind ?? "saas", category: extra.category ?? "Testing", description: `${name} test entry`, vendorId: extra.vendorId ?? "" });
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  employee = await makeUser(db, "employee");
  admin = await makeUser(db, "admin");
});

afterAll(async () => {
  await closeDb();
});

describe("database", () => {
  it("runs on PostgreSQL through the pool, migrated at open", async () => {
    expect((await getDbHandle()).kind).toBe("postgres");
    const result = await db.execute(sql`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect((result as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it("keeps audit events append-only", async () => {
    const created = await catalogue(unique("Audited"));
    await expect(db.execute(sql`UPDATE audit_events SET action = 'tampered' WHERE entity_id = ${created.id}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_events WHERE entity_id = ${created.id}`)).rejects.toThrow();
    const events = await auditFor(db, created.id);
    expect(events.map((e) => e.action)).toEqual(["software.created"]);
  });
});

describe("the guarded door", () => {
  it("writes the change and its audit event together", async () => {
    const name = unique("Figma");
    const created = await catalogue(name);
    const [event] = await auditFor(db, created.id);
    expect(event).toMatchObject({ action: "software.created", actorId: reviewer.id, actorEmail: reviewer.email, softwareId: created.id });
    expect((event!.after as { name: string }).name).toBe(name);
  });

  it("refuses a role the policy does not list, and changes nothing", async () => {
    const before = await counts(db);
    await expect(runMutation(createSoftware, employee, { name: "Sneaky", kind: "saas", category: "X" })).rejects.toBeInstanceOf(Forbidden);
    await expect(runMutation(createSoftware, admin, { name: "Sneaky", kind: "saas", category: "X" })).rejects.toBeInstanceOf(Forbidden);
    await expect(runMutation(createSoftware, null, { name: "Sneaky", kind: "saas", category: "X" })).rejects.toBeInstanceOf(Unauthenticated);
    expect(await counts(db)).toEqual(before);
  });

  it("refuses bad input with field errors, and changes nothing", async () => {
    const before = await counts(db);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "x".repeat(10_000), kind: "saas", category: "X" }, "name"],
      [{ name: "Nul\u0000byte", kind: "saas", category: "X" }, "name"],
      [{ name: "", kind: "saas", category: "X" }, "name"],
      [{ name: "Ok", kind: "spaceship", category: "X" }, "kind"],
      [{ name: "Ok", kind: "saas", category: "X", homepage: "javascript:alert(1)" }, "homepage"],
      [{ name: "Ok", kind: "saas", category: "X", vendorId: "'; DROP TABLE software; --" }, "vendorId"],
    ];
    for (const [input, field] of cases) {
      const error = await runMutation(createSoftware, reviewer, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors?.[field]).toBeDefined();
    }
    expect(await counts(db)).toEqual(before);
  });

  it("stores SQL and regex metacharacters literally", async () => {
    const name = unique("Robert'); DROP TABLE software;-- (.*)+ %_\\");
    const created = await catalogue(name);
    const [row] = await db.select().from(software).where(eq(software.id, created.id));
    expect(row!.name).toBe(name);
  });

  it("refuses a stale edit with a conflict, keeping the newer change", async () => {
    const created = await catalogue(unique("Miro"));
    const base = { id: created.id, kind: "saas", category: "Collaboration", description: "" };
    await runMutation(updateSoftware, reviewer, { ...base, name: "Miro (first)", expectedUpdatedAt: created.updatedAt.toISOString() });
    const stale = runMutation(updateSoftware, reviewer, { ...base, name: "Miro (second)", expectedUpdatedAt: created.updatedAt.toISOString() });
    await expect(stale).rejects.toBeInstanceOf(Conflict);
    const [row] = await db.select().from(software).where(eq(software.id, created.id));
    expect(row!.name).toBe("Miro (first)");
  });
});

describe("vendors and editions", () => {
  it("renames a vendor and its software is found by the new name", async () => {
    const vendor = await runMutation(createVendor, reviewer, { name: unique("Old Vendor") });
    const tool = await catalogue(unique("Vendored Tool"), { vendorId: vendor.id });
    const newName = `Zyxwv ${Date.now().toString(36)}`;
    await runMutation(updateVendor, reviewer, { id: vendor.id, name: newName, website: "https://zyxwv.example" });
    expect((await searchSoftware(db, newName)).map((h) => h.id)).toContain(tool.id);
    await expect(runMutation(updateVendor, employee, { id: vendor.id, name: "Nope" })).rejects.toBeInstanceOf(Forbidden);
  });

  it("keeps a vendor profile: certifications, DPA, residency and sub-processors, validated", async () => {
    const vendor = await runMutation(createVendor, reviewer, { name: unique("Profiled") });
    const saved = await runMutation(updateVendor, reviewer, {
      id: vendor.id, name: vendor.name, dpa: "signed", dataResidency: "EU (Frankfurt)",
      certifications: "SOC 2 Type II\n\nISO 27001\nSOC 2 Type II", subprocessors: "AWS\nOpenAI",
    });
    expect(saved).toMatchObject({ dpa: "signed", dataResidency: "EU (Frankfurt)", certifications: ["SOC 2 Type II", "ISO 27001"], subprocessors: ["AWS", "OpenAI"] });
    await expect(runMutation(updateVendor, reviewer, { id: vendor.id, name: vendor.name, dpa: "maybe" })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(updateVendor, reviewer, { id: vendor.id, name: vendor.name, subprocessors: "x".repeat(201) })).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("renames an edition, keeps its slug, refuses a clash, and keeps editions with decisions", async () => {
    const tool = await catalogue(unique("Editioned"));
    const free = await runMutation(addEdition, reviewer, { softwareId: tool.id, name: "Free" });
    await runMutation(addEdition, reviewer, { softwareId: tool.id, name: "Team" });
    const renamed = await runMutation(updateEdition, reviewer, { id: free.id, name: "Free (personal)", description: "Personal accounts" });
    expect(renamed).toMatchObject({ name: "Free (personal)", slug: "free" });
    await expect(runMutation(updateEdition, reviewer, { id: free.id, name: "team" })).rejects.toBeInstanceOf(Conflict);
    await runMutation(recordClassification, reviewer, { softwareId: tool.id, editionId: free.id, status: "prohibited", rationale: "Personal accounts only." });
    await expect(runMutation(removeEdition, reviewer, { id: free.id })).rejects.toBeInstanceOf(Conflict);
    expect((await getSoftwareBySlug(db, tool.slug))!.editions.map((e) => e.name).sort()).toEqual(["Free (personal)", "Team"]);
  });
});

describe("identifiers and classifications", () => {
  it("normalises identifiers and keeps them unique per type", async () => {
    const a = await catalogue(unique("Zoom"));
    const b = await catalogue(unique("Zoom clone"));
    const domain = `${Date.now().toString(36)}-zoom.example.com`;
    const added = await runMutation(addIdentifier, reviewer, { softwareId: a.id, type: "domain", value: `https://www.${domain}/join` });
    expect(added.value).toBe(domain);
    const clash = await runMutation(addIdentifier, reviewer, { softwareId: b.id, type: "domain", value: domain }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(Conflict);
    expect((clash as Conflict).message).toContain(a.name);
    await expect(runMutation(addIdentifier, reviewer, { softwareId: a.id, type: "sha256", value: "not-a-hash" })).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("records a decision with rationale, alternatives and a default review date, and updates the headline status", async () => {
    const alt = await catalogue(unique("Approved Alt"));
    await runMutation(recordClassification, reviewer, { softwareId: alt.id, status: "approved", maxDataClass: "confidential", rationale: "Enterprise contract and SSO." });
    const tool = await catalogue(unique("Risky Agent"));
    const decision = await runMutation(recordClassification, reviewer, {
      softwareId: tool.id,
      status: "restricted",
      conditions: "No customer data\n\n  Telemetry off  ",
      alternatives: [alt.id],
      rationale: "Runs shell commands and sends source code to a cloud service.",
    });
    expect(decision.conditions).toEqual(["No customer data", "Telemetry off"]);
    expect(decision.maxDataClass).toBeNull();
    expect(decision.reviewDueOn > new Date().toISOString().slice(0, 10)).toBe(true);
    const detail = await getSoftwareBySlug(db, tool.slug);
    expect(detail!.status).toBe("restricted");
    expect(detail!.classifications[0]!.alternatives.map((a) => a.alternative.id)).toEqual([alt.id]);
    const [event] = await auditFor(db, decision.id);
    expect(event).toMatchObject({ action: "classification.decided", reason: "Runs shell commands and sends source code to a cloud service." });
  });

  it("refuses decisions without a rationale, a data class for approvals, or with a past review date", async () => {
    const tool = await catalogue(unique("Undecided"));
    const bad: [Record<string, unknown>, string][] = [
      [{ status: "approved", maxDataClass: "internal", rationale: "" }, "rationale"],
      [{ status: "approved", rationale: "Looks fine to us." }, "maxDataClass"],
      [{ status: "approved_with_conditions", maxDataClass: "internal", rationale: "Needs conditions." }, "conditions"],
      [{ status: "approved", maxDataClass: "internal", rationale: "Looks fine to us.", reviewDueOn: "2020-01-01" }, "reviewDueOn"],
      [{ status: "approved", maxDataClass: "internal", rationale: "Looks fine to us.", reviewDueOn: "2026-02-30" }, "reviewDueOn"],
      [{ status: "maybe", rationale: "Looks fine to us." }, "status"],
    ];
    for (const [input, field] of bad) {
      const error = await runMutation(recordClassification, reviewer, { softwareId: tool.id, ...input }).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors?.[field], JSON.stringify(input)).toBeDefined();
    }
    expect((await getSoftwareBySlug(db, tool.slug))!.classifications).toHaveLength(0);
    await expect(
      runMutation(recordClassification, employee, { softwareId: tool.id, status: "approved", maxDataClass: "restricted", rationale: "I like it a lot." }),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("search and check", () => {
  let claude: { id: string; slug: string };
  let copilot: { id: string; slug: string };
  let cursor: { id: string; slug: string };

  beforeAll(async () => {
    const vendor = await runMutation(createVendor, reviewer, { name: unique("Anthropic") });
    claude = await catalogue("Claude Code", { kind: "cli", category: "AI coding", vendorId: vendor.id });
    await runMutation(addIdentifier, reviewer, { softwareId: claude.id, type: "npm", value: "@anthropic-ai/claude-code" });
    await runMutation(recordClassification, reviewer, { softwareId: claude.id, status: "restricted", conditions: "No production credentials", rationale: "Agentic tool with shell access." });

    copilot = await catalogue("GitHub Copilot", { kind: "ai_assistant", category: "AI coding" });
    const free = await runMutation(addEdition, reviewer, { softwareId: copilot.id, name: "Free" });
    const business = await runMutation(addEdition, reviewer, { softwareId: copilot.id, name: "Business" });
    await runMutation(recordClassification, reviewer, { softwareId: copilot.id, editionId: free.id, status: "prohibited", rationale: "Prompts may be used for training." });
    await runMutation(recordClassification, reviewer, { softwareId: copilot.id, editionId: business.id, status: "approved_with_conditions", maxDataClass: "confidential", conditions: "Company SSO only", rationale: "No training on our code; SSO enforced." });

    cursor = await catalogue("Cursor", { kind: "ai_assistant", category: "AI coding" });
    await runMutation(addIdentifier, reviewer, { softwareId: cursor.id, type: "domain", value: "cursor.com" });
  });

  it.each([
    ["cluade", "Claude Code"],
    ["cluade code", "Claude Code"],
    ["copilot", "GitHub Copilot"],
    ["github copilt", "GitHub Copilot"],
    ["@anthropic-ai/claude-code", "Claude Code"],
    ["https://www.cursor.com/pricing", "Cursor"],
    ["cursor.com", "Cursor"],
    ["anthropic", "Claude Code"],
  ])("finds %j → %s", async (query, name) => {
    const hits = await searchSoftware(db, query);
    expect(hits[0]?.name).toBe(name);
  });

  it.each(["%", "_", "\\", "'; DROP TABLE software; --", "(((", ".*+?", "🙂🙃", "\u202Eevil", "a".repeat(200), "& | ! :*"])(
    "survives the query %j",
    async (query) => {
      await expect(searchSoftware(db, query)).resolves.toBeInstanceOf(Array);
    },
  );

  it("answers unknown for tools not in the catalogue", async () => {
    const answer = await checkSoftware(db, { q: "Totally Unheard-of Tool 9000", dataClass: "internal" }, BASE, new Date());
    expect(answer).toMatchObject({ verdict: "unknown", software: null, url: null, dataClass: "internal" });
  });

  it("checks by identifier and by name", async () => {
    const byPackage = await checkSoftware(db, { q: "@anthropic-ai/claude-code", dataClass: "confidential" }, BASE, new Date());
    expect(byPackage).toMatchObject({ verdict: "exception_required", match: "identifier", conditions: ["No production credentials"], url: `${BASE}/software/${claude.slug}` });
    expect(byPackage.software?.name).toBe("Claude Code");
    const byTypo = await checkSoftware(db, { q: "cluade code" }, BASE, new Date());
    expect(byTypo).toMatchObject({ match: "fuzzy", verdict: "exception_required" });
    expect(byTypo.software?.name).toBe("Claude Code");
    // A loose resemblance is not an answer for a machine: "claude" alone is too far from "Claude Code".
    expect((await checkSoftware(db, { q: "cla" }, BASE, new Date())).verdict).toBe("unknown");
  });

  it("answers per edition", async () => {
    const business = await checkSoftware(db, { q: "GitHub Copilot", edition: "business", dataClass: "confidential" }, BASE, new Date());
    expect(business).toMatchObject({ verdict: "allowed_with_conditions", edition: { name: "Business" }, conditions: ["Company SSO only"] });
    const free = await checkSoftware(db, { q: "GitHub Copilot", edition: "Free", dataClass: "public" }, BASE, new Date());
    expect(free.verdict).toBe("prohibited");
    const unnamed = await checkSoftware(db, { q: "GitHub Copilot", dataClass: "public" }, BASE, new Date());
    expect(unnamed.verdict).toBe("prohibited");
    expect(unnamed.reasons.join(" ")).toMatch(/differs by edition/);
  });

  it("lists with filters and pages", async () => {
    const restricted = await listSoftware(db, ListQuery.parse({ status: "restricted", category: "AI coding" }));
    expect(restricted.items.map((i) => i.name)).toContain("Claude Code");
    expect(restricted.items.every((i) => i.status === "restricted")).toBe(true);
    const unclassified = await listSoftware(db, ListQuery.parse({ status: "unclassified", q: "cursor" }));
    expect(unclassified.items.map((i) => i.name)).toEqual(["Cursor"]);
    const page1 = await listSoftware(db, ListQuery.parse({ pageSize: "2", page: "1" }));
    const page2 = await listSoftware(db, ListQuery.parse({ pageSize: "2", page: "2" }));
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(3);
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    expect(page1.pageCount).toBe(Math.ceil(page1.total / 2));
  });

  it("rejects bad list and check parameters with the parameter named", () => {
    expect(ListQuery.safeParse({ page: "0" }).error?.issues[0]?.path).toEqual(["page"]);
    expect(ListQuery.safeParse({ status: "maybe" }).error?.issues[0]?.message).toContain("status must be one of");
    expect(ListQuery.safeParse({ q: "x".repeat(10_000) }).error?.issues[0]?.message).toBe("q must be at most 200 characters");
  });
});

describe("logging", () => {
  it("does not log a failed query's parameters", async () => {
    const { describeForLog } = await import("@/lib/server/guard");
    const secret = "scrypt$32768$8$1$c2FsdA==$aGFzaA==";
    const error = await db.execute(sql`SELECT ${secret}::int`).catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(secret); // what would leak
    const logged = describeForLog(error);
    expect(logged).toContain("database query failed");
    expect(logged).not.toContain(secret);
  });
});
