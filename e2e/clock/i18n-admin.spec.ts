import type { Browser, BrowserContext } from "@playwright/test";
import { expect, test } from "../support/test";
import { signInRequest } from "../support/auth";
import { USERS } from "../support/constants";

/**
 * Administration and sign-in in Chinese, and the language settings: the company's default
 * language and its own words for a data class and a status. These are company-wide: a journey
 * beside it would see a page in Chinese or a status called otherwise, so it runs in the `clock`
 * project, after the others and alone (playwright.config.ts), and puts everything back.
 */
// Slow machines: several browser contexts, and the settings put back at the end must not be cut short.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function signedIn(browser: Browser, email: string, locale: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale });
  await signInRequest(context.request, email);
  return context;
}

const PUBLIC_ZH = "对外公开信息";
const APPROVED_ZH = "可放心使用";

test("an admin sets the company default and Chinese labels; a visitor's sign-in page and an employee's software page follow them", async ({ browser }) => {
  const admin = await signedIn(browser, USERS.admin, "zh-CN");
  const page = await admin.newPage();
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置");
  await expect(page.locator("main")).not.toContainText("Months until a decision is due for review");
  const form = page.getByRole("form", { name: "设置" });
  try {
    await form.locator('input[name="dataClass-zh-CN.public"]').fill(PUBLIC_ZH);
    await form.locator('input[name="status-zh-CN.approved"]').fill(APPROVED_ZH);
    await form.locator('select[name="defaultLocale"]').selectOption("zh-CN");
    await form.getByRole("button", { name: "保存设置" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("设置已保存。");
    // Every page takes the company's words: here, the review interval of the status is labelled with it.
    await page.reload();
    await expect(page.getByRole("form", { name: "设置" }).getByLabel(APPROVED_ZH, { exact: true })).toHaveValue(/^\d+$/);

    // A bad label is refused with a sentence next to the field, in the admin's language.
    await form.locator('input[name="status-zh-CN.prohibited"]').fill("{禁止}");
    await form.getByRole("button", { name: "保存设置" }).click();
    await expect(form.locator('[data-field-error="status-zh-CN.prohibited"]')).toHaveText("“禁止”的中文名称不能包含花括号或尖括号。");
    await form.locator('input[name="status-zh-CN.prohibited"]').fill("");

    // A visitor whose browser asks for no language Vetted has sees the company's default.
    const visitor = await browser.newContext({ locale: "fr-FR" });
    try {
      const signin = await visitor.newPage();
      await signin.goto("/signin");
      await expect(signin.getByRole("heading", { level: 1 })).toHaveText("登录 Vetted");
      await expect(signin.locator("body")).not.toContainText("Sign in to Vetted");
      await expect(signin.getByRole("button", { name: "登录", exact: true })).toBeVisible();
      // …and may choose another on the sign-in page itself.
      await signin.getByRole("combobox", { name: "语言" }).selectOption("en");
      await expect(signin.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
      await signin.reload();
      await expect(signin.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
    } finally {
      await visitor.close();
    }

    // An employee reading Chinese sees the company's word for the status.
    const employee = await signedIn(browser, USERS.employee, "zh-CN");
    try {
      const software = await employee.newPage();
      await software.goto("/software/figma");
      await expect(software.locator("main")).toContainText(APPROVED_ZH);
    } finally {
      await employee.close();
    }
  } finally {
    await page.goto("/admin/settings");
    const restore = page.getByRole("form", { name: "设置" });
    await restore.locator('input[name="dataClass-zh-CN.public"]').fill("");
    await restore.locator('input[name="status-zh-CN.approved"]').fill("");
    await restore.locator('select[name="defaultLocale"]').selectOption("en");
    await restore.getByRole("button", { name: "保存设置" }).click();
    await expect(restore.getByTestId("form-message")).toHaveText("设置已保存。");
    await admin.close();
  }
});

test("users and API tokens read in Chinese, dates in Chinese form", async ({ browser }) => {
  const admin = await signedIn(browser, USERS.admin, "zh-CN");
  try {
    const page = await admin.newPage();
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("用户、角色与经理");
    await expect(page.getByRole("heading", { name: "添加用户" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Users, roles and managers");
    const row = page.getByTestId(`user-${USERS.employee}`);
    await expect(row.getByLabel("角色")).toContainText("员工");
    await expect(row.getByLabel("语言")).toBeVisible();

    await page.goto("/admin/tokens");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API 令牌");
    await expect(page.locator("main")).not.toContainText("The secret is shown once");
    const name = `令牌 ${Date.now()}`;
    const form = page.getByRole("form", { name: "新建 API 令牌" });
    await form.getByLabel("名称").fill(name);
    await form.getByRole("button", { name: "创建令牌" }).click();
    await expect(form.locator('[data-field-error="scopes"]')).toHaveText("请至少选择一个权限范围。");
    await form.getByRole("checkbox").first().check();
    await form.getByRole("button", { name: "创建令牌" }).click();
    await expect(form.getByTestId("form-message")).toContainText("请立即复制");
    const token = page.getByTestId("token-row").filter({ hasText: name });
    await expect(token).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(token.getByTestId("last-used")).toHaveText("从未");
    await token.getByRole("button", { name: "撤销" }).click();
    await token.getByRole("button", { name: "确认撤销" }).click();
    await expect(token).toHaveAttribute("data-state", "revoked");
    await expect(token).toContainText("已撤销");
  } finally {
    await admin.close();
  }
});
