import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { auditEvents, emailOutbox, grants, notifications, requests, requestSupporters } from "@/lib/db/schema";
import { addDays, isoDay } from "@/lib/domain/requests";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { sweep } from "@/lib/jobs/sweep";
import { createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { commentOnRequest, decideRequest, joinRequest, requestException, requestNewSoftware, revokeGrant, withdrawRequest } from "@/lib/mutations/requests";
import { getRequestDetail, listManagerInbox, listSecurityQueue } from "@/lib/queries/requests";
import { checkSoftware } from "@/lib/services/verdicts";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";

let db: Db;
let manager: SessionUser;
let otherManager: SessionUser;
let employee: SessionUser;
let colleague: SessionUser;
let loner: SessionUser;
let reviewer: SessionUser;
let reviewer2: SessionUser;

const today = () => isoDay(new Date());
const DAY = 86_400_000;

async function tool(status: "restricted" | "prohibited" | "approved", maxDataClass?: "internal") {
  const created = await runMutation(createSoftware, reviewer, { name: unique("Agent tool"), kind: "cli", category: "AI coding" });
  await runMutation(recordClassification, reviewer, { softwareId: created.id, status, maxDataClass, rationale: "Set up for the request tests." });
  return created;
}

function ask(actor: SessionUser, softwareId: string, over: Record<string, unknown> = {}) {
  return runMutation(requestException, actor, {
    idempotencyKey: randomUUID(),
    softwareId,
    dataClass: "confidential",
    purpose: "Refactor the billing service",
    justification: "The agent saves days of mechanical edits.",
    endsOn: addDays(today(), 60),
    ...over,
  });
}

const decide = (actor: SessionUser, requestId: string, expectedStatus: string, over: Record<string, unknown> = {}) =>
  runMutation(decideRequest, actor, { requestId, expectedStatus, decision: "approve", ...over });

async function stored(id: string) {
  const [row] = await db.select().from(requests).where(eq(requests.id, id));
  return row!;
}

async function outboxFor(email: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
}

beforeAll(async () => {
  db = await getDb();
  manager = await makeUser(db, "manager");
  otherManager = await makeUser(db, "manager");
  employee = await makeUser(db, "employee", { managerId: manager.id });
  colleague = await makeUser(db, "employee", { managerId: otherManager.id });
  loner = await makeUser(db, "employee");
  reviewer = await makeUser(db, "reviewer");
  reviewer2 = await makeUser(db, "reviewer");
});
afterAll(() => closeDb());

describe("an exception, from asking to the end of the grant", () => {
  it("goes manager → security → grant; the verdict is allowed by exception until the end date, then back", async () => {
    const agent = await tool("restricted");
    const asked = await ask(employee, agent.id, { endsOn: addDays(today(), 45) });
    expect(asked).toMatchObject({ status: "awaiting_manager", managerId: manager.id, skippedManager: false });
    expect((await listManagerInbox(db, manager.id)).map((r) => r.id)).toContain(asked.id);
    expect((await listManagerInbox(db, otherManager.id)).map((r) => r.id)).not.toContain(asked.id);
    // The manager is told, in the app and by email.
    expect((await db.select().from(notifications).where(eq(notifications.userId, manager.id))).some((n) => n.link === `/requests/${asked.id}`)).toBe(true);
    expect((await outboxFor(manager.email)).length).toBeGreaterThan(0);

    await decide(manager, asked.id, "awaiting_manager", { comment: "Fine for the billing refactor." });
    expect((await stored(asked.id)).status).toBe("awaiting_security");
    expect((await listSecurityQueue(db)).map((r) => r.id)).toContain(asked.id);

    // Security shortens it to 30 days and adds a condition.
    const endsOn = addDays(today(), 30);
    const approved = await decide(reviewer, asked.id, "awaiting_security", { endsOn, conditions: "Billing repository only\nAuto-approve off" });
    expect(approved).toMatchObject({ status: "approved", approvedEndsOn: endsOn, approvedConditions: ["Billing repository only", "Auto-approve off"] });
    const [grant] = await db.select().from(grants).where(eq(grants.requestId, asked.id));
    expect(grant).toMatchObject({ userId: employee.id, softwareId: agent.id, dataClass: "confidential", endsOn, conditions: ["Billing repository only", "Auto-approve off"] });

    const now = new Date();
    const check = (at: Date, user = employee) => checkSoftware(db, { q: agent.name, dataClass: "confidential" }, "http://vetted.test", at, user.id);
    expect(await check(now)).toMatchObject({ verdict: "allowed_by_exception", conditions: ["Billing repository only", "Auto-approve off"] });
    expect((await check(now)).reasons[0]).toContain(`valid through ${endsOn}`);
    expect((await check(now, colleague)).verdict).toBe("exception_required");
    expect((await checkSoftware(db, { q: agent.name, dataClass: "restricted" }, "http://vetted.test", now, employee.id)).verdict).toBe("exception_required");

    // Reminders a week and a day before, then the end: each once, however often the sweep runs.
    await sweep(db, new Date(grant!.endsAt.getTime() - 6 * DAY));
    await sweep(db, new Date(grant!.endsAt.getTime() - 6 * DAY + 60_000));
    await sweep(db, new Date(grant!.endsAt.getTime() - 12 * 3_600_000));
    const afterEnd = new Date(grant!.endsAt.getTime() + 30_000);
    expect((await sweep(db, afterEnd)).expired).toBeGreaterThanOrEqual(1);
    await sweep(db, new Date(afterEnd.getTime() + 60_000));
    const mail = (await outboxFor(employee.email)).map((m) => m.subject);
    expect(mail.filter((s) => s.includes("ends in 7 days"))).toHaveLength(1);
    expect(mail.filter((s) => s.includes("ends tomorrow"))).toHaveLength(1);
    expect(mail.filter((s) => s.includes("has ended"))).toHaveLength(1);
    expect(await check(afterEnd)).toMatchObject({ verdict: "exception_required" });
    expect((await db.select().from(grants).where(eq(grants.id, grant!.id)))[0]!.expiredAt).not.toBeNull();
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, grant!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["grant.created", "grant.expired", "grant.reminded", "grant.reminded"]);

    const detail = await getRequestDetail(db, asked.id);
    expect(detail!.events.map((e) => e.kind)).toEqual(["submitted", "manager_approved", "approved", "expired"]);
  });

  it("goes straight to security, marked so, when the requester has no manager", async () => {
    const asked = await ask(loner, (await tool("restricted")).id);
    expect(asked).toMatchObject({ status: "awaiting_security", skippedManager: true, managerId: null });
  });

  it("needs a second, different reviewer for an exception to a prohibited tool", async () => {
    const banned = await tool("prohibited");
    const asked = await ask(loner, banned.id);
    await decide(reviewer, asked.id, "awaiting_security");
    expect((await stored(asked.id)).status).toBe("awaiting_confirmation");
    expect(await db.select().from(grants).where(eq(grants.requestId, asked.id))).toEqual([]);
    await expect(decide(reviewer, asked.id, "awaiting_confirmation")).rejects.toThrow(/second, different reviewer/);
    await decide(reviewer2, asked.id, "awaiting_confirmation");
    expect((await stored(asked.id)).status).toBe("approved");
    expect(await db.select().from(grants).where(eq(grants.requestId, asked.id))).toHaveLength(1);
  });

  it("lets security reject with the approval's fields still filled in (the form pre-fills the end date)", async () => {
    const asked = await ask(loner, (await tool("restricted")).id);
    await decide(reviewer, asked.id, "awaiting_security", { decision: "reject", comment: "Use the approved alternative.", endsOn: asked.endsOn, conditions: "No customer data" });
    const row = await stored(asked.id);
    expect(row.status).toBe("rejected");
    expect(row.approvedConditions).toEqual([]);
    expect(await db.select().from(grants).where(eq(grants.requestId, asked.id))).toEqual([]);
  });

  it("lets security revoke a grant, with a reason, and the verdict follows at once", async () => {
    const agent = await tool("restricted");
    const asked = await ask(loner, agent.id);
    const { grantId } = await decide(reviewer, asked.id, "awaiting_security");
    await expect(runMutation(revokeGrant, manager, { grantId, reason: "No." })).rejects.toBeInstanceOf(Forbidden);
    await runMutation(revokeGrant, reviewer, { grantId, reason: "The pilot was stopped." });
    expect((await checkSoftware(db, { q: agent.name, dataClass: "confidential" }, "http://vetted.test", new Date(), loner.id)).verdict).toBe("exception_required");
    await expect(runMutation(revokeGrant, reviewer, { grantId, reason: "Again" })).rejects.toBeInstanceOf(Conflict);
  });
});

