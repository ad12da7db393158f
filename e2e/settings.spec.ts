import { expect, test } from "./support/test";
import { followNavLink, mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("settings", () => {
  test("an admin is told what is wrong with a bad interval; nothing changes until the values are valid", async ({ page }) => {
    await signIn(page, USERS.admin);
    await followNavLink(page, "Settings");
    const form = page.getByRole("form", { name: "Settings" });
    const restricted = form.getByLabel("Restricted", { exact: true }); // the review interval for the Restricted status
    await expect(restricted).toHaveValue("12");

    await restricted.fill("0");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.locator('[data-field-error="intervals.restricted"]')).toHaveText("The interval for reviewing tools marked “Restricted” must be at least 1 month.");
    await page.reload();
    await expect(page.getByRole("form", { name: "Settings" }).getByLabel("Restricted", { exact: true })).toHaveValue("12");

    // Saving the values as they are (other journeys run alongside and read the labels).
    await page.getByRole("form", { name: "Settings" }).getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("form", { name: "Settings" }).getByTestId("form-message")).toHaveText("Settings saved.");
  });

  test("reviewers and employees cannot open settings", async ({ browser }) => {
    for (const user of [USERS.reviewer, USERS.employee]) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await signIn(page, user);
        await expect(mainNav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
        expect((await page.goto("/admin/settings"))?.status(), user).toBe(403);
      } finally {
        await context.close();
      }
    }
  });
});
