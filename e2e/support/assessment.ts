import { expect, type Page } from "@playwright/test";

/** Chooses an answer in the assessment questionnaire: question id → option label. */
export async function answer(page: Page, id: string, label: string): Promise<void> {
  await page.locator(`[data-question="${id}"]`).getByLabel(label, { exact: true }).check();
}

/** Answers every question listed (several labels: a multiple-choice question). */
export async function answerAll(page: Page, answers: Record<string, string | string[]>): Promise<void> {
  for (const [id, labels] of Object.entries(answers)) for (const label of [labels].flat()) await answer(page, id, label);
}

/** Answers, attaches conditions, saves, submits for review and completes the open assessment. */
export async function completeAssessment(page: Page, answers: Record<string, string | string[]>, conditions: string[] = []): Promise<void> {
  const questionnaire = page.getByRole("form", { name: "Questionnaire" });
  await answerAll(page, answers);
  for (const condition of conditions) await questionnaire.getByLabel(condition).check();
  await questionnaire.getByRole("button", { name: "Save draft" }).click();
  await expect(questionnaire.getByTestId("form-message")).toHaveText("Draft saved.");
  await page.getByRole("form", { name: "Submit for review" }).getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("assessment-status")).toContainText("in review");
  await page.getByRole("form", { name: "Complete assessment" }).getByRole("button", { name: "Complete assessment" }).click();
  await expect(page.getByTestId("assessment-status")).toContainText("completed");
}