describe("who may decide", () => {
  it("refuses self-approval, another team's manager and the wrong role, changing nothing", async () => {
    const agent = await tool("restricted");
    const asked = await ask(employee, agent.id);
    await expect(decide(otherManager, asked.id, "awaiting_manager")).rejects.toThrow(NotFound);
    await expect(decide(reviewer, asked.id, "awaiting_manager")).rejects.toThrow(/Only the requester's manager/);
    await expect(decide(employee, asked.id, "awaiting_manager")).rejects.toBeInstanceOf(Forbidden); // employees may not decide at all

    // A manager asking for themselves cannot approve their own request, even if they manage themselves on paper.
    const selfManaged = await makeUser(db, "manager");
    await db.execute(`UPDATE users SET manager_id = id WHERE id = '${selfManaged.id}'`);
    const own = await ask({ ...selfManaged, managerId: selfManaged.id }, agent.id);
    await expect(decide(selfManaged, own.id, "awaiting_manager")).rejects.toThrow(/your own request/);

    // A reviewer cannot give the security decision on their own request.
    const reviewersOwn = await ask(reviewer, agent.id);
    await expect(decide(reviewer, reviewersOwn.id, "awaiting_security")).rejects.toThrow(/your own request/);

    expect((await stored(asked.id)).status).toBe("awaiting_manager");
    expect((await stored(own.id)).status).toBe("awaiting_manager");
  });

  it("lets nobody decide two steps: a reviewer who manages the requester decides the manager step, another reviewer security", async () => {
    const reviewerManager = await makeUser(db, "reviewer");
    const report = await makeUser(db, "employee", { managerId: reviewerManager.id });
    const prohibited = await tool("prohibited");
    const asked = await ask(report, prohibited.id);
    await decide(reviewerManager, asked.id, "awaiting_manager");
    await expect(decide(reviewerManager, asked.id, "awaiting_security")).rejects.toThrow(Forbidden);
    await expect(decide(reviewerManager, asked.id, "awaiting_security")).rejects.toThrow(/already decided a step of this request/);
    await expect(decide(reviewerManager, asked.id, "awaiting_security", { decision: "reject" })).rejects.toThrow(/already decided a step/);
    expect((await stored(asked.id)).status).toBe("awaiting_security");
    // Another reviewer gives the security decision; the manager-reviewer may not confirm it either.
    await decide(reviewer, asked.id, "awaiting_security");
    await expect(decide(reviewerManager, asked.id, "awaiting_confirmation")).rejects.toThrow(/already decided a step/);
    await decide(reviewer2, asked.id, "awaiting_confirmation");
    expect((await stored(asked.id)).status).toBe("approved");
    const decisions = await db.select().from(auditEvents).where(eq(auditEvents.entityId, asked.id));
    expect(decisions.filter((e) => e.action === "request.approved").map((e) => e.actorId).sort()).toEqual([reviewerManager.id, reviewer.id, reviewer2.id].sort());
  });

  it("refuses a reviewer deciding a new-tool review they joined", async () => {
    const asked = await runMutation(requestNewSoftware, loner, { idempotencyKey: randomUUID(), proposedName: unique("Joined tool"), purpose: "Diagramming", justification: "The team draws architecture." });
    await runMutation(joinRequest, reviewer, { requestId: asked.id, justification: "I need it too." });
    await expect(decide(reviewer, asked.id, "awaiting_security")).rejects.toThrow(/asked for this too/);
    expect((await stored(asked.id)).status).toBe("awaiting_security");
  });

  it("records exactly one decision when two act on the same step at once; the other is told it was decided", async () => {
    const asked = await ask(loner, (await tool("restricted")).id);
    const results = await Promise.allSettled([decide(reviewer, asked.id, "awaiting_security"), decide(reviewer2, asked.id, "awaiting_security", { decision: "reject" })]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(Conflict);
    expect((rejected[0]!.reason as Error).message).toMatch(/already decided by reviewer/);
    const decisions = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, asked.id)));
    expect(decisions.filter((e) => e.action === "request.approved" || e.action === "request.rejected")).toHaveLength(1);
  });

  it("lets only the requester withdraw, and only while open", async () => {
    const asked = await ask(employee, (await tool("restricted")).id);
    await expect(runMutation(withdrawRequest, manager, { requestId: asked.id })).rejects.toBeInstanceOf(Forbidden);
    await runMutation(withdrawRequest, employee, { requestId: asked.id });
    expect((await stored(asked.id)).status).toBe("withdrawn");
    await expect(runMutation(withdrawRequest, employee, { requestId: asked.id })).rejects.toBeInstanceOf(Conflict);
    await expect(decide(manager, asked.id, "awaiting_manager")).rejects.toBeInstanceOf(Conflict);
  });

  it("keeps a request out of sight of people not involved", async () => {
    const asked = await ask(employee, (await tool("restricted")).id);
    await expect(runMutation(commentOnRequest, colleague, { requestId: asked.id, body: "Peeking" })).rejects.toBeInstanceOf(NotFound);
    await runMutation(commentOnRequest, manager, { requestId: asked.id, body: "Which repository?" });
    expect((await getRequestDetail(db, asked.id))!.events.at(-1)).toMatchObject({ kind: "comment", body: "Which repository?" });
  });
});

