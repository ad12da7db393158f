import { describe, expect, it } from "vitest";
import {
  canViewRequest,
  checkDecision,
  earlierDeciderIds,
  checkEndDate,
  checkWithdraw,
  dueReminder,
  exceptionApplies,
  firstStep,
  grantEndsAt,
  stepDueAt,
  DEFAULT_REQUEST_SETTINGS,
  type RequestFacts,
} from "@/lib/domain/requests";

const employee = { id: "emp", role: "employee" as const };
const manager = { id: "mgr", role: "manager" as const };
const otherManager = { id: "mgr2", role: "manager" as const };
const reviewer = { id: "rev", role: "reviewer" as const };
const reviewer2 = { id: "rev2", role: "reviewer" as const };

const request = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  status: "awaiting_manager",
  kind: "exception",
  requesterId: employee.id,
  requesterManagerId: manager.id,
  softwareStatus: "restricted",
  securityDeciderId: null,
  supporterIds: [],
  deciderIds: [],
  ...over,
});

describe("firstStep", () => {
  it("goes to the manager, or straight to security (marked) without one", () => {
    expect(firstStep({ managerId: "mgr" })).toEqual({ status: "awaiting_manager", skippedManager: false });
    expect(firstStep({ managerId: null })).toEqual({ status: "awaiting_security", skippedManager: true });
  });
});

describe("checkDecision", () => {
  it("lets the requester's manager move it to security or reject it", () => {
    expect(checkDecision(request(), manager, "approve")).toEqual({ allowed: true, next: "awaiting_security" });
    expect(checkDecision(request(), manager, "reject")).toEqual({ allowed: true, next: "rejected" });
  });

  it("refuses another team's manager, reviewers at the manager step, and the requester", () => {
    expect(checkDecision(request(), otherManager, "approve")).toMatchObject({ allowed: false, reason: "notTheManager" });
    expect(checkDecision(request(), reviewer, "approve")).toMatchObject({ allowed: false });
    expect(checkDecision(request({ requesterManagerId: employee.id }), employee, "approve")).toMatchObject({ allowed: false, reason: "ownRequest" });
  });

  it("refuses a reviewer deciding their own request or one they joined", () => {
    const own = request({ status: "awaiting_security", requesterId: reviewer.id });
    expect(checkDecision(own, reviewer, "approve")).toMatchObject({ allowed: false, reason: "ownRequest" });
    const joined = request({ status: "awaiting_security", supporterIds: [reviewer.id] });
    expect(checkDecision(joined, reviewer, "approve")).toMatchObject({ allowed: false });
  });

  it("lets security approve into a grant, or hold a prohibited tool's exception for a second reviewer", () => {
    expect(checkDecision(request({ status: "awaiting_security" }), reviewer, "approve")).toEqual({ allowed: true, next: "approved" });
    expect(checkDecision(request({ status: "awaiting_security", softwareStatus: "prohibited" }), reviewer, "approve")).toEqual({ allowed: true, next: "awaiting_confirmation" });
    expect(checkDecision(request({ status: "awaiting_security", softwareStatus: "prohibited" }), reviewer, "reject")).toEqual({ allowed: true, next: "rejected" });
    expect(checkDecision(request({ status: "awaiting_security" }), manager, "approve")).toMatchObject({ allowed: false, reason: "notAReviewer" });
  });

  it("needs a different reviewer to confirm", () => {
    const held = request({ status: "awaiting_confirmation", softwareStatus: "prohibited", securityDeciderId: reviewer.id });
    expect(checkDecision(held, reviewer, "approve")).toMatchObject({ allowed: false, reason: "secondReviewer" });
    expect(checkDecision(held, reviewer2, "approve")).toEqual({ allowed: true, next: "approved" });
  });

  it("lets nobody decide two steps: a reviewer who is the requester's manager decides one of them", () => {
    const reviewerManager = { id: "revmgr", role: "reviewer" as const };
    expect(checkDecision(request({ requesterManagerId: reviewerManager.id }), reviewerManager, "approve")).toEqual({ allowed: true, next: "awaiting_security" });
    const atSecurity = request({ status: "awaiting_security", requesterManagerId: reviewerManager.id, deciderIds: [reviewerManager.id] });
    expect(checkDecision(atSecurity, reviewerManager, "approve")).toMatchObject({ allowed: false, reason: "oneStepEach" });
    expect(checkDecision(atSecurity, reviewerManager, "reject")).toMatchObject({ allowed: false });
    expect(checkDecision(atSecurity, reviewer, "approve")).toEqual({ allowed: true, next: "approved" });
    const atConfirmation = request({ status: "awaiting_confirmation", softwareStatus: "prohibited", securityDeciderId: reviewer.id, deciderIds: [reviewerManager.id, reviewer.id] });
    expect(checkDecision(atConfirmation, reviewerManager, "approve")).toMatchObject({ allowed: false, reason: "oneStepEach" });
    expect(checkDecision(atConfirmation, reviewer2, "approve")).toEqual({ allowed: true, next: "approved" });
  });

  it("counts the deciders of a request from its timeline's decision events", () => {
    const events = [
      { kind: "submitted", actorId: "emp" },
      { kind: "comment", actorId: "rev" },
      { kind: "manager_approved", actorId: "mgr" },
      { kind: "security_approved", actorId: "rev" },
      { kind: "escalated", actorId: null },
    ];
    expect(earlierDeciderIds(events).sort()).toEqual(["mgr", "rev"]);
  });

  it("refuses any decision once decided", () => {
    for (const status of ["approved", "rejected", "withdrawn"] as const) {
      expect(checkDecision(request({ status }), reviewer, "approve")).toMatchObject({ allowed: false, reason: "alreadyClosed" });
    }
  });
});

