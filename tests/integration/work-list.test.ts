import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import type { Answers } from "@/lib/domain/assessment";
import { addDays } from "@/lib/domain/review-due";
import type { WorkListFilters } from "@/lib/domain/work-list";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "@/lib/mutations/assessments";
import { addEdition, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { listOwners, listWorkList } from "@/lib/queries/work-list";
import { runMutation } from "@/lib/server/guard";
import { makeUser } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;

const LOW: Answers = {
  data_retention: "none", trains_on_customer_data: "no", data_residency: "our_region", subprocessors_disclosed: "yes", dpa_signed: "yes",
  sso: "yes", mfa: "yes", audit_logs: "yes", certifications: ["soc2_type2"], deployment: "self_hosted", network_egress: "none",
  update_channel: "managed", third_party_extensions: "no",
};

// One word every tool of this test starts with, so that a search finds them and nothing else.
const token = `wl${Date.now().toString(36)}`;
const today = new Date().toISOString().slice(0, 10);
// After every decision below (a decision made after `now` is not yet in force).
let now: Date;
const names = { a: `${token} Alpha`, b: `${token} Bravo`, c: `${token} Charlie`, d: `${token} Delta` };

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  // A: approved, owned by Team Red, due in 10 days, assessed.
  const a = await runMutation(createSoftware, reviewer, { name: names.a, kind: "saas", category: "Work list", owner: "Team Red" });
  await runMutation(recordClassification, reviewer, { softwareId: a.id, status: "approved", maxDataClass: "internal", rationale: "Fine for internal data.", reviewDueOn: addDays(today, 10) });
  const started = await runMutation(startAssessment, reviewer, { softwareId: a.id });
  await runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", answers: JSON.stringify(LOW) });
  await runMutation(submitAssessment, reviewer, { id: started.id, version: "2" });
  await runMutation(completeAssessment, reviewer, { id: started.id, version: "3" });
  // B: restricted, no owner, due in 100 days.
  const b = await runMutation(createSoftware, reviewer, { name: names.b, kind: "saas", category: "Work list" });
  await runMutation(recordClassification, reviewer, { softwareId: b.id, status: "restricted", rationale: "Exception needed for any use.", reviewDueOn: addDays(today, 100) });
  // C: not yet classified, owned by Team Blue.
  await runMutation(createSoftware, reviewer, { name: names.c, kind: "saas", category: "Work list", owner: "Team Blue" });
  // D: an edition's decision due in 5 days, then one for all editions due in 200 days, which replaces it.
  const d = await runMutation(createSoftware, reviewer, { name: names.d, kind: "saas", category: "Work list", owner: "Team Blue" });
  const pro = await runMutation(addEdition, reviewer, { softwareId: d.id, name: "Pro" });
  await runMutation(recordClassification, reviewer, { softwareId: d.id, editionId: pro.id, status: "approved", maxDataClass: "public", rationale: "The Pro edition is fine.", reviewDueOn: addDays(today, 5) });
  await runMutation(recordClassification, reviewer, { softwareId: d.id, status: "prohibited", rationale: "Prohibited after the vendor's breach.", reviewDueOn: addDays(today, 200) });
  now = new Date();
});
afterAll(() => closeDb());

async function names_(filters: Partial<WorkListFilters>, at?: Date) {
  const page = await listWorkList(db, { q: token, sort: "name", page: 1, ...filters }, at ?? now);
  return page.items.map((i) => i.name);
}

describe("Manage's work list", () => {
  it("finds software by search words and gives each row its owner, review date and assessed tier", async () => {
    const page = await listWorkList(db, { q: token, sort: "name", page: 1 }, now);
    expect(page.total).toBe(4);
    expect(page.items.map((i) => [i.name, i.owner, i.reviewDueOn, i.tier])).toEqual([
      [names.a, "Team Red", addDays(today, 10), "low"],
      [names.b, null, addDays(today, 100), null],
      [names.c, "Team Blue", null, null],
      // The edition's decision was replaced by the later one for all editions: its date no longer counts.
      [names.d, "Team Blue", addDays(today, 200), null],
    ]);
    expect(page.items[0]!.headline).toEqual({ kind: "uniform", status: "approved" });
  });

  it("filters by status, owner (any case, or none), review window and assessed tier", async () => {
    expect(await names_({ status: "restricted" })).toEqual([names.b]);
    expect(await names_({ status: "unclassified" })).toEqual([names.c]);
    expect(await names_({ owner: "team blue" })).toEqual([names.c, names.d]);
    expect(await names_({ owner: "none" })).toEqual([names.b]);
    expect(await names_({ due: "soon" })).toEqual([names.a]);
    expect(await names_({ due: "later" })).toEqual([names.b, names.d]);
    expect(await names_({ due: "overdue" })).toEqual([]);
    // Forty days on, A's review is overdue.
    expect(await names_({ due: "overdue" }, new Date(now.getTime() + 40 * 86_400_000))).toEqual([names.a]);
    expect(await names_({ tier: "low" })).toEqual([names.a]);
    expect(await names_({ tier: "not_assessed" })).toEqual([names.b, names.c, names.d]);
    expect(await names_({ owner: "Team Blue", due: "later", status: "prohibited" })).toEqual([names.d]);
  });

  it("orders by soonest review (nothing due last) and pages", async () => {
    expect(await names_({ sort: "due" })).toEqual([names.a, names.b, names.d, names.c]);
    const second = await listWorkList(db, { q: token, sort: "name", page: 2 }, now);
    expect(second.items).toEqual([]);
    expect(second.pageCount).toBe(1);
  });

  it("lists the owners named in the catalogue for the owner filter", async () => {
    const owners = await listOwners(db);
    expect(owners).toEqual(expect.arrayContaining(["Team Blue", "Team Red"]));
    expect(new Set(owners).size).toBe(owners.length);
  });
});