describe("bad input and double submissions", () => {
  it("refuses past and too distant end dates, tools already allowed, unknown tools and oversized text, changing nothing", async () => {
    const agent = await tool("restricted");
    const allowed = await tool("approved", "internal");
    const before = (await db.select().from(requests)).length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ endsOn: addDays(today(), -1) }, "endsOn", /in the past/],
      [{ endsOn: addDays(today(), 91) }, "endsOn", /at most 90 days ahead/],
      [{ endsOn: "2026-02-30" }, "endsOn", /not a date in the calendar/],
      [{ dataClass: "secret" }, "dataClass", /Choose a data class/],
      [{ justification: "x".repeat(4001) }, "justification", /at most 4000/],
      [{ purpose: "" }, "purpose", /required/],
      [{ softwareId: allowed.id, dataClass: "internal" }, "dataClass", /already allowed/],
    ];
    for (const [over, field, message] of cases) {
      const error = await ask(employee, agent.id, over).then(() => null, (e: unknown) => e as ValidationFailed);
      expect(error, field).toBeInstanceOf(ValidationFailed);
      expect(error!.fieldErrors?.[field]?.join(" "), field).toMatch(message);
    }
    await expect(ask(employee, randomUUID())).rejects.toBeInstanceOf(NotFound);
    expect((await db.select().from(requests)).length).toBe(before);
  });

  it("makes one request from a form submitted twice at once", async () => {
    const agent = await tool("restricted");
    const idempotencyKey = randomUUID();
    const results = await Promise.allSettled([ask(loner, agent.id, { idempotencyKey }), ask(loner, agent.id, { idempotencyKey })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await db.select().from(requests).where(eq(requests.idempotencyKey, idempotencyKey))).toHaveLength(1);
  });
});

