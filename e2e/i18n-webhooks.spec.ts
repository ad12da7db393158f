import { expect, test } from "./support/test";
import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

/** The webhook administration in Chinese: the pages, a refusal, a confirmation and a locale-formatted moment. */
test.use({ locale: "zh-CN" });

test("an admin reading Chinese registers a webhook, sees its page in Chinese, and deletes it", async ({ page }) => {
  const receiver = await startWebhookReceiver();
  try {
    await signIn(page, USERS.admin);
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhook");
    await expect(page.locator("main")).not.toContainText("Vetted POSTs an event as JSON");

    const form = page.getByRole("form", { name: "新建 Webhook" });
    const name = `SIEM ${Date.now().toString(36)}`;
    await form.getByLabel("名称").fill(name);
    await form.getByLabel("URL", { exact: true }).fill(receiver.url("/vetted"));
    // No event ticked: refused in Chinese, next to the events.
    await form.getByRole("button", { name: "创建 Webhook" }).click();
    await expect(form.locator('[data-field-error="events"]')).toContainText("请至少选择一个事件");

    await form.getByRole("checkbox", { name: /grant\.expired/ }).check();
    await form.getByRole("button", { name: "创建 Webhook" }).click();
    await expect(form.getByTestId("form-message")).toContainText("请立即复制其签名密钥，之后不会再显示");

    await page.getByTestId("webhook-row").filter({ hasText: name }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("签名密钥", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "投递记录" })).toBeVisible();
    // The creation moment, formatted for Chinese readers.
    await expect(page.locator("dl")).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(page.locator("main")).not.toContainText("Delivery log");
    await expect(page.locator("main")).not.toContainText("Signing secret");

    await page.getByText("删除此 Webhook…").click();
    await page.getByRole("button", { name: `删除“${name}”` }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByTestId("webhook-row").filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
