import { describe, expect, it } from "vitest";
import { DEFAULT_REQUEST_SETTINGS } from "@/lib/domain/requests";
import { describeDuration, expectedSteps, median, typicalDecisionTime, TYPICAL_DECISION_WINDOW_DAYS, type RoughDuration } from "@/lib/domain/request-expectations";
import { translator, type Translator } from "@/lib/i18n/translate";

/** The sentence the new-request page shows (components/request-context.tsx says it the same way). */
function typicalDecisionText(t: Translator, durations: readonly number[]): string {
  const typical = typicalDecisionTime(durations);
  const said = (d: RoughDuration) => (d.unit === "underAnHour" ? t("requests.context.underAnHour") : t(d.unit === "hours" ? "requests.context.aboutHours" : "requests.context.aboutDays", { count: d.count }));
  return typical
    ? t("requests.context.typical", { duration: said(typical.median), decided: typical.decided, windowDays: typical.windowDays })
    : t("requests.context.noHistory", { windowDays: TYPICAL_DECISION_WINDOW_DAYS });
}

const HOUR = 3_600_000;

describe("what a requester is told before sending", () => {
  it("lists each step with its SLA from settings", () => {
    expect(expectedSteps(DEFAULT_REQUEST_SETTINGS, { hasManager: true, prohibited: false })).toEqual([
      { who: "manager", slaDays: 3 },
      { who: "security", slaDays: 5 },
    ]);
    expect(expectedSteps({ ...DEFAULT_REQUEST_SETTINGS, securitySlaDays: 2 }, { hasManager: false, prohibited: true })).toEqual([
      { who: "security", slaDays: 2 },
      { who: "second_reviewer", slaDays: 2 },
    ]);
  });

  it("takes the median of the decision times", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 2, 10])).toBe(3);
  });

  it("rounds durations as a person says them", () => {
    expect(describeDuration(20 * 60_000)).toEqual({ unit: "underAnHour" });
    expect(describeDuration(1.2 * HOUR)).toEqual({ unit: "hours", count: 1 });
    expect(describeDuration(5 * HOUR)).toEqual({ unit: "hours", count: 5 });
    expect(describeDuration(30 * HOUR)).toEqual({ unit: "days", count: 1 });
    expect(describeDuration(60 * HOUR)).toEqual({ unit: "days", count: 3 });
  });

  it("says when there is not enough history, and otherwise the median with how many it rests on, in each language", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(typicalDecisionText(en, ([]))).toBe("Not enough history yet: no request was decided in the last 90 days.");
    expect(typicalDecisionText(en, ([48 * HOUR]))).toBe("About 2 days (the median of the 1 request decided in the last 90 days).");
    expect(typicalDecisionText(en, ([2 * HOUR, 5 * HOUR, 100 * HOUR]))).toBe("About 5 hours (the median of the 3 requests decided in the last 90 days).");
    expect(typicalDecisionText(en, ([1.2 * HOUR]))).toBe("About an hour (the median of the 1 request decided in the last 90 days).");
    expect(typicalDecisionText(en, ([20 * 60_000]))).toBe("Under an hour (the median of the 1 request decided in the last 90 days).");
    expect(typicalDecisionText(zh, ([2 * HOUR, 5 * HOUR, 100 * HOUR]))).toBe("约 5 小时（过去 90 天内已决定的 3 个申请的中位数）。");
    expect(typicalDecisionText(zh, ([]))).toBe("历史数据不足：过去 90 天内没有已决定的申请。");
  });
});
