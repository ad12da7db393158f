import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

function searchBox(page: Page) {
  return page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" });
}

function results(page: Page) {
  return page.getByRole("listbox", { name: "Matching software" });
}

test.describe("search, as an employee", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, USERS.employee);
  });

  test("a typo still finds Claude Code, and the keyboard opens its verdict", async ({ page }) => {
    await searchBox(page).fill("cluade");
    const hit = results(page).getByRole("option").filter({ hasText: "Claude Code" });
    await expect(hit).toBeVisible();
    await expect(hit.locator("[data-status]")).toHaveAttribute("data-status", "restricted");
    await expect(hit.locator("[data-status]")).toHaveText("Restricted");
    await expect(results(page).getByRole("option").first()).toContainText("Claude Code");

    await searchBox(page).press("ArrowDown");
    await expect(results(page).getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await searchBox(page).press("Enter");
    await page.waitForURL("**/software/claude-code");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Claude Code");
    const matrix = page.getByRole("table", { name: "Which data classes are allowed" });
    await expect(matrix.getByRole("row")).toHaveCount(5); // header + four data classes
    for (const dataClass of ["Public", "Internal", "Confidential", "Restricted"]) {
      const row = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: dataClass, exact: true }) });
      await expect(row.locator("[data-verdict]")).toHaveAttribute("data-verdict", "exception_required");
      await expect(row.locator("[data-verdict]")).toHaveText("Exception required");
    }
    await expect(page.getByTestId("status-meaning")).toHaveText("Not allowed without an approved exception.");

    const conditions = page.locator("dt", { hasText: "Conditions" }).locator("xpath=following-sibling::dd[1]");
    await expect(conditions.getByRole("listitem")).toHaveCount(4);
    await expect(conditions).toContainText("Exception approved by Security Engineering required");
    await expect(conditions).toContainText("Run inside a dev container without production credentials");

    const why = page.locator("dt", { hasText: /^Why$/ }).locator("xpath=following-sibling::dd[1]");
    await expect(why).toContainText("The agent can execute arbitrary commands");

    const alternatives = page.locator("dt", { hasText: "Approved alternatives" }).locator("xpath=following-sibling::dd[1]");
    // Its editions differ: the link goes to the approved one.
    await expect(alternatives.getByRole("link", { name: "GitHub Copilot Business" })).toHaveAttribute("href", "/software/github-copilot#edition-business");
    await expect(alternatives.getByRole("link", { name: "Continue" })).toHaveAttribute("href", "/software/continue");
    await alternatives.getByRole("link", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continue");
  });

  test("identifiers find the product: an npm package and a domain", async ({ page }) => {
    await searchBox(page).fill("@anthropic-ai/claude-code");
    await expect(results(page).getByRole("option").first()).toContainText("Claude Code");

    await searchBox(page).fill("cursor.com");
    const first = results(page).getByRole("option").first();
    await expect(first).toContainText("Cursor");
    await expect(first).toContainText("Anysphere");
  });

  test("a tool that is not in the catalogue is reported as unknown", async ({ page }) => {
    await searchBox(page).fill("Totally Unknown Tool 123");
    const empty = page.getByTestId("no-results");
    await expect(empty).toBeVisible();
    await expect(empty).toContainText("“Totally Unknown Tool 123” is not in the catalogue. Its status is unknown.");
    await expect(empty).toContainText("ask the security team to review it");
    await expect(results(page)).toHaveCount(0);
  });
});
