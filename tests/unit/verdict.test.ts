import { describe, expect, it } from "vitest";
import { runInLocale } from "@/lib/i18n/translate";
import { verdictReasonsText } from "@/lib/services/verdict-words";
import type { VerdictResult } from "@/lib/domain/verdict";

/** The reasons as a reader gets them (English, or with the company's words laid over the catalogue). */
const words = (result: VerdictResult, overrides?: Record<string, string>) => runInLocale("en", () => verdictReasonsText(result.reasons), overrides);
import { computeVerdict, currentClassification, type ClassificationFact, type GrantFact } from "@/lib/domain/verdict";
import { DATA_CLASSES, STATUSES, dataClassRank, type DataClass, type Status, type Verdict } from "@/lib/domain/vocabulary";

const now = new Date("2026-06-01T12:00:00Z");
const software = { name: "Tool", editions: [{ id: "free", name: "Free" }, { id: "ent", name: "Enterprise" }] };
const noEditions = { name: "Tool", editions: [] };

function decision(status: Status, over: Partial<ClassificationFact> = {}): ClassificationFact {
  const permits = status === "approved" || status === "approved_with_conditions";
  return {
    id: `${status}-${over.editionId ?? "all"}`,
    editionId: null,
    status,
    maxDataClass: permits ? "internal" : null,
    conditions: status === "approved_with_conditions" ? ["Telemetry off"] : [],
    decidedAt: new Date("2026-01-01T00:00:00Z"),
    ...over,
  };
}

/** What the product promises for each status, given the asked class relative to the allowed maximum. */
function expected(status: Status, asked: DataClass, max: DataClass): Verdict {
  switch (status) {
    case "approved":
      return dataClassRank(asked) <= dataClassRank(max) ? "allowed" : "exception_required";
    case "approved_with_conditions":
      return dataClassRank(asked) <= dataClassRank(max) ? "allowed_with_conditions" : "exception_required";
    case "restricted":
      return "exception_required";
    case "prohibited":
      return "prohibited";
    case "under_review":
      return "under_review";
  }
}

describe("computeVerdict: every status × data class × scope", () => {
  for (const status of STATUSES) {
    for (const asked of DATA_CLASSES) {
      it(`${status}, general classification, ${asked} data`, () => {
        const result = computeVerdict({ software: noEditions, classifications: [decision(status)], dataClass: asked, now });
        expect(result.verdict).toBe(expected(status, asked, "internal"));
        expect(result.status).toBe(status);
        expect(result.reasons.length).toBeGreaterThan(0);
      });

      it(`${status}, edition-specific classification, ${asked} data`, () => {
        // The Enterprise edition has its own decision; Free falls back to the general "prohibited".
        const classifications = [decision("prohibited"), decision(status, { editionId: "ent", maxDataClass: status.startsWith("approved") ? "confidential" : null, decidedAt: new Date("2026-02-01T00:00:00Z") })];
        const enterprise = computeVerdict({ software, classifications, editionId: "ent", dataClass: asked, now });
        expect(enterprise.verdict).toBe(expected(status, asked, "confidential"));
        const free = computeVerdict({ software, classifications, editionId: "free", dataClass: asked, now });
        expect(free.verdict).toBe("prohibited");
      });
    }
  }
});

