import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

/** A day as zh-CN writes it ("2026年12月4日"): how the dashboard and the questionnaires show dates to a Chinese reader. */
const CHINESE_DAY = /\d{4}年\d{1,2}月\d{1,2}日/;

test.describe("a reviewer reading Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("reads the dashboard, the questionnaires and an assessment in Chinese, and starts and saves a draft", async ({ page }) => {
    // The dashboard: headings, chart and heat-map labels in Chinese; numbers and days in Chinese style.
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/dashboard" });
    await expect(page).toHaveTitle(/审核人仪表板/);
    await expect(page.getByRole("heading", { level: 1, name: "审核人仪表板" })).toBeVisible();
    await expect(page.getByTestId("dashboard-summary")).toHaveText(/^软件目录中共 \d+ 个软件 · \d+ 项当前评估$/);
    for (const [name, rows] of [["按状态统计的软件", 6], ["按评估风险等级统计的软件", 5]] as const) {
      const region = page.getByRole("region", { name });
      await expect(region.getByRole("heading", { name })).toBeVisible();
      await expect(region.getByRole("columnheader")).toHaveText([name.includes("状态") ? "状态" : "风险等级", "软件", "占比"]);
      await expect(region.locator("tbody tr")).toHaveCount(rows);
      await expect(region.getByRole("rowheader").last()).toHaveText("合计");
      // The chart's own axis names the same buckets, in Chinese.
      await expect(region.locator("svg.recharts-surface")).toContainText(name.includes("状态") ? "有条件批准" : "未评估");
      await expect(region.locator("tbody td").nth(1)).toHaveText(/^\d+%$/);
    }
    await expect(page.getByRole("region", { name: "按状态统计的软件" }).locator("svg.recharts-surface")).toContainText("尚未分类");
    const heatMap = page.getByRole("region", { name: "各维度风险" }).getByRole("table");
    await expect(heatMap.getByRole("columnheader")).toHaveText(["维度", "低", "中", "高", "严重"]);
    await expect(heatMap.getByRole("rowheader")).toHaveText(["数据暴露", "供应商可信度", "访问权限与自主性", "供应链", "合规"]);
    await expect(page.getByRole("region", { name: "逾期的重新评估" }).getByRole("listitem").first()).toContainText(new RegExp(`自 ${CHINESE_DAY.source} 起逾期`));
    const recent = page.getByRole("region", { name: "最近的决定" });
    await expect(recent.getByRole("heading", { name: "最近的决定" })).toBeVisible();
    await expect(recent.getByRole("listitem").first()).toContainText(CHINESE_DAY);
    await expect(page.getByRole("region", { name: "进行中的评估" }).getByRole("heading")).toHaveText(/^进行中的评估（\d+）$/);
    for (const english of ["Reviewer dashboard", "Software by status", "Risk by dimension", "Recent decisions", "overdue since", "Total"]) {
      await expect(page.getByText(english, { exact: false })).toHaveCount(0);
    }

    // The questionnaires: the interface in Chinese, the questionnaire's own title as the company wrote it.
    await page.goto("/manage/templates");
    await expect(page.getByRole("heading", { level: 1, name: "问卷" })).toBeVisible();
    await expect(page.getByRole("link", { name: "新建问卷" })).toBeVisible();
    await expect(page.getByRole("columnheader")).toHaveText(["问卷", "最新版本", "问题数", "最后保存", "评估数"]);
    await expect(page.getByText("The questions reviewers answer")).toHaveCount(0);
    await page.getByRole("row").nth(1).getByRole("link").click();
    await expect(page.getByRole("heading", { name: "版本", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^问题（\d+）$/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^保存为版本 \d+$/ })).toBeVisible();

    // Calendly is assessed by no other journey: start its assessment, answer, and save the draft.
    await page.goto("/manage/software/calendly");
    const start = page.getByRole("form", { name: "开始评估" });
    await start.getByRole("button", { name: "开始评估" }).click();
    await expect(page).toHaveURL(/\/manage\/assessments\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("flash")).toHaveText(/评估已开始。/);
    await expect(page.getByRole("heading", { level: 1, name: "评估：Calendly" })).toBeVisible();
    await expect(page.getByTestId("assessment-status")).toContainText("草稿");
    await expect(page.getByRole("link", { name: "评分如何计算" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "按当前回答的风险" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "证据" })).toBeVisible();
    await expect(page.getByText("尚未附加证据。")).toBeVisible();
    await expect(page.getByRole("form", { name: "添加证据" }).getByLabel("有效期至（选填）")).toBeVisible();

    // The questions are the company's data (English here); choosing an answer and saving confirms in Chinese.
    await page.locator('[data-question="sso"]').getByLabel("Yes", { exact: true }).check();
    const questionnaire = page.getByRole("form", { name: "问卷" });
    await questionnaire.getByRole("button", { name: "保存草稿" }).click();
    await expect(questionnaire.getByTestId("form-message")).toHaveText("草稿已保存。");
    await page.reload();
    await expect(page.locator('[data-question="sso"]').getByLabel("Yes", { exact: true })).toBeChecked();
    for (const english of ["Save draft", "Submit for review", "Risk, as answered", "None attached.", "assigned to"]) {
      await expect(page.getByText(english, { exact: false })).toHaveCount(0);
    }
  });
});
