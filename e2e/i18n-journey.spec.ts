import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { createEmployee } from "./support/db";

/**
 * Issue 12, item 1: the employee's whole path, search to exception, in Simplified Chinese — the
 * search box and its answer, the tool's page, the exception form, the confirmation and the
 * request. Tampermonkey is seeded restricted and no other journey asks for it; the employee is
 * fresh (no manager: security decides), so the journey can run again.
 */
test.use({ locale: "zh-CN" });

test("a Chinese reader searches, reads the answer, and asks for an exception, all in Chinese", async ({ page }) => {
  const asker = await createEmployee("zhjourney");
  await signInRequest(page.request, asker.email);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // Search: a typo still finds it, and the answer is in Chinese.
  const box = page.getByRole("combobox", { name: "按名称、供应商、域名或软件包搜索软件" });
  await box.fill("tampermonky");
  const hit = page.getByRole("listbox", { name: "匹配的软件" }).getByRole("option").filter({ hasText: "Tampermonkey" }).first();
  await expect(hit.locator('[data-status="restricted"]')).toHaveText("受限");
  await expect(hit).toContainText("未经批准的例外不得使用。");
  await hit.click();

  // The tool's page: its status, and the way to an exception.
  await expect(page).toHaveURL(/\/software\/tampermonkey$/);
  await expect(page.locator("header [data-status]").first()).toHaveText("受限");
  await page.getByRole("link", { name: "申请例外" }).click();

  // The form, sent.
  const form = page.getByRole("form", { name: "申请例外" });
  await form.getByLabel("你将用于的最敏感数据").selectOption({ label: "内部" });
  const endsOn = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("有效期至（最后一天）").fill(endsOn);
  await form.getByLabel("用途").fill("为内部测试页面运行一个小脚本");
  // No justification is refused beside the field, in Chinese, and nothing typed is lost.
  await form.getByRole("button", { name: "提交申请" }).click();
  await expect(form.getByLabel("理由")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("form-message")).toContainText(/[\p{Script=Han}]/u);
  await expect(form.getByTestId("form-message")).not.toContainText("Please correct");
  await expect(form.getByLabel("用途")).toHaveValue("为内部测试页面运行一个小脚本");
  await form.getByLabel("理由").fill("测试团队需要在内部页面上自动填写表单，已有替代工具无法满足。");
  await form.getByRole("button", { name: "提交申请" }).click();

  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("flash")).toHaveText(/申请 \d+ 已提交。$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^申请 \d+ · 例外：Tampermonkey$/);
  await expect(page.getByTestId("request-holder")).toContainText("等待安全团队处理");
  await expect(page.getByTestId("request-ends-on")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  for (const english of ["Waiting for", "Timeline", "Ask for an exception", "Send request"]) {
    await expect(page.getByText(english, { exact: false })).toHaveCount(0);
  }
});

test("at 390 px a Chinese search answer keeps its text readable beside a long badge", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const reader = await createEmployee("zhnarrow");
  await signInRequest(page.request, reader.email);
  await page.goto("/");
  await page.getByRole("combobox", { name: "按名称、供应商、域名或软件包搜索软件" }).fill("slack");
  const option = page.getByRole("listbox", { name: "匹配的软件" }).getByRole("option").filter({ hasText: "Slack" }).first();
  await expect(option).toContainText("因版本而异");
  // Chinese breaks between any two characters: squeezed beside the badge it would stand one character a line.
  const text = (await option.locator(":scope > span").first().boundingBox())!;
  expect(text.width, "the answer's text column").toBeGreaterThan(200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
