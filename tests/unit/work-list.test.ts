import { describe, expect, it } from "vitest";
import { reviewDueRange, reviewDueText, reviewDueWindowOf, workListParams } from "@/lib/domain/work-list";
import { runInLocale } from "@/lib/i18n/translate";
import { parseWorkListQuery } from "@/lib/validation/work-list";

describe("review due windows", () => {
  const today = "2026-03-15";

  it("splits review dates into overdue (before today), due in 30 days (today to 30 days ahead) and later", () => {
    expect(reviewDueRange("overdue", today)).toEqual({ to: "2026-03-14" });
    expect(reviewDueRange("soon", today)).toEqual({ from: "2026-03-15", to: "2026-04-14" });
    expect(reviewDueRange("later", today)).toEqual({ from: "2026-04-15" });
  });

  it("puts each date in exactly one window, and says nothing is due without a decision", () => {
    expect(reviewDueWindowOf("2026-03-14", today)).toBe("overdue");
    expect(reviewDueWindowOf("2026-03-15", today)).toBe("soon");
    expect(reviewDueWindowOf("2026-04-14", today)).toBe("soon");
    expect(reviewDueWindowOf("2026-04-15", today)).toBe("later");
    expect(reviewDueWindowOf(null, today)).toBeNull();
    expect(reviewDueText("2026-01-31", today)).toEqual({ key: "overdue", date: "2026-01-31" });
    expect(reviewDueText("2026-05-01", today)).toEqual({ key: "due", date: "2026-05-01" });
    expect(reviewDueText(null, today)).toEqual({ key: "none" });
  });
});

describe("the work list's query string", () => {
  it("reads every filter, with name order and the first page by default", () => {
    expect(parseWorkListQuery({})).toEqual({ filters: { sort: "name", page: 1 }, problems: [] });
    const { filters, problems } = parseWorkListQuery({
      q: "  claude ",
      status: "restricted",
      owner: "Developer Experience",
      due: "overdue",
      tier: "not_assessed",
      sort: "due",
      page: "3",
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({ q: "claude", status: "restricted", owner: "Developer Experience", due: "overdue", tier: "not_assessed", sort: "due", page: 3 });
  });

  it("treats empty values as no filter, and takes the first of a repeated parameter", () => {
    const { filters, problems } = parseWorkListQuery({ q: "", status: "", owner: "", due: "", tier: ["high", "low"] });
    expect(problems).toEqual([]);
    expect(filters).toEqual({ sort: "name", page: 1, tier: "high" });
  });

  it("leaves out each bad value with a sentence naming the choices, and keeps the good ones", () => {
    const { filters, problems } = parseWorkListQuery({ status: "banned", due: "tomorrow", tier: "extreme", page: "-2", sort: "random", q: "zoom" });
    expect(filters).toEqual({ q: "zoom", sort: "name", page: 1 });
    expect(problems).toEqual([
      "The status filter must be one of “Approved”, “Approved with conditions”, “Restricted”, “Prohibited”, “Under review”, “Not yet classified”.",
      "The review due filter must be one of “Overdue”, “Due in the next 30 days”, “Due later”.",
      "The assessed tier filter must be one of “Low”, “Medium”, “High”, “Critical”, “Not assessed”.",
      "The order must be by name or by review date.",
      "The page must be at least 1.",
    ]);
  });

  it("refuses text a database cannot hold or too long a search", () => {
    const { problems } = parseWorkListQuery({ q: "a".repeat(201), owner: "IT\u0000Workplace", page: "two" });
    expect(problems).toEqual([
      "The search must be at most 200 characters.",
      "The owner filter contains characters that cannot be saved (control characters); remove them.",
      "The page must be a number.",
    ]);
  });

  it("says what is wrong in the reader's language", () => {
    const { problems } = runInLocale("zh-CN", () => parseWorkListQuery({ due: "tomorrow", status: "banned", page: "0", q: "a".repeat(201) }));
    expect(problems).toEqual([
      "搜索内容最多 200 个字符。",
      "状态筛选条件必须是以下之一：“已批准”、“有条件批准”、“受限”、“禁止”、“审核中”、“尚未分类”。",
      "复审到期筛选条件必须是以下之一：“已逾期”、“未来 30 天内到期”、“稍后到期”。",
      "页码不能小于 1。",
    ]);
  });

  it("turns filters back into parameters, without defaults", () => {
    expect(workListParams({ sort: "name", page: 2 })).toEqual({});
    expect(workListParams({ q: "x", status: "unclassified", owner: "none", due: "soon", tier: "low", sort: "due", page: 1 })).toEqual({
      q: "x", status: "unclassified", owner: "none", due: "soon", tier: "low", sort: "due",
    });
  });
});
