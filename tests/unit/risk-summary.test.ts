import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../lib/domain/assessment";
import { DEFAULT_TEMPLATE } from "../../lib/domain/default-template";
import { assessmentFor, mainRisks } from "../../lib/domain/risk-summary";

const dims = (levels: Record<string, "low" | "medium" | "high" | "critical">) => ({
  dimensions: (["data_exposure", "vendor_trust", "access_autonomy", "supply_chain", "compliance"] as const).map((dimension) => ({ dimension, level: levels[dimension] ?? "low", drivers: [], explanation: "" })),
});

describe("mainRisks", () => {
  it("lists the dimensions at medium or worse, most severe first, ties in questionnaire order, at most three", () => {
    const risks = mainRisks(dims({ data_exposure: "high", vendor_trust: "medium", access_autonomy: "critical", supply_chain: "high", compliance: "medium" }));
    expect(risks.map((r) => `${r.dimension}:${r.level}`)).toEqual(["access_autonomy:critical", "data_exposure:high", "supply_chain:high"]);
  });

  it("says so when nothing is above low", () => {
    expect(mainRisks(dims({}))).toEqual([]);
  });

  it("reads a real scored result", () => {
    const result = scoreAssessment(DEFAULT_TEMPLATE, { runs_shell_commands: "yes", autonomy: "autonomous", data_retention: "indefinite" });
    expect(mainRisks(result)[0]).toEqual({ dimension: "access_autonomy", label: "Access and autonomy", level: "critical" });
  });
});

describe("assessmentFor", () => {
  const whole = { id: "whole", editionId: null, inherentTier: "medium" as const };
  const business = { id: "business", editionId: "b", inherentTier: "high" as const };
  const free = { id: "free", editionId: "f", inherentTier: "critical" as const };
  it("prefers the edition asked about, then the whole tool's", () => {
    expect(assessmentFor([whole, business], "b")?.id).toBe("business");
    expect(assessmentFor([whole, business], "f")?.id).toBe("whole");
    expect(assessmentFor([business], "f")).toBeNull();
  });
  it("without an edition, the whole tool's, else the most severe edition's", () => {
    expect(assessmentFor([business, whole], null)?.id).toBe("whole");
    expect(assessmentFor([business, free], null)?.id).toBe("free");
    expect(assessmentFor([], null)).toBeNull();
  });
});