describe("checkWithdraw", () => {
  it("is for the requester, before the final decision", () => {
    expect(checkWithdraw({ status: "awaiting_security", requesterId: "emp" }, employee)).toEqual({ allowed: true });
    expect(checkWithdraw({ status: "awaiting_security", requesterId: "emp" }, manager)).toMatchObject({ allowed: false });
    expect(checkWithdraw({ status: "approved", requesterId: "emp" }, employee)).toMatchObject({ allowed: false });
  });
});

describe("dates", () => {
  it("a grant until 31 March ends at the start of 1 April", () => {
    expect(grantEndsAt("2027-03-31").toISOString()).toBe("2027-04-01T00:00:00.000Z");
  });

  it("checks end dates against today and the maximum", () => {
    expect(checkEndDate("2026-11-23", "2026-11-24", 90)).toEqual({ problem: "past" });
    expect(checkEndDate("2026-11-24", "2026-11-24", 90)).toBeNull();
    expect(checkEndDate("2027-02-22", "2026-11-24", 90)).toBeNull();
    expect(checkEndDate("2027-02-23", "2026-11-24", 90)).toEqual({ problem: "tooFar", maxDays: 90, latest: "2027-02-22" });
  });

  it("puts steps due after their service level", () => {
    const from = new Date("2026-11-24T10:00:00Z");
    expect(stepDueAt("awaiting_manager", from, DEFAULT_REQUEST_SETTINGS)?.toISOString()).toBe("2026-11-27T10:00:00.000Z");
    expect(stepDueAt("awaiting_security", from, DEFAULT_REQUEST_SETTINGS)?.toISOString()).toBe("2026-11-29T10:00:00.000Z");
    expect(stepDueAt("approved", from, DEFAULT_REQUEST_SETTINGS)).toBeNull();
  });
});

describe("dueReminder", () => {
  const endsAt = new Date("2026-12-31T00:00:00Z");
  const at = (iso: string) => new Date(iso);
  it("sends the 7-day reminder, then the 1-day one, each once", () => {
    expect(dueReminder(endsAt, at("2026-12-20T00:00:00Z"), null)).toBeNull();
    expect(dueReminder(endsAt, at("2026-12-24T00:00:00Z"), null)).toBe(7);
    expect(dueReminder(endsAt, at("2026-12-25T00:00:00Z"), 7)).toBeNull();
    expect(dueReminder(endsAt, at("2026-12-30T00:00:00Z"), 7)).toBe(1);
    expect(dueReminder(endsAt, at("2026-12-30T12:00:00Z"), 1)).toBeNull();
  });
  it("sends one reminder, not two, when a sweep missed the first threshold; none after the end", () => {
    expect(dueReminder(endsAt, at("2026-12-30T12:00:00Z"), null)).toBe(1);
    expect(dueReminder(endsAt, at("2026-12-31T00:00:00Z"), null)).toBeNull();
  });
});

describe("exceptionApplies", () => {
  it("is for answers that are not already allowed", () => {
    expect(exceptionApplies("exception_required")).toBe(true);
    expect(exceptionApplies("prohibited")).toBe(true);
    expect(exceptionApplies("under_review")).toBe(true);
    expect(exceptionApplies("allowed")).toBe(false);
    expect(exceptionApplies("unknown")).toBe(false);
  });
});

describe("canViewRequest", () => {
  const exception = { kind: "exception" as const, requesterId: "emp", managerId: "mgr", supporterIds: ["sup"] };
  it("keeps exceptions to those involved and security", () => {
    for (const actor of [employee, manager, reviewer, { id: "sup", role: "employee" as const }, { id: "adm", role: "admin" as const }]) {
      expect(canViewRequest(exception, actor), actor.id).toBe(true);
    }
    expect(canViewRequest(exception, otherManager)).toBe(false);
    expect(canViewRequest(exception, { id: "someone", role: "employee" })).toBe(false);
  });
  it("opens new-tool reviews to everyone, so they can join", () => {
    expect(canViewRequest({ ...exception, kind: "new_software" }, { id: "someone", role: "employee" })).toBe(true);
  });
});
