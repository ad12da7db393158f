import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

const SLACK_HEADLINE = "Depends on edition: Enterprise Grid — approved with conditions; Free workspace — prohibited";

function searchBox(page: Page) {
  return page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" });
}

test.describe("a tool whose editions differ is never shown as its strictest edition", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, USERS.employee);
  });

  test("search says it depends on the edition, leading with the company's", async ({ page }) => {
    await page.goto("/");
    await searchBox(page).fill("slack");
    const hit = page.getByRole("listbox", { name: "Matching software" }).getByRole("option").filter({ hasText: "Slack" }).first();
    const badge = hit.locator("[data-status]");
    await expect(badge).toHaveText(SLACK_HEADLINE);
    await expect(badge).toHaveAttribute("data-lead-status", "approved_with_conditions");
    await expect(hit).not.toContainText("Not allowed");
  });

  test("the catalogue says so too, and its status filter follows the company's edition", async ({ page }) => {
    await page.goto("/software?q=zoom");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Zoom", exact: true }) });
    await expect(row.locator("[data-status]")).toHaveText("Depends on edition: Enterprise — approved; Basic — restricted");

    await page.goto("/software?q=slack&status=approved_with_conditions");
    await expect(page.getByRole("link", { name: "Slack", exact: true })).toBeVisible();
    await page.goto("/software?q=slack&status=prohibited");
    await expect(page.getByRole("link", { name: "Slack", exact: true })).toHaveCount(0);
  });

  test("GET /api/v1/software gives the company edition's status and each edition's", async ({ page }) => {
    const response = await page.request.get("/api/v1/software?q=slack");
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { items: { name: string; status: string; statusByEdition: { name: string; status: string }[] | null }[] };
    const slack = body.items.find((i) => i.name === "Slack");
    expect(slack?.status).toBe("approved_with_conditions");
    expect(slack?.statusByEdition?.map((e) => [e.name, e.status])).toEqual([
      ["Enterprise Grid", "approved_with_conditions"],
      ["Free workspace", "prohibited"],
    ]);
  });

  test("the vendor page lists each tool with its headline", async ({ page }) => {
    await page.goto("/vendors/salesforce");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Slack", exact: true }) });
    await expect(row.locator("[data-status]")).toHaveText(SLACK_HEADLINE);
  });

  test("the software page's top badge leads with the company's edition", async ({ page }) => {
    await page.goto("/software/slack");
    await expect(page.locator("header [data-status]").first()).toHaveText(SLACK_HEADLINE);
  });

  test("an approved alternative links to its approved edition", async ({ page }) => {
    await page.goto("/software/claude-code");
    const link = page.getByRole("link", { name: "GitHub Copilot Business" }).first();
    await expect(link).toBeVisible();
    await link.click();
    await page.waitForURL("**/software/github-copilot#edition-business");
    await expect(page.locator("#edition-business").locator("[data-status]").first()).toHaveText("Approved with conditions");
    await expect(page.locator("header [data-status]").first()).toHaveText(
      "Depends on edition: Business — approved with conditions; Free — prohibited",
    );
  });
});