describe("new tool reviews", () => {
  it("turns a second ask into a +1 with its own justification, and the queue counts the people asking", async () => {
    const name = unique("Quokka Notes");
    const first = await runMutation(requestNewSoftware, loner, { idempotencyKey: randomUUID(), proposedName: name, purpose: "Meeting notes", justification: "Our team's notes are scattered." });
    const duplicate = await runMutation(requestNewSoftware, colleague, { idempotencyKey: randomUUID(), proposedName: name.toUpperCase(), purpose: "Notes", justification: "Same." }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Conflict);
    expect((duplicate as Conflict).message).toMatch(new RegExp(`request ${first.number}\\): join`));
    await runMutation(joinRequest, colleague, { requestId: first.id, justification: "Design reviews need shared notes too." });
    await expect(runMutation(joinRequest, colleague, { requestId: first.id, justification: "Again" })).rejects.toBeInstanceOf(Conflict);
    await expect(runMutation(joinRequest, loner, { requestId: first.id, justification: "Mine" })).rejects.toBeInstanceOf(Conflict);
    expect(await db.select().from(requestSupporters).where(eq(requestSupporters.requestId, first.id))).toHaveLength(1);
    expect((await listSecurityQueue(db)).find((r) => r.id === first.id)?.demand).toBe(2);
    // Someone who joined cannot decide it either.
    const joiningReviewer = await makeUser(db, "reviewer");
    await runMutation(joinRequest, joiningReviewer, { requestId: first.id, justification: "Security would use it as well." });
    await expect(decide(joiningReviewer, first.id, "awaiting_security")).rejects.toThrow(/asked for this too/);
  });

  it("points to the catalogue when the tool is already there", async () => {
    const known = await tool("restricted");
    const refused = await runMutation(requestNewSoftware, loner, { idempotencyKey: randomUUID(), proposedName: known.name, purpose: "x", justification: "y" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).fieldErrors?.proposedName?.[0]).toMatch(/already in the catalogue/);
  });
});

