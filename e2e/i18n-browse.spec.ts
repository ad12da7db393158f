import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { USERS } from "./support/constants";

/**
 * Issue 12, item 1: the employee's side in Simplified Chinese. A browser that asks for zh-CN
 * (Accept-Language; the demo employee has no language of their own) gets the search, a tool's
 * page, the catalogue and the bulk check in Chinese, with dates the Chinese way, and none of
 * these pages' English sentences. Tools' names, descriptions and rationales are data: they stay
 * as the reviewers wrote them.
 */
test.use({ locale: "zh-CN" });

/** A date as zh-CN writes it with the "day" format: 2026年12月4日. */
const CHINESE_DAY = /\d{4}年\d{1,2}月\d{1,2}日/;

async function mainText(page: Page): Promise<string> {
  return page.locator("main").innerText();
}

test.beforeEach(async ({ page }) => {
  await signInRequest(page.request, USERS.employee);
});

test("the search home and a search, in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我可以使用这个工具吗？");
  await expect(page.getByRole("link", { name: "浏览完整的软件目录" })).toHaveAttribute("href", "/software");

  const box = page.getByRole("combobox", { name: "按名称、供应商、域名或软件包搜索软件" });
  await box.fill("deepseek");
  const hit = page.getByRole("listbox", { name: "匹配的软件" }).getByRole("option").filter({ hasText: "DeepSeek" }).first();
  await expect(hit.locator('[data-status="prohibited"]')).toHaveText("禁止");
  await expect(hit).toContainText("不得使用；仅在特殊情况下由安全团队决定例外。");

  // A tool whose editions differ says so in Chinese.
  await box.fill("slack");
  const slack = page.getByRole("listbox", { name: "匹配的软件" }).getByRole("option").filter({ hasText: "Slack" }).first();
  await expect(slack.locator('[data-status="depends_on_edition"]')).toHaveText("因版本而异：Enterprise Grid：有条件批准；Free workspace：禁止");

  // Nothing found: the unknown status and the way to ask for a review.
  await box.fill("surely-not-a-catalogued-tool");
  await expect(page.getByTestId("no-results")).toContainText("“surely-not-a-catalogued-tool”不在软件目录中，其状态为未知。");
  await expect(page.getByRole("link", { name: "申请审核“surely-not-a-catalogued-tool”" })).toBeVisible();

  const text = await mainText(page);
  for (const english of ["May I use this tool?", "is not in the catalogue", "Nobody has assessed it yet", "browse the whole catalogue"]) expect(text).not.toContain(english);
});

test("a prohibited tool's page: its status, what the agent can do and the dates, in Chinese", async ({ page }) => {
  await page.goto("/software/deepseek");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("DeepSeek");
  await expect(page.locator("header [data-status]").first()).toHaveText("禁止");
  await expect(page.getByTestId("status-meaning").first()).toHaveText("不得使用；仅在特殊情况下由安全团队决定例外。");
  await expect(page.getByRole("table", { name: "允许用于哪些数据分级" }).locator('[data-verdict="prohibited"]').first()).toHaveText("禁止");

  const risk = page.getByRole("region", { name: "评级依据" });
  await expect(risk).toContainText("评估风险");
  // Which capabilities depends on DeepSeek's latest assessment (another journey may assess it): each is a Chinese sentence.
  const capabilities = risk.getByRole("list", { name: "该代理能做什么" }).getByRole("listitem");
  await expect(capabilities.first()).toHaveText(/^\p{Script=Han}.*。$/u);
  for (const item of await capabilities.allInnerTexts()) expect(item).toMatch(/\p{Script=Han}/u);
  await expect(risk.locator("time")).toHaveText(new RegExp(`^评估于 ${CHINESE_DAY.source}$`));

  const history = page.getByRole("region", { name: "决定历史" });
  await expect(history.getByTestId("history-entry").first()).toContainText(CHINESE_DAY);
  await expect(history.getByTestId("history-entry").first()).toContainText("禁止");

  // An AI agent that runs commands says so in Chinese (Cursor's Business edition is assessed).
  await page.goto("/software/cursor");
  await expect(page.getByRole("list", { name: "该代理能做什么" }).getByRole("listitem").first()).toHaveText("可以在您的电脑上运行 shell 命令。");

  const text = await mainText(page);
  for (const english of ["Why it is rated this way", "Decision history", "Which data classes are allowed", "Your answer", "Assessed risk", "It can run shell commands", "Data classes, least to most sensitive"]) {
    expect(text).not.toContain(english);
  }
});

test("the catalogue list, in Chinese", async ({ page }) => {
  await page.goto("/software?q=deepseek");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("软件目录");
  await expect(page.getByTestId("result-count")).toHaveText(/^\d+ 个工具$/);
  await expect(page.getByRole("columnheader", { name: "供应商" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "DeepSeek", exact: true }) });
  await expect(row.locator('[data-status="prohibited"]')).toHaveText("禁止");
  await expect(page.getByRole("button", { name: "应用筛选" })).toBeVisible();

  // A bad filter is refused in Chinese, and the page still answers.
  await page.goto("/software?status=nonsense");
  await expect(page.locator("main")).toContainText("部分筛选条件无效，已忽略");

  const text = await mainText(page);
  for (const english of ["Apply filters", "Download these", "Some filters were not valid", "Nothing in the catalogue matches"]) expect(text).not.toContain(english);
});

test("the bulk check, with its verdicts and reasons in Chinese", async ({ page }) => {
  await page.goto("/check");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("批量检查");
  await expect(page.locator("main")).toContainText("最多 1,000 个");

  await page.getByLabel("…或粘贴名称，每行一个").fill("DeepSeek\nsurely-not-a-catalogued-tool");
  await page.getByRole("button", { name: "检查", exact: true }).click();
  await expect(page.getByRole("heading", { name: "已检查 2 项" })).toBeVisible();
  const deepseek = page.getByRole("row").filter({ hasText: "DeepSeek" }).first();
  await expect(deepseek.locator('[data-verdict="prohibited"]')).toHaveText("禁止");
  await expect(deepseek).toContainText("任何数据分级均禁止使用。");
  const unknown = page.getByRole("row").filter({ hasText: "surely-not-a-catalogued-tool" });
  await expect(unknown.locator('[data-verdict="unknown"]')).toHaveText("未知");
  await expect(unknown).toContainText("不在软件目录中：尚无人评估。");
  await expect(page.getByRole("button", { name: "下载 CSV" })).toBeVisible();

  const text = await mainText(page);
  for (const english of ["Check many at once", "Prohibited for any data class", "Not in the catalogue", "Download CSV", "In the catalogue as"]) expect(text).not.toContain(english);
});

test("the help pages and a vendor's page, in Chinese; the API reference keeps the API's own words", async ({ page }) => {
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vetted 如何作出决定");
  await expect(page.locator("main")).toContainText("您可能看到的结论：允许、有条件允许、经例外允许");
  expect(await mainText(page)).not.toContain("How risk is scored");

  await page.goto("/help/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API 参考");
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 文档" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await expect(page.locator("main")).toContainText("GET /api/v1/check");
  expect(await mainText(page)).not.toContain("Machine-readable");

  await page.goto("/software/deepseek");
  await page.locator("article header").getByRole("link", { name: "DeepSeek", exact: true }).click();
  await expect(page).toHaveURL(/\/vendors\//);
  await expect(page.getByTestId("vendor-profile")).toContainText("数据处理协议");
  expect(await mainText(page)).not.toContain("Data processing agreement");
});