describe("computeVerdict: rules around the matrix", () => {
  it("answers unknown, with a reason, for software not in the catalogue", () => {
    const result = computeVerdict({ software: null, classifications: [], dataClass: "internal", now });
    expect(result.verdict).toBe("unknown");
    expect(words(result)[0]).toMatch(/not in the catalogue/i);
  });

  it("treats catalogued but unclassified software as under review", () => {
    const result = computeVerdict({ software: noEditions, classifications: [], now });
    expect(result).toMatchObject({ verdict: "under_review", status: null });
  });

  it("answers for the least sensitive class when no data class is asked", () => {
    expect(computeVerdict({ software: noEditions, classifications: [decision("approved")], now }).verdict).toBe("allowed");
  });

  it("names the allowed maximum when the asked class is above it", () => {
    const result = computeVerdict({ software: noEditions, classifications: [decision("approved")], dataClass: "restricted", now });
    expect(words(result).join(" ")).toContain("up to Internal");
    expect(words(result).join(" ")).toContain("Restricted data needs an approved exception");
  });

  it("uses configured data class labels in reasons", () => {
    const labels = { "vocabulary.dataClass.internal": "P1", "vocabulary.dataClass.confidential": "P2" };
    const result = computeVerdict({ software: noEditions, classifications: [decision("approved")], dataClass: "confidential", now });
    expect(words(result, labels).join(" ")).toContain("up to P1");
    expect(runInLocale("zh-CN", () => verdictReasonsText(result.reasons))[0]).toBe("仅允许用于不超过内部级别的数据；机密数据需要获批的例外。");
  });

  it("lets a later general decision supersede an earlier edition-specific one", () => {
    const classifications = [
      decision("prohibited", { editionId: "free", decidedAt: new Date("2026-01-01T00:00:00Z") }),
      decision("approved", { decidedAt: new Date("2026-03-01T00:00:00Z") }),
    ];
    expect(computeVerdict({ software, classifications, editionId: "free", now }).verdict).toBe("allowed");
  });

  it("ignores decisions dated after now", () => {
    const classifications = [decision("approved"), decision("prohibited", { id: "future", decidedAt: new Date("2027-01-01T00:00:00Z") })];
    expect(computeVerdict({ software: noEditions, classifications, now }).verdict).toBe("allowed");
  });

  it("gives the strictest edition's answer, and says so, when editions differ and none is named", () => {
    const classifications = [
      decision("prohibited", { editionId: "free" }),
      decision("approved", { editionId: "ent", maxDataClass: "confidential" }),
    ];
    const result = computeVerdict({ software, classifications, dataClass: "internal", now });
    expect(result.verdict).toBe("prohibited");
    expect(words(result).join(" ")).toMatch(/differs by edition/);
    expect(words(result).join(" ")).toContain("Enterprise: Approved");
  });

  it("gives the common answer without caveat when all editions agree", () => {
    const result = computeVerdict({ software, classifications: [decision("restricted")], now });
    expect(result.verdict).toBe("exception_required");
    expect(words(result).join(" ")).not.toMatch(/differs by edition/);
  });

  it("carries the conditions of approved-with-conditions decisions", () => {
    const result = computeVerdict({ software: noEditions, classifications: [decision("approved_with_conditions")], dataClass: "public", now });
    expect(result.conditions).toEqual(["Telemetry off"]);
  });
});

describe("computeVerdict: exception grants", () => {
  const grant = (over: Partial<GrantFact> = {}): GrantFact => ({
    editionId: null,
    dataClass: "confidential",
    startsAt: new Date("2026-05-01T00:00:00Z"),
    endsOn: "2026-06-30",
    endsAt: new Date("2026-07-01T00:00:00Z"),
    conditions: ["Pilot repository only"],
    revokedAt: null,
    ...over,
  });
  const restricted = [decision("restricted")];

  it("allows by exception while an active grant covers the class", () => {
    const result = computeVerdict({ software: noEditions, classifications: restricted, dataClass: "internal", grants: [grant()], now });
    expect(result.verdict).toBe("allowed_by_exception");
    expect(words(result)[0]).toContain("valid through 2026-06-30");
    expect(result.conditions).toEqual(["Pilot repository only"]);
  });

  it("does not cover a class above the granted one", () => {
    expect(computeVerdict({ software: noEditions, classifications: restricted, dataClass: "restricted", grants: [grant()], now }).verdict).toBe("exception_required");
  });

  it("stops at the end date and when revoked", () => {
    expect(computeVerdict({ software: noEditions, classifications: restricted, grants: [grant()], now: new Date("2026-07-01T00:00:00Z") }).verdict).toBe("exception_required");
    expect(computeVerdict({ software: noEditions, classifications: restricted, grants: [grant({ revokedAt: now })], now }).verdict).toBe("exception_required");
  });

  it("applies an edition grant to that edition only", () => {
    const grants = [grant({ editionId: "ent" })];
    expect(computeVerdict({ software, classifications: restricted, editionId: "ent", grants, now }).verdict).toBe("allowed_by_exception");
    expect(computeVerdict({ software, classifications: restricted, editionId: "free", grants, now }).verdict).toBe("exception_required");
  });

  it("does not change an answer that already allows", () => {
    expect(computeVerdict({ software: noEditions, classifications: [decision("approved")], grants: [grant()], now }).verdict).toBe("allowed");
  });
});

describe("currentClassification", () => {
  it("picks the latest applicable decision", () => {
    const older = decision("under_review", { id: "a", decidedAt: new Date("2026-01-01T00:00:00Z") });
    const newer = decision("approved", { id: "b", decidedAt: new Date("2026-02-01T00:00:00Z") });
    expect(currentClassification([newer, older], null, now)?.id).toBe("b");
  });

  it("lets an edition's own decision win over an all-editions one taking effect at the same instant (one import records both)", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const general = decision("prohibited", { id: "g", decidedAt: at });
    const own = decision("approved", { id: "e", editionId: "ent", decidedAt: at });
    for (const order of [[general, own], [own, general]]) {
      expect(currentClassification(order, "ent", now)?.id).toBe("e");
      expect(currentClassification(order, "free", now)?.id).toBe("g");
      expect(currentClassification(order, null, now)?.id).toBe("g");
    }
    // A later all-editions decision still replaces it.
    const later = decision("restricted", { id: "l", decidedAt: new Date("2026-04-01T00:00:00Z") });
    expect(currentClassification([own, general, later], "ent", now)?.id).toBe("l");
  });
});
