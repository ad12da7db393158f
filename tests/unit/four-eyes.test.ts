import { describe, expect, it } from "vitest";
import { secondReviewerRule } from "@/lib/domain/four-eyes";
import type { DataClass, Status } from "@/lib/domain/vocabulary";

const d = (status: Status, maxDataClass: DataClass | null = null) => ({ status, maxDataClass });

describe("secondReviewerRule", () => {
  it.each([
    [d("prohibited"), d("approved", "internal"), true],
    [d("prohibited"), d("restricted"), true],
    [d("restricted"), d("approved_with_conditions", "public"), true],
    [d("restricted"), d("under_review"), false],
    [d("approved", "internal"), d("approved", "confidential"), true],
    [d("approved_with_conditions", "internal"), d("approved", "internal"), true],
    [d("approved_with_conditions", "internal"), d("approved_with_conditions", "public"), false],
    [d("under_review"), d("approved", "restricted"), false],
    [d("approved", "confidential"), d("prohibited"), false],
    [d("approved", "confidential"), d("restricted"), false],
  ])("%j → %j needs a second reviewer: %s", (current, next, required) => {
    expect(secondReviewerRule(current, next, null).required).toBe(required);
  });

  it("takes a first decision at once, unless the tool is critical", () => {
    expect(secondReviewerRule(null, d("approved", "restricted"), "high")).toEqual({ required: false, reason: null });
    expect(secondReviewerRule(null, d("prohibited"), "critical")).toMatchObject({ required: true, reason: expect.stringContaining("critical") });
  });

  it("says why", () => {
    expect(secondReviewerRule(d("prohibited"), d("approved", "internal"), null).reason).toBe("It loosens Prohibited to Approved.");
  });
});
