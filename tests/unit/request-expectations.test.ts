import { describe, expect, it } from "vitest";
import { DEFAULT_REQUEST_SETTINGS } from "@/lib/domain/requests";
import { describeDuration, expectedSteps, median, typicalDecisionTime } from "@/lib/domain/request-expectations";

const HOUR = 3_600_000;

describe("what a requester is told before sending", () => {
  it("lists each step with its SLA from settings", () => {
    expect(expectedSteps(DEFAULT_REQUEST_SETTINGS, { hasManager: true, prohibited: false })).toEqual([
      { who: "Your manager", slaDays: 3 },
      { who: "Security", slaDays: 5 },
    ]);
    expect(expectedSteps({ ...DEFAULT_REQUEST_SETTINGS, securitySlaDays: 2 }, { hasManager: false, prohibited: true })).toEqual([
      { who: "Security", slaDays: 2 },
      { who: "A second security reviewer", slaDays: 2 },
    ]);
  });

  it("takes the median of the decision times", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 2, 10])).toBe(3);
  });

  it("says durations in words", () => {
    expect(describeDuration(20 * 60_000)).toBe("under an hour");
    expect(describeDuration(1.2 * HOUR)).toBe("about an hour");
    expect(describeDuration(5 * HOUR)).toBe("about 5 hours");
    expect(describeDuration(30 * HOUR)).toBe("about a day");
    expect(describeDuration(60 * HOUR)).toBe("about 3 days");
  });

  it("says when there is not enough history, and otherwise the median with how many it rests on", () => {
    expect(typicalDecisionTime([])).toBe("Not enough history yet: no request was decided in the last 90 days.");
    expect(typicalDecisionTime([48 * HOUR])).toBe("About 2 days (the median of the 1 request decided in the last 90 days).");
    expect(typicalDecisionTime([2 * HOUR, 5 * HOUR, 100 * HOUR])).toBe("About 5 hours (the median of the 3 requests decided in the last 90 days).");
  });
});
