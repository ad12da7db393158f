import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { USERS } from "./support/constants";

/**
 * Issue 12, item 1: a reviewer reading in Simplified Chinese works the catalogue — the work
 * list and its filters, a tool's manage page, a classification decision (refused, then
 * recorded) — and reads no English sentence of it. Confluence is touched by no other spec.
 */

/** A browser that asks for Chinese (Accept-Language: zh-CN); the reviewer has no language of their own set. */
test.use({ locale: "zh-CN" });

/** Signed in through the API (signIn's check reads the English nav), then on the page. */
async function signInReadingChinese(page: Page, callbackPath: string) {
  await signInRequest(page.request, USERS.reviewer);
  await page.goto(callbackPath);
}

/** A day as the page shows it in Chinese: 2026年12月4日. */
const CHINESE_DAY = /\d{4}年\d{1,2}月\d{1,2}日/;

test.describe("the catalogue in Simplified Chinese", () => {
  test("the work list, its filters and their refusals are in Chinese, with Chinese dates", async ({ page }) => {
    await signInReadingChinese(page, "/manage");
    await expect(page.getByRole("heading", { level: 1, name: "管理软件目录" })).toBeVisible();
    await expect(page).toHaveTitle(/管理软件目录/);
    const form = page.getByRole("form", { name: "筛选软件" });
    await form.getByLabel("搜索").fill("confluence");
    await form.getByLabel("状态").selectOption({ label: "已批准" });
    await form.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/q=confluence&status=approved/);
    await expect(page.getByTestId("work-list-count")).toHaveText("1 个工具");
    const row = page.getByTestId("work-list-row").filter({ has: page.getByRole("link", { name: "Confluence", exact: true }) });
    await expect(row.getByTestId("work-list-due")).toContainText(CHINESE_DAY);
    await expect(row.getByTestId("work-list-due")).toContainText("到期");

    // A bad filter is left out, and said so in Chinese.
    await page.goto("/manage?due=tomorrow&page=0");
    const problems = page.getByTestId("work-list-problems");
    await expect(problems).toContainText("以下筛选条件无效，已忽略：");
    await expect(problems).toContainText("复审到期筛选条件必须是以下之一：“已逾期”、“未来 30 天内到期”、“稍后到期”。");
    await expect(problems).toContainText("页码不能小于 1。");

    for (const english of ["Manage the catalogue", "Apply filters", "Recent changes", "Some filters were not valid"]) {
      await expect(page.getByText(english)).toHaveCount(0);
    }
  });

  test("a tool's manage page, and a decision refused then recorded, in Chinese", async ({ page }) => {
    await signInReadingChinese(page, "/manage/software/confluence");
    await expect(page.getByRole("heading", { level: 1, name: "Confluence" })).toBeVisible();
    for (const heading of ["记录分级决定", "详细信息", "版本", "标识符"]) await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    const form = page.getByRole("form", { name: "记录分级决定" });
    await expect(form.getByTestId("decision-start")).toContainText("以所有版本当前生效的决定为起点：已批准，最高 机密");
    await expect(form.getByTestId("decision-start")).toContainText(CHINESE_DAY);

    // Refused: too short a rationale, named beside its field in Chinese; nothing recorded.
    await form.getByLabel("状态", { exact: true }).selectOption({ label: "受限" });
    await form.getByLabel("理由").fill("太短");
    await form.getByRole("button", { name: "记录决定" }).click();
    await expect(form.locator('[data-field-error="rationale"]')).toHaveText(/理由为必填项：请说明原因，至少 10 个字符/);

    await form.getByLabel("理由").fill("空间权限无法限制外部协作者访问，暂时收紧，待复审后再议。");
    await form.getByRole("button", { name: "记录决定" }).click();
    await expect(form.getByTestId("form-message")).toContainText("决定已记录。所有人现在都能看到新的结论。");
    await expect(form.getByTestId("decision-start")).toContainText("以所有版本当前生效的决定为起点：受限");

    for (const english of ["Record a classification decision", "Starts from the decision in force", "View as employees see it", "Highest data class allowed"]) {
      await expect(page.getByText(english)).toHaveCount(0);
    }
  });

  test("the review queue and the import page are in Chinese", async ({ page }) => {
    await signInReadingChinese(page, "/manage/queue");
    await expect(page.getByRole("heading", { level: 1, name: "审核队列" })).toBeVisible();
    await expect(page.getByTestId("queue-reassessments")).toContainText(CHINESE_DAY);
    await expect(page.getByText("Everything due within 30 days")).toHaveCount(0);

    await page.goto("/manage/import");
    await expect(page.getByRole("heading", { level: 1, name: "导入与导出软件目录" })).toBeVisible();
    await expect(page.getByRole("button", { name: "检查文件（试运行）" })).toBeVisible();
    await page.getByRole("button", { name: "检查文件（试运行）" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请先选择 CSV 或 JSON 文件。" })).toBeVisible();
    await expect(page.getByText("Check the file (dry run)")).toHaveCount(0);
  });
});
