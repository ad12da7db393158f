import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { query } from "./support/db";

/**
 * The interface's language: the browser's (Accept-Language) until the person picks one in the
 * navigation; their own choice then wins on every device, and "Browser's language" gives it back.
 * A person of their own, so no journey beside this one sees their language change.
 */
async function personOfOwn(): Promise<string> {
  const email = `language-${Date.now().toString(36)}@example.com`;
  await query("INSERT INTO users (email, name, role, password_hash) SELECT $1, 'Lin Language', 'employee', password_hash FROM users WHERE email = $2", [email, USERS.employee]);
  return email;
}

test.describe("a reader whose browser asks for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("sees the interface in Chinese, can switch to English for good, and back to the browser's", async ({ page, browser }) => {
    const email = await personOfOwn();
    await signIn(page, email);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const nav = mainNav(page);
    await expect(nav).toHaveAccessibleName("主导航");
    await expect(nav.getByRole("link", { name: "软件目录", includeHidden: true })).toBeAttached();
    await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeAttached();

    // Choosing English: the page is drawn again in English, and stays so.
    await page.setViewportSize({ width: 1280, height: 900 });
    await nav.getByRole("button", { name: "语言: 简体中文" }).click();
    await nav.getByRole("list", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(nav.getByRole("link", { name: "Catalogue" })).toBeVisible();
    await page.reload();
    await expect(nav.getByRole("link", { name: "Catalogue" })).toBeVisible();
    const [row] = await query<{ locale: string | null }>("SELECT locale FROM users WHERE email = $1", [email]);
    expect(row!.locale).toBe("en");
    const [audit] = await query<{ action: string }>(
      "SELECT action FROM audit_events WHERE action = 'user.locale_set' AND entity_id = (SELECT id::text FROM users WHERE email = $1)",
      [email],
    );
    expect(audit?.action).toBe("user.locale_set");

    // Another device with a Chinese browser: the person's own choice wins.
    const other = await browser.newContext({ locale: "zh-CN" });
    try {
      const second = await other.newPage();
      await signIn(second, email);
      await expect(second.locator("html")).toHaveAttribute("lang", "en");
    } finally {
      await other.close();
    }

    // "Browser's language" gives the choice back to the browser.
    await nav.getByRole("button", { name: "Language: English" }).click();
    await nav.getByRole("list", { name: "Language" }).getByRole("button", { name: "Browser's language" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(nav.getByRole("link", { name: "软件目录" })).toBeVisible();
  });
});

test("an English browser sees English, and every language is offered in its own words", async ({ page }) => {
  await signIn(page, USERS.employee);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.setViewportSize({ width: 1280, height: 900 });
  const button = mainNav(page).getByRole("button", { name: "Language: English" });
  await expect(button).toHaveText(/EN/);
  await button.click();
  const options = mainNav(page).getByRole("list", { name: "Language" }).getByRole("button");
  await expect(options).toHaveText(["English", "简体中文", "Browser's language"]);
  await expect(options.nth(1)).toHaveAttribute("lang", "zh-CN");
  await expect(options.nth(2)).toHaveAttribute("aria-current", "true");
  // Escape closes it and gives focus back to its button.
  await page.keyboard.press("Escape");
  await expect(options.first()).toBeHidden();
  await expect(button).toBeFocused();
});
