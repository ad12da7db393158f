import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { USERS } from "./support/constants";

/**
 * The audit trail in Simplified Chinese: an admin whose browser asks for zh-CN reads every
 * event as a Chinese sentence, filters with Chinese labels, and sees dates the Chinese way.
 */
test.use({ locale: "zh-CN" });

test("an admin reads the audit trail in Chinese: sentences, filters and dates", async ({ page }) => {
  await signInRequest(page.request, USERS.admin);
  await page.goto("/admin/audit?action=classification.decided");
  await expect(page.getByRole("heading", { level: 1, name: "审计记录" })).toBeVisible();
  await expect(page).toHaveTitle(/审计记录/);

  // The filters, labelled in Chinese, the chosen action shown by its Chinese label.
  const filters = page.getByRole("search", { name: "筛选审计记录" });
  const action = filters.locator('select[name="action"]');
  await expect(action).toHaveValue("classification.decided");
  await expect(action.locator("option:checked")).toHaveText("作出分类决定");
  const labelOf = (name: string) => filters.locator(`label:has(select[name="${name}"]) > span`);
  await expect(labelOf("action")).toHaveText("操作");
  await expect(labelOf("actor")).toHaveText("操作人");
  await expect(labelOf("entity")).toHaveText("对象");
  await expect(filters.getByRole("button", { name: "筛选" })).toBeVisible();
  await expect(filters.getByRole("link", { name: "清除筛选" })).toBeVisible();

  // Each decision as a Chinese sentence: "… 将 <tool> 分类为 禁止。", the tool a link.
  const events = page.getByTestId("audit-event");
  await expect(events.first()).toBeVisible();
  // (Any status word: the company may give a status a word of its own, in Settings.)
  await expect(events.first().locator("p").first()).toHaveText(/^.+ 将 .+ 分类为 \S+。$/);
  await expect(events.filter({ hasText: "分类为 禁止。" }).first()).toBeVisible();
  await expect(events.first().getByRole("link").first()).toHaveAttribute("href", /^\/software\//);
  // The status in the side-by-side view is the Chinese label.
  await expect(events.getByTestId("audit-changes").locator('[data-field="status"]').first()).toContainText(/\p{Script=Han}/u);
  // Dates the Chinese way: 2026年12月4日 14:03.
  await expect(events.first().locator("time")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} UTC$/);

  // The chain's tools in Chinese too.
  await page.getByRole("button", { name: "校验整条哈希链" }).click();
  await expect(page.getByTestId("chain-verification")).toContainText("哈希链完好");

  // No English sentence of the audit trail is left.
  const main = page.locator("main");
  for (const english of ["Audit trail", "Every change is an audit event", " classified ", "Filter the audit trail", "All events", "The chain holds", "Any action"]) {
    await expect(main).not.toContainText(english);
  }
});
