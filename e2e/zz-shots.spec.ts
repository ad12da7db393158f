import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

for (const width of [1280, 390]) {
  test(`shots ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, USERS.admin, { callbackPath: "/admin/tokens" });
    const form = page.getByRole("form", { name: "New API token" });
    await form.getByLabel("Name").fill(`Shot ${width}`);
    await form.getByRole("checkbox", { name: /check:read/ }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByTestId("token-secret")).toBeVisible();
    await page.getByTestId("token-row").filter({ hasText: `Shot ${width}` }).getByRole("button", { name: "Revoke", exact: true }).click();
    await page.screenshot({ path: `/tmp/forms-tokens-${width}.png`, fullPage: true });
    await page.getByTestId("token-row").filter({ hasText: `Shot ${width}` }).getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByTestId("flash")).toContainText("revoked");
    await page.screenshot({ path: `/tmp/forms-flash-${width}.png` });
    await page.goto("/admin/audit?entity=api_token");
    await page.locator("#all-events").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/forms-audit-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(`audit overflow at ${width}: ${overflow}`);
    await page.goto("/software/slack/audit");
    await page.screenshot({ path: `/tmp/forms-swaudit-${width}.png` });
    console.log(`sw audit overflow at ${width}: ${await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)}`);
  });
}
