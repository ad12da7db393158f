import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { auditCount, classificationCount } from "./support/db";

function decisionForm(page: Page) {
  return page.getByRole("form", { name: "Record a classification decision" });
}

test.describe("classification decisions", () => {
  // Warp is seeded "Under review" (and iTerm2 may be used); no other test looks at Warp.
  test("a reviewer's new decision is what everyone sees at once, and it is audited", async ({ page, browser }) => {
    const rationale = `E2E ${Date.now()}: AI features can be switched off centrally; the core terminal keeps history local.`;

    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/warp" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Warp");
    const form = decisionForm(page);
    await form.getByLabel("Applies to").selectOption({ label: "All editions" });
    await form.getByLabel("Status").selectOption({ label: "Approved with conditions" });
    await form.getByLabel("Highest data class allowed").selectOption({ label: "Internal" });
    await form.getByLabel("Conditions").fill("Warp AI turned off by the team admin\nSign in with company SSO");
    await form.getByRole("combobox", { name: "Approved alternatives" }).fill("iterm");
    await form.getByRole("combobox", { name: "Approved alternatives" }).press("Enter");
    await form.getByLabel("Rationale").fill(rationale);
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Decision recorded. Everyone now sees the new answer.");
    await expect(form.getByLabel("Rationale")).toHaveValue(rationale); // the next decision starts from this one, now in force
    await expect(page.locator("h1 + [data-status]")).toHaveAttribute("data-status", "approved_with_conditions");

    // An employee, in a browser of their own, sees the new answer everywhere.
    const employeeContext = await browser.newContext();
    try {
      const employee = await employeeContext.newPage();
      await signIn(employee, USERS.employee, { callbackPath: "/software/warp" });
      await expect(employee.locator("article > header [data-status]")).toHaveAttribute("data-status", "approved_with_conditions");
      await expect(employee.getByTestId("status-meaning")).toHaveText("Use it only if you follow the listed conditions.");
      const matrix = employee.getByRole("table", { name: "Which data classes are allowed" });
      const expected = { Public: "allowed_with_conditions", Internal: "allowed_with_conditions", Confidential: "exception_required", Restricted: "exception_required" };
      for (const [dataClass, verdict] of Object.entries(expected)) {
        const row = matrix.getByRole("row").filter({ has: employee.getByRole("rowheader", { name: dataClass, exact: true }) });
        await expect(row.locator("[data-verdict]"), dataClass).toHaveAttribute("data-verdict", verdict);
      }
      const details = (term: string | RegExp) => employee.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
      await expect(details("Conditions").getByRole("listitem")).toHaveText(["Warp AI turned off by the team admin", "Sign in with company SSO"]);
      await expect(details("Approved alternatives").getByRole("link", { name: "iTerm2" })).toHaveAttribute("href", "/software/iterm2");
      await expect(details(/^Why$/)).toHaveText(rationale);
      const latest = employee.getByTestId("history-entry").first();
      await expect(latest).toContainText("Approved with conditions up to Internal · by Riley Reviewer");
      await expect(latest).toContainText(rationale);
      await expect(employee.getByTestId("history-entry").filter({ hasText: "Under review" })).toHaveCount(1); // the old decision is kept

      await employee.goto("/");
      await employee.getByRole("combobox", { name: "Search software by name, vendor, domain or package" }).fill("warp");
      const hit = employee.getByRole("listbox", { name: "Matching software" }).getByRole("option").filter({ hasText: "Warp" });
      await expect(hit.locator("[data-status]")).toHaveAttribute("data-status", "approved_with_conditions");

      const internal = await employee.request.get("/api/v1/check", { params: { q: "warp.dev", dataClass: "internal" } });
      expect(internal.status()).toBe(200);
      expect(await internal.json()).toMatchObject({
        verdict: "allowed_with_conditions",
        match: "identifier",
        software: { slug: "warp", status: "approved_with_conditions", maxDataClass: "internal" },
        conditions: ["Warp AI turned off by the team admin", "Sign in with company SSO"],
        alternatives: [{ slug: "iterm2", name: "iTerm2" }],
      });
      const confidential = await employee.request.get("/api/v1/check", { params: { q: "Warp", dataClass: "confidential" } });
      expect(await confidential.json()).toMatchObject({ verdict: "exception_required" });
    } finally {
      await employeeContext.close();
    }

    // The audit trail records who decided what, and why.
    await page.goto("/software/warp/audit");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit trail: Warp");
    const event = page.getByTestId("audit-event").filter({ hasText: rationale });
    await expect(event).toHaveCount(1);
    await expect(event).toHaveAttribute("data-action", "classification.decided");
    await expect(event).toContainText("Riley Reviewer classified Warp as approved with conditions");
    await expect(event).toContainText(`Why: ${rationale}`);
    await expect(page.getByTestId("audit-event").first()).toContainText(rationale); // newest first
  });

  // Bruno is seeded "Approved up to Confidential"; no other test changes it.
  test("a decision with bad input shows errors beside the fields and changes nothing", async ({ page }) => {
    const decisionsBefore = await classificationCount("bruno");
    const eventsBefore = await auditCount("bruno");
    expect(decisionsBefore).toBeGreaterThan(0);

    await signIn(page, USERS.reviewer, { callbackPath: "/software/bruno" });
    const historyBefore = await page.getByTestId("history-entry").count();
    expect(historyBefore).toBe(decisionsBefore);

    await page.goto("/manage/software/bruno");
    const form = decisionForm(page);

    // No rationale (the form starts from the decision in force: its rationale is cleared).
    await form.getByLabel("Status").selectOption({ label: "Restricted" });
    await form.getByLabel("Rationale").fill("");
    await form.getByRole("button", { name: "Record decision" }).click();
    const rationaleError = form.locator('[data-field-error="rationale"]');
    await expect(rationaleError).toHaveText(/Rationale is required/);
    await expect(form.getByLabel("Rationale")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Rationale")).toHaveAccessibleDescription(/Rationale is required/);
    await expect(form.getByTestId("form-message")).toContainText("Please correct 1 field: Rationale is required");

    // Approved, but without the highest data class it allows.
    await form.getByLabel("Status").selectOption({ label: "Approved" });
    await form.getByLabel("Highest data class allowed").selectOption({ label: "—" });
    await form.getByLabel("Rationale").fill("Offline-first client; collections stay in git.");
    await form.getByRole("button", { name: "Record decision" }).click();
    const dataClassError = form.locator('[data-field-error="maxDataClass"]');
    await expect(dataClassError).toHaveText("Say the highest data class this status allows.");
    await expect(form.getByLabel("Highest data class allowed")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Highest data class allowed")).toHaveAccessibleDescription(/Say the highest data class this status allows/);
    await expect(rationaleError).toHaveCount(0);
    // What the reviewer typed is kept.
    await expect(form.getByLabel("Rationale")).toHaveValue("Offline-first client; collections stay in git.");

    expect(await classificationCount("bruno")).toBe(decisionsBefore);
    expect(await auditCount("bruno")).toBe(eventsBefore);
    await page.goto("/software/bruno");
    await expect(page.getByTestId("history-entry")).toHaveCount(historyBefore);
    await expect(page.locator("article > header [data-status]")).toHaveAttribute("data-status", "approved");
  });
});