describe("reports", () => {
  it("counts open requests by step, times decisions, ranks demand and lists exceptions ending soon", async () => {
    const { getRequestReports } = await import("@/lib/queries/request-reports");
    const before = await getRequestReports(db, new Date());
    const name = unique("Wanted tool");
    const wanted = await runMutation(requestNewSoftware, employee, { idempotencyKey: randomUUID(), proposedName: name, purpose: "x", justification: "y" });
    await runMutation(joinRequest, colleague, { requestId: wanted.id, justification: "Me too" });
    await runMutation(joinRequest, loner, { requestId: wanted.id, justification: "And me" });
    const agent = await tool("restricted");
    const asked = await ask(loner, agent.id, { endsOn: addDays(today(), 10) });
    await decide(reviewer, asked.id, "awaiting_security");

    const after = await getRequestReports(db, new Date());
    const managerStep = (r: typeof after) => r.openByStepAndAge.find((s) => s.status === "awaiting_manager")!.counts[0]!;
    expect(managerStep(after)).toBe(managerStep(before) + 1);
    expect(after.mostRequested.find((t) => t.name === name)).toMatchObject({ people: 3, requests: 1, slug: null });
    const overall = after.decisionTimes.find((t) => t.step === "overall")!;
    expect(overall.decided).toBe(before.decisionTimes.find((t) => t.step === "overall")!.decided + 1);
    expect(overall.medianHours).not.toBeNull();
    expect(after.expiringSoon.some((g) => g.requestId === asked.id)).toBe(true);
  });
});
