import { expect, test } from "./support/test";
import { answer, completeAssessment } from "./support/assessment";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

/** Answers for an autonomous AI agent, by question id → option label. */
const AGENT: Record<string, string | string[]> = {
  data_retention: "Up to 30 days",
  trains_on_customer_data: "No",
  data_residency: "Elsewhere, with adequate safeguards",
  subprocessors_disclosed: "Yes",
  dpa_signed: "Yes",
  sso: "Yes",
  mfa: "Yes",
  audit_logs: "Yes",
  deployment: "Installed on the laptop",
  network_egress: "Only the vendor's documented endpoints",
  update_channel: "Automatic, signed updates",
  third_party_extensions: "No",
  runs_shell_commands: "Yes",
  file_access: "Anywhere the user can",
  agent_network_access: "Yes",
  sends_content_to_cloud: "Whole files, repositories or documents",
  mcp_plugins: "Yes",
  autonomy: "Acts without asking (auto-approve, background agents)",
};

test.describe("risk assessments", () => {
  // Perplexity is seeded as an AI assistant; no other test assesses it.
  test("a reviewer assesses an AI tool: drafts, is told what is missing, completes, and sees the tier and what drove it", async ({ page }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/perplexity" });
    await page.getByRole("form", { name: "Start an assessment" }).getByRole("button", { name: "Start assessment" }).click();
    await expect(page).toHaveURL(/\/manage\/assessments\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("assessment-status")).toContainText("draft");

    // Half answered; the live breakdown reacts, and the draft saves itself when the reviewer pauses.
    await answer(page, "autonomy", AGENT.autonomy as string);
    await expect(page.getByTestId("risk-breakdown").locator('[data-dimension="access_autonomy"] [data-level]').first()).toHaveAttribute("data-level", "critical");
    const questionnaire = page.getByRole("form", { name: "Questionnaire" });
    await expect(questionnaire.getByTestId("form-message")).toHaveText("Draft saved.");
    await page.reload();
    await expect(page.locator('[data-question="autonomy"]').getByLabel(AGENT.autonomy as string, { exact: true })).toBeChecked();

    // Submitting an incomplete assessment is refused by the server, naming the questions.
    const submit = page.getByRole("form", { name: "Submit for review" });
    await submit.getByRole("button", { name: "Submit for review" }).click();
    await expect(submit.getByTestId("form-message")).toContainText(/answers? needs? attention: see the highlighted questions\./);

    await completeAssessment(page, AGENT, ["Every command needs a person's approval"]);

    const breakdown = page.getByTestId("risk-breakdown");
    await expect(breakdown).toContainText("Inherent tier: Critical");
    const access = breakdown.locator('[data-dimension="access_autonomy"]');
    await expect(access).toContainText("How autonomous is it? Acts without asking");
    await expect(access).toContainText("Can it run shell commands? Yes");
    await expect(access).toContainText("after: Every command needs a person's approval");
    await expect(page.getByRole("form", { name: "Questionnaire" }).getByRole("button", { name: "Save draft" })).toHaveCount(0);

    // The in-app help explains the model the breakdown follows.
    await page.getByRole("link", { name: "How the score is calculated" }).click();
    await expect(page.locator("#scoring")).toContainText("The inherent tier is the worst dimension");

    // The software's page for reviewers lists the completed assessment with its tiers.
    await page.goto("/manage/software/perplexity");
    await expect(page.getByTestId("assessment-row").first()).toContainText("completed");
    await expect(page.getByTestId("assessment-row").first().locator('[data-level="critical"]').first()).toBeVisible();
  });

  test("the review queue shows overdue reviews to reviewers, and only to them", async ({ page, browser }) => {
    await signIn(page, USERS.reviewer, { callbackPath: "/manage" });
    await page.getByRole("link", { name: "Review queue" }).click();
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    // Seeded "under review" decisions are due a month after they were made: long overdue.
    await expect(page.getByTestId("queue-decisions")).toContainText("overdue since");
    for (const section of ["queue-confirmations", "queue-in-progress", "queue-reassessments", "queue-evidence"]) await expect(page.getByTestId(section)).toBeVisible();

    const context = await browser.newContext();
    try {
      const employee = await context.newPage();
      await signIn(employee, USERS.employee);
      for (const path of ["/manage/queue", "/manage/assessments/00000000-0000-4000-8000-000000000000"]) {
        expect((await employee.goto(path))?.status(), path).toBe(403);
      }
    } finally {
      await context.close();
    }
  });
});
