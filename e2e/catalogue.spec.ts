import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("catalogue", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, USERS.employee, { callbackPath: "/software" });
  });

  test("filtering by status shows only that status", async ({ page }) => {
    const filters = page.getByRole("form", { name: "Filter the catalogue" });
    await filters.getByLabel("Status").selectOption({ label: "Prohibited" });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]status=prohibited/);

    const rows = page.locator("table tbody tr");
    await expect(rows.first()).toBeVisible();
    const badges = rows.locator("[data-status]");
    expect(await badges.count()).toBe(await rows.count());
    for (const badge of await badges.all()) {
      await expect(badge).toHaveAttribute("data-status", "prohibited");
      await expect(badge).toHaveText("Prohibited");
    }
    await expect(rows.filter({ hasText: "DeepSeek" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Claude Code" })).toHaveCount(0);
    await expect(filters.getByLabel("Status")).toHaveValue("prohibited");
  });

  test("the Next link pages through the catalogue, keeping the filters", async ({ page }) => {
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination).toContainText(/Page 1 of [2-9]/);
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(25);
    const firstPage = await rows.locator("td:first-child").allInnerTexts();

    await pagination.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(pagination).toContainText(/Page 2 of/);
    await expect(pagination.getByRole("link", { name: "← Previous" })).toBeVisible();
    const secondPage = await rows.locator("td:first-child").allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

    // Filters survive paging.
    const filters = page.getByRole("form", { name: "Filter the catalogue" });
    await filters.getByLabel("Status").selectOption({ label: "Approved" });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]status=approved(&|$)/);
    await expect(pagination).toContainText(/Page 1 of [2-9]/);
    await pagination.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/status=approved(&|$)/);
    await expect(pagination).toContainText(/Page 2 of/);
    await expect(rows.first()).toBeVisible();
    for (const badge of await rows.locator("[data-status]").all()) await expect(badge).toHaveAttribute("data-status", "approved");
  });
});
