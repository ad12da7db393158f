import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

test.describe("questionnaire authoring", () => {
  test("a reviewer creates a questionnaire, a refused save keeps their work, and each save is a new version used by new assessments", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    // Unique per attempt, so that a retry does not meet the questionnaire its first attempt made.
    const key = `browser_extensions_${Date.now().toString(36)}`;
    const title = `Browser extensions ${key.slice(-6)}`;
    await signIn(page, USERS.reviewer, { callbackPath: "/manage" });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questionnaires", exact: true }).click();
    await page.getByRole("link", { name: "New questionnaire" }).click();

    const form = page.getByRole("form", { name: "Questionnaire" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Key").fill(key);
    const questions = form.getByTestId("template-question");
    const total = await questions.count();
    expect(total).toBeGreaterThan(10);
    // Keep only the first question, then add one of our own.
    for (let n = total; n > 1; n--) await form.getByRole("button", { name: `Remove question ${n}`, exact: true }).click();
    await expect(questions).toHaveCount(1);
    await form.getByRole("button", { name: "Add question" }).click();
    await form.getByLabel("Question 2 id").fill("reads_all_sites");
    await form.getByLabel("Question 2 section").fill("Permissions");
    await form.getByLabel("Question 2 type").selectOption({ label: "Yes / no / unknown" });
    await form.getByLabel("Question 2 option 1: Data exposure risk").selectOption({ label: "Critical" });

    // The prompt is still empty: refused beside the field, nothing saved, nothing lost.
    await form.getByRole("button", { name: "Create questionnaire" }).click();
    await expect(form.locator('[data-field-error="definition.questions.1.prompt"]')).toContainText("Question is required");
    await expect(form.getByLabel("Question 2 prompt")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Question 2 id")).toHaveValue("reads_all_sites");

    await form.getByLabel("Question 2 prompt").fill("Can the extension read and change data on all websites?");
    await form.getByRole("button", { name: "Create questionnaire" }).click();
    await expect(page).toHaveURL(new RegExp(`/manage/templates/${key}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${title} version 1`);

    // Editing makes version 2; version 1 stays readable as it was.
    const edit = page.getByRole("form", { name: "Questionnaire" });
    await edit.getByLabel("Question 2 prompt").fill("Can it read and change data on every website you visit?");
    await edit.getByRole("button", { name: "Save as version 2" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("version 2");
    await page.getByRole("link", { name: "Version 1", exact: true }).click();
    await expect(page.getByText("Can the extension read and change data on all websites?")).toBeVisible();
    await expect(page.getByText("Data exposure").first()).toBeVisible();

    // New assessments can use it. Miro and Fireflies.ai are seeded and no other test touches them
    // (a retry uses the second: the first attempt may have left an assessment in progress).
    await page.goto(testInfo.retry === 0 ? "/manage/software/miro" : "/manage/software/fireflies-ai");
    const start = page.getByRole("form", { name: "Start an assessment" });
    await start.getByLabel("Questionnaire").selectOption({ label: title });
    await start.getByRole("button", { name: "Start assessment" }).click();
    await expect(page).toHaveURL(/\/manage\/assessments\//);
    await expect(page.getByText(`${title} v2`)).toBeVisible();
    await expect(page.getByText("Can it read and change data on every website you visit?")).toBeVisible();
  });

  test("admins may author questionnaires; employees are refused", async ({ page, browser }) => {
    await signIn(page, USERS.admin, { callbackPath: "/manage/templates" });
    await expect(page.getByRole("heading", { name: "Questionnaires" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Software risk assessment" })).toBeVisible();

    const context = await browser.newContext();
    try {
      const employee = await context.newPage();
      await signIn(employee, USERS.employee);
      await expect(employee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questionnaires" })).toHaveCount(0);
      const response = await employee.goto("/manage/templates/default");
      expect(response?.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
