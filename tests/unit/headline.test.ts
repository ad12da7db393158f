import { describe, expect, it } from "vitest";
import { approvedEdition, computeHeadline, headlineByEdition, headlineLeadStatus } from "@/lib/domain/headline";
import type { ClassificationFact } from "@/lib/domain/verdict";
import type { Status } from "@/lib/domain/vocabulary";

const now = new Date("2026-06-01T12:00:00Z");
const free = { id: "free", name: "Free" };
const enterprise = { id: "ent", name: "Enterprise" };

function decision(status: Status, over: Partial<ClassificationFact> = {}): ClassificationFact {
  const permits = status === "approved" || status === "approved_with_conditions";
  return {
    id: `${status}-${over.editionId ?? "all"}`,
    editionId: null,
    status,
    maxDataClass: permits ? "internal" : null,
    conditions: [],
    decidedAt: new Date("2026-01-01T00:00:00Z"),
    ...over,
  };
}

describe("computeHeadline", () => {
  it("gives one status when every edition is classified alike", () => {
    const headline = computeHeadline([free, enterprise], [decision("approved")], now);
    expect(headline).toEqual({ kind: "uniform", status: "approved" });
    expect(headlineByEdition(headline)).toBeNull();
  });

  it("gives the all-editions status for a software without editions, or none before any decision", () => {
    expect(computeHeadline([], [decision("restricted")], now)).toEqual({ kind: "uniform", status: "restricted" });
    expect(computeHeadline([], [], now)).toEqual({ kind: "uniform", status: null });
  });

  it("says it depends on the edition when they differ, leading with the company's (approved) edition, not the strictest", () => {
    const classifications = [
      decision("prohibited"),
      decision("approved_with_conditions", { editionId: "ent", decidedAt: new Date("2026-02-01T00:00:00Z") }),
    ];
    const headline = computeHeadline([free, enterprise], classifications, now);
    expect(headline).toEqual({
      kind: "depends_on_edition",
      editions: [
        { edition: enterprise, status: "approved_with_conditions" },
        { edition: free, status: "prohibited" },
      ],
    });
    expect(headlineByEdition(headline)).toEqual([{ name: "Enterprise", status: "approved_with_conditions" }, { name: "Free", status: "prohibited" }]);
    expect(headlineLeadStatus(headline)).toBe("approved_with_conditions");
  });

  it("leads with the edition approved for the widest data class when two are approved and a third differs", () => {
    const team = { id: "team", name: "Team" };
    const classifications = [
      decision("approved", { editionId: "free", maxDataClass: "public" }),
      decision("prohibited", { editionId: "team" }),
      decision("approved", { editionId: "ent", maxDataClass: "confidential" }),
    ];
    const headline = computeHeadline([free, team, enterprise], classifications, now);
    expect(headlineByEdition(headline)).toEqual([{ name: "Enterprise", status: "approved" }, { name: "Free", status: "approved" }, { name: "Team", status: "prohibited" }]);
  });

  it("counts an unclassified edition as differing, behind the classified approved one", () => {
    const headline = computeHeadline([free, enterprise], [decision("approved", { editionId: "ent" })], now);
    expect(headlineByEdition(headline)).toEqual([{ name: "Enterprise", status: "approved" }, { name: "Free", status: null }]);
  });

  it("ignores decisions not yet in effect", () => {
    const later = decision("prohibited", { editionId: "free", decidedAt: new Date("2026-07-01T00:00:00Z") });
    expect(computeHeadline([free, enterprise], [decision("approved"), later], now)).toEqual({ kind: "uniform", status: "approved" });
  });
});

describe("approvedEdition", () => {
  it("names the approved edition of an alternative whose editions differ, and none when they agree or none is approved", () => {
    const differing = computeHeadline([free, enterprise], [decision("prohibited", { editionId: "free" }), decision("approved", { editionId: "ent" })], now);
    expect(approvedEdition(differing)).toEqual(enterprise);
    expect(approvedEdition(computeHeadline([free, enterprise], [decision("approved")], now))).toBeNull();
    const noneApproved = computeHeadline([free, enterprise], [decision("prohibited", { editionId: "free" }), decision("restricted", { editionId: "ent" })], now);
    expect(approvedEdition(noneApproved)).toBeNull();
  });
});
