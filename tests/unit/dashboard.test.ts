import { describe, expect, it } from "vitest";
import { DIMENSIONS, LEVELS } from "@/lib/domain/assessment";
import { firstOf, heatShade, HEAT_SHADES, percentOf, shapeHeatMap, STATUS_BUCKETS, summariseSoftware, TIER_BUCKETS } from "@/lib/domain/dashboard";
import { addDays } from "@/lib/domain/review-due";

describe("summariseSoftware", () => {
  const summary = summariseSoftware([
    { status: "approved", tier: "low", count: 3 },
    { status: "approved", tier: null, count: 2 },
    { status: "prohibited", tier: "critical", count: 1 },
    { status: null, tier: "medium", count: 1 },
    { status: null, tier: null, count: 3 },
  ]);

  it("counts by status with unclassified software in its own bucket, every status present in order", () => {
    expect(summary.total).toBe(10);
    expect(summary.byStatus.map((b) => b.key)).toEqual(STATUS_BUCKETS);
    expect(Object.fromEntries(summary.byStatus.map((b) => [b.key, b.count]))).toEqual({
      approved: 5, approved_with_conditions: 0, restricted: 0, prohibited: 1, under_review: 0, unclassified: 4,
    });
    expect(summary.byStatus.find((b) => b.key === "unclassified")).toMatchObject({ labelKey: "statusBucket.unclassified", percent: 40 });
  });

  it("counts by tier with not-assessed software in its own bucket; both add up to the total", () => {
    expect(summary.byTier.map((b) => b.key)).toEqual(TIER_BUCKETS);
    expect(Object.fromEntries(summary.byTier.map((b) => [b.key, b.count]))).toEqual({ low: 3, medium: 1, high: 0, critical: 1, not_assessed: 5 });
    expect(summary.byTier.find((b) => b.key === "not_assessed")).toMatchObject({ labelKey: "tierBucket.not_assessed", percent: 50 });
    const sum = (bars: { count: number }[]) => bars.reduce((n, b) => n + b.count, 0);
    expect(sum(summary.byStatus)).toBe(summary.total);
    expect(sum(summary.byTier)).toBe(summary.total);
  });

  it("shows zeros, not nothing, for an empty catalogue", () => {
    const empty = summariseSoftware([]);
    expect(empty.total).toBe(0);
    expect(empty.byStatus).toHaveLength(STATUS_BUCKETS.length);
    expect(empty.byStatus.every((b) => b.count === 0 && b.percent === 0)).toBe(true);
  });
});

describe("percentOf", () => {
  it("rounds to whole percent and treats 0 of 0 as 0", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
  });
});

describe("shapeHeatMap", () => {
  const map = shapeHeatMap([
    { dimension: "data_exposure", level: "high", count: 4 },
    { dimension: "data_exposure", level: "low", count: 2 },
    { dimension: "vendor_trust", level: "low", count: 6 },
    { dimension: "access_autonomy", level: "critical", count: 1 },
    { dimension: "access_autonomy", level: "medium", count: 5 },
    // An unknown dimension or level is left out, not misfiled.
    { dimension: "astrology", level: "high", count: 9 },
    { dimension: "compliance", level: "catastrophic", count: 9 },
  ]);
  const cell = (dimension: string, level: string) => map.rows.find((r) => r.dimension === dimension)!.cells.find((c) => c.level === level)!;

  it("has every dimension × level cell in vocabulary order, zeros included", () => {
    expect(map.rows.map((r) => r.dimension)).toEqual(DIMENSIONS);
    for (const row of map.rows) expect(row.cells.map((c) => c.level)).toEqual(LEVELS);
    expect(cell("data_exposure", "high").count).toBe(4);
    expect(cell("access_autonomy", "critical").count).toBe(1);
    expect(cell("supply_chain", "low").count).toBe(0);
    expect(cell("compliance", "high").count).toBe(0);
  });

  it("counts the assessments from a dimension's row, and shades cells against the largest count", () => {
    expect(map.assessments).toBe(6);
    expect(cell("vendor_trust", "low").shade).toBe(HEAT_SHADES);
    expect(cell("data_exposure", "high").shade).toBe(4);
    expect(cell("access_autonomy", "critical").shade).toBe(1);
    expect(cell("supply_chain", "low").shade).toBe(0);
  });

  it("is all zeros with nothing assessed", () => {
    const empty = shapeHeatMap([]);
    expect(empty.assessments).toBe(0);
    expect(empty.rows.flatMap((r) => r.cells).every((c) => c.count === 0 && c.shade === 0)).toBe(true);
  });
});

describe("heatShade", () => {
  it("is 0 only for nothing, at least 1 for any count, and the top shade for the largest", () => {
    expect(heatShade(0, 10)).toBe(0);
    expect(heatShade(1, 1000)).toBe(1);
    expect(heatShade(10, 10)).toBe(HEAT_SHADES);
    expect(heatShade(5, 10)).toBe(3);
    expect(heatShade(3, 0)).toBe(0);
  });
});

describe("firstOf", () => {
  it("keeps the first items and says how many more", () => {
    expect(firstOf([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3], more: 1 });
    expect(firstOf([1], 3)).toEqual({ shown: [1], more: 0 });
  });
});

describe("addDays", () => {
  it("crosses month and year ends both ways", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-15", 30)).toBe("2026-02-14");
    expect(addDays("2026-01-15", 0)).toBe("2026-01-15");
  });
});
