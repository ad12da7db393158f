import type { Page } from "@playwright/test";

/** Chooses an answer in the assessment questionnaire: question id → option label. */
export async function answer(page: Page, id: string, label: string): Promise<void> {
  await page.locator(`[data-question="${id}"]`).getByLabel(label, { exact: true }).check();
}

/** Answers every question listed (several labels: a multiple-choice question). */
export async function answerAll(page: Page, answers: Record<string, string | string[]>): Promise<void> {
  for (const [id, labels] of Object.entries(answers)) for (const label of [labels].flat()) await answer(page, id, label);
}
