import { describe, expect, it } from "vitest";
import { decisionDrafts, type RecordedDecision } from "@/lib/domain/decision-draft";

const now = new Date("2026-03-15T12:00:00Z");

function decision(over: Partial<RecordedDecision> & { id: string }): RecordedDecision {
  return {
    editionId: null,
    status: "approved",
    maxDataClass: "internal",
    conditions: [],
    rationale: "Fine for internal data.",
    reviewDueOn: "2027-01-01",
    decidedAt: new Date("2026-01-10T09:00:00Z"),
    confirmationReason: null,
    confirmedAt: null,
    decidedBy: { name: "Riley Reviewer" },
    alternatives: [],
    ...over,
  };
}

describe("what a new decision starts from", () => {
  it("is the decision in force for each scope, every field as the form takes it", () => {
    const general = decision({
      id: "general",
      status: "approved_with_conditions",
      conditions: ["Enterprise tenant only", "Telemetry off"],
      alternatives: [{ alternative: { id: "alt-1", name: "Continue" } }],
    });
    const drafts = decisionDrafts([general], [null, "free"], now);
    expect(drafts[""]).toEqual({
      id: "general",
      editionId: null,
      status: "approved_with_conditions",
      maxDataClass: "internal",
      conditions: "Enterprise tenant only\nTelemetry off",
      rationale: "Fine for internal data.",
      alternatives: [{ id: "alt-1", name: "Continue" }],
      reviewDueOn: "2027-01-01",
      inForceReviewDueOn: "2027-01-01",
      decidedOn: "2026-01-10",
      decidedBy: "Riley Reviewer",
    });
    // An edition without its own decision starts from the one for all editions, as its verdict does.
    expect(drafts.free?.id).toBe("general");
  });

  it("prefers an edition's own later decision, and leaves other editions on the general one", () => {
    const general = decision({ id: "general" });
    const free = decision({ id: "free-only", editionId: "free", status: "prohibited", maxDataClass: null, decidedAt: new Date("2026-02-01T00:00:00Z") });
    const drafts = decisionDrafts([general, free], [null, "free", "enterprise"], now);
    expect(drafts[""]?.id).toBe("general");
    expect(drafts.free?.id).toBe("free-only");
    expect(drafts.enterprise?.id).toBe("general");
  });

  it("skips a decision awaiting a second reviewer, and is empty when nothing is in force", () => {
    const inForce = decision({ id: "in-force" });
    const pending = decision({ id: "pending", status: "approved", decidedAt: new Date("2026-03-01T00:00:00Z"), confirmationReason: "It loosens Restricted to Approved." });
    expect(decisionDrafts([inForce, pending], [null], now)[""]?.id).toBe("in-force");
    expect(decisionDrafts([pending], [null], now)[""]).toBeNull();
    expect(decisionDrafts([], [null, "free"], now)).toEqual({ "": null, free: null });
  });

  it("keeps a review date still ahead, and leaves a passed one empty (a new decision needs a future date)", () => {
    const overdue = decision({ id: "overdue", reviewDueOn: "2026-02-01" });
    const draft = decisionDrafts([overdue], [null], now)[""]!;
    expect(draft.reviewDueOn).toBe("");
    expect(draft.inForceReviewDueOn).toBe("2026-02-01");
    // Due today is not ahead either: the form refuses a date that is not after today.
    expect(decisionDrafts([decision({ id: "today", reviewDueOn: "2026-03-15" })], [null], now)[""]!.reviewDueOn).toBe("");
  });

  it("dates a confirmed decision by its confirmation, when it took effect", () => {
    const confirmed = decision({ id: "confirmed", confirmationReason: "Critical tier.", confirmedAt: new Date("2026-03-02T08:00:00Z") });
    expect(decisionDrafts([confirmed], [null], now)[""]!.decidedOn).toBe("2026-03-02");
  });
});
