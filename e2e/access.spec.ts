import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { auditCount, classificationCount } from "./support/db";

test.describe("what an employee may not do", () => {
  test("reviewer and admin pages answer 403 Not allowed, and the nav offers no Manage link", async ({ page }) => {
    await signIn(page, USERS.employee);
    await expect(mainNav(page).getByRole("link", { name: "Catalogue" })).toBeVisible();
    await expect(mainNav(page)).toContainText("Emery Employee (employee)");
    await expect(mainNav(page).getByRole("link", { name: "Manage" })).toHaveCount(0);
    await expect(mainNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);

    for (const path of ["/manage", "/manage/software/claude-code", "/admin/users", "/software/claude-code/audit"]) {
      const response = await page.goto(path);
      expect.soft(response?.status(), `HTTP status of ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" }), path).toBeVisible();
    }

    // The software page offers neither editing nor the audit trail.
    await page.goto("/software/claude-code");
    await expect(page.getByRole("link", { name: "Edit and classify" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  });

  // TablePlus is seeded "Approved up to Confidential"; no other test changes it.
  test("the server refuses a decision from a form opened while the session was a reviewer's", async ({ page, context }) => {
    const decisionsBefore = await classificationCount("tableplus");
    const eventsBefore = await auditCount("tableplus");

    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/tableplus" });
    const form = page.getByRole("form", { name: "Record a classification decision" });
    await expect(form).toBeVisible();

    // Same browser, the session now belongs to an employee; the reviewer's form stays open.
    await context.clearCookies();
    const other = await context.newPage();
    await signIn(other, USERS.employee);
    await expect(mainNav(other)).toContainText("(employee)");
    await other.close();

    await form.getByLabel("Status").selectOption({ label: "Prohibited" });
    await form.getByLabel("Rationale").fill("Attempted by someone whose role does not allow classification decisions.");
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Your role does not allow this.");

    expect(await classificationCount("tableplus")).toBe(decisionsBefore);
    expect(await auditCount("tableplus")).toBe(eventsBefore);
    const api = await page.request.get("/api/v1/software/tableplus");
    expect((await api.json()).status).toBe("approved");
  });
});
