import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";

/**
 * Issue 11, item 13: the demo seed (db/seed.ts, db/seed-activity-data.ts) ships work in
 * progress, so every page shows what it is for on first start. Other journeys add to these
 * pages as they run; these checks hold for the seeded content whatever they add.
 */
test.describe("first start: the demo shows its pages at work", () => {
  test("the dashboard charts assessed tiers, fills the heat map and lists overdue reassessments", async ({ page }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/dashboard" });
    const byTier = page.getByRole("region", { name: "Software by assessed tier" });
    // The seed assesses tools at every tier: low (Slack Enterprise Grid), medium, high, critical (Claude Code).
    for (const tier of ["low", "medium", "high", "critical"]) {
      expect(Number(await byTier.locator(`tr[data-key="${tier}"] td[data-count]`).textContent()), tier).toBeGreaterThan(0);
    }
    await expect(page.getByTestId("heat-map")).toContainText(/How many of the ([9-9]|\d{2,}) current assessments/);
    const critical = Number(await page.getByTestId("heat-map").locator('tr[data-dimension="access_autonomy"] td[data-level="critical"]').textContent());
    expect(critical).toBeGreaterThan(0);
    // GitHub Copilot (high risk, assessed over a year ago) is overdue.
    await expect(page.getByTestId("dashboard-overdue")).toContainText("GitHub Copilot");
  });

  test("the review queue holds reassessments due and evidence expiring", async ({ page }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/queue" });
    const reassessments = page.getByTestId("queue-reassessments");
    await expect(reassessments.getByRole("listitem").filter({ hasText: "GitHub Copilot" })).toContainText("overdue since");
    await expect(reassessments.getByRole("listitem").filter({ hasText: "Figma" })).toContainText(/due [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    const evidence = page.getByTestId("queue-evidence");
    await expect(evidence.getByRole("listitem").filter({ hasText: "Cursor SOC 2 Type II report" })).toContainText("expired");
    await expect(evidence.getByRole("listitem").filter({ hasText: "Anthropic SOC 2 Type II report" })).toContainText("expires");
  });

  test("the manager's inbox holds the demo employee's request, with the tool's risk", async ({ page }) => {
    await signIn(page, USERS.manager);
    await expect(mainNav(page).getByTestId("requests-waiting-count")).toBeVisible();
    await page.goto("/requests/inbox");
    const row = page.getByTestId("manager-inbox").getByTestId("request-row").filter({ hasText: "Otter.ai" });
    await expect(row).toContainText("Emery Employee");
    await expect(row.getByTestId("risk-summary")).toContainText("Main risks: Data exposure (high)");
  });

  test("reviewers find a request waiting for security; the employee sees their grant ending soon", async ({ page, browser }) => {
    await signIn(page, USERS.reviewer2, { callbackPath: "/requests/inbox" });
    await expect(page.getByTestId("security-queue").getByTestId("request-row").filter({ hasText: "TeamViewer" })).toBeVisible();

    const context = await browser.newContext();
    try {
      const employee = await context.newPage();
      await signIn(employee, USERS.employee, { callbackPath: "/software/grammarly" });
      const matrix = employee.getByRole("table", { name: "Which data classes are allowed" });
      const internal = matrix.getByRole("row").filter({ has: employee.getByRole("rowheader", { name: "Internal", exact: true }) });
      await expect(internal.locator("[data-verdict]")).toHaveAttribute("data-verdict", "allowed_by_exception");
      await employee.goto("/requests");
      await expect(employee.getByTestId("request-row").filter({ hasText: "Otter.ai" })).toContainText("Waiting for the manager");
      await expect(employee.getByTestId("request-row").filter({ hasText: "TeamViewer" })).toContainText("Waiting for security");
    } finally {
      await context.close();
    }
  });

  test("an assessed AI agent's page for reviewers shows its completed assessment and tier", async ({ page }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/claude-code" });
    const row = page.getByTestId("assessment-row").first();
    await expect(row).toContainText("completed");
    await expect(row.locator('[data-level="critical"]').first()).toBeVisible();
  });
});
