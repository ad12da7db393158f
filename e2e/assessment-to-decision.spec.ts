import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { completeAssessment } from "./support/assessment";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

/**
 * The whole path from an assessment to what an employee sees: a reviewer assesses an AI agent
 * with the default questionnaire and restricts it with conditions; another tool's loosening
 * waits for a second reviewer, whom the proposer cannot stand in for; then the employee sees
 * both decisions in search and on the software pages. OpenAI Codex CLI and Codeium are seeded
 * (under review and restricted) and no other test touches them.
 */

/** An AI coding agent that runs commands after asking, in the workspace, sending snippets: high, not critical. */
const AGENT: Record<string, string | string[]> = {
  data_retention: "Up to 30 days",
  trains_on_customer_data: "No",
  data_residency: "In our required region, contractually",
  subprocessors_disclosed: "Yes",
  dpa_signed: "Yes",
  sso: "Yes",
  mfa: "Yes",
  audit_logs: "Yes",
  certifications: ["SOC 2 Type II", "ISO/IEC 27001"],
  deployment: "Installed on the laptop",
  network_egress: "Only the vendor's documented endpoints",
  update_channel: "Automatic, signed updates",
  third_party_extensions: "No",
  runs_shell_commands: "Yes",
  file_access: "Read and write the workspace",
  agent_network_access: "No",
  sends_content_to_cloud: "Selected snippets or prompts",
  mcp_plugins: "No",
  autonomy: "Acts after asking for each step",
  enterprise_controls: ["Zero data retention"],
};

function searchBox(page: Page) {
  return page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" });
}

async function recordDecision(page: Page, decision: { status: string; dataClass?: string; conditions: string; rationale: string }) {
  const form = page.getByRole("form", { name: "Record a classification decision" });
  await form.getByLabel("Status").selectOption({ label: decision.status });
  if (decision.dataClass) await form.getByLabel("Highest data class allowed").selectOption({ label: decision.dataClass });
  await form.getByLabel("Conditions").fill(decision.conditions);
  await form.getByLabel("Rationale").fill(decision.rationale);
  await form.getByRole("button", { name: "Record decision" }).click();
  return form.getByTestId("form-message");
}

test("an assessed AI agent is restricted with conditions, a loosening is confirmed by a second reviewer, and the employee sees both", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // 1. The reviewer assesses the agent with the default questionnaire.
  await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/openai-codex-cli" });
  await page.getByRole("form", { name: "Start an assessment" }).getByRole("button", { name: "Start assessment" }).click();
  await expect(page).toHaveURL(/\/manage\/assessments\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Software risk assessment v1")).toBeVisible();
  await completeAssessment(page, AGENT, ["Every command needs a person's approval"]);

  // Its tier, and the answers that drove each dimension.
  const breakdown = page.getByTestId("risk-breakdown");
  await expect(breakdown).toContainText("Inherent tier: High");
  const access = breakdown.locator('[data-dimension="access_autonomy"]');
  await expect(access.locator("[data-level]").first()).toHaveAttribute("data-level", "high");
  await expect(access).toContainText("Can it run shell commands? Yes");
  const data = breakdown.locator('[data-dimension="data_exposure"]');
  await expect(data).toContainText("2 answers are medium risk together");
  await expect(data).toContainText("Selected snippets or prompts");

  // 2. A restricted decision with conditions, citing the assessment; tightening takes effect at once.
  await page.goto("/manage/software/openai-codex-cli");
  const restricted = await recordDecision(page, {
    status: "Restricted",
    conditions: "Command auto-approval off\nRepositories without customer data only",
    rationale: "High access-and-autonomy risk: runs shell commands in the workspace. Allowed by exception while approval prompts stay on.",
  });
  await expect(restricted).toContainText("Decision recorded");
  await expect(page.locator("h1 + [data-status]")).toHaveAttribute("data-status", "restricted");

  // 3. A loosening on another tool: pending until a different reviewer confirms it.
  await page.goto("/manage/software/codeium");
  const loosened = await recordDecision(page, {
    status: "Approved with conditions",
    dataClass: "Internal",
    conditions: "Enterprise plan with zero data retention",
    rationale: "The enterprise plan keeps no code and is SSO-enforced; internal code only.",
  });
  await expect(loosened).toContainText("takes effect when a second reviewer confirms it");
  const pending = page.getByTestId("pending-decision");
  await expect(pending).toContainText("It loosens Restricted to Approved with conditions.");
  // The proposer is not offered the confirmation, and a forged one is refused by the server.
  await expect(pending.getByRole("button", { name: "Confirm as second reviewer" })).toHaveCount(0);

  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [second, employee] = await Promise.all(contexts.map((c) => c.newPage()));
    await signIn(second!, USERS.reviewer2, { callbackPath: "/manage/software/codeium" });
    await second!.getByTestId("pending-decision").getByRole("button", { name: "Confirm as second reviewer" }).click();
    await expect(second!.getByTestId("pending-decision")).toHaveCount(0);
    await expect(second!.locator("h1 + [data-status]")).toHaveAttribute("data-status", "approved_with_conditions");

    // 4. The employee sees both, in search and on the software pages.
    await signIn(employee!, USERS.employee);
    await searchBox(employee!).fill("codex cli");
    const codex = employee!.getByRole("listbox", { name: "Matching software" }).getByRole("option").filter({ hasText: "OpenAI Codex CLI" });
    await expect(codex.locator("[data-status]")).toHaveAttribute("data-status", "restricted");
    await searchBox(employee!).fill("codeium");
    const codeium = employee!.getByRole("listbox", { name: "Matching software" }).getByRole("option").filter({ hasText: "Codeium" });
    await expect(codeium.locator("[data-status]")).toHaveAttribute("data-status", "approved_with_conditions");

    await employee!.goto("/software/openai-codex-cli");
    await expect(employee!.locator("article > header [data-status]")).toHaveAttribute("data-status", "restricted");
    await expect(employee!.getByText("Repositories without customer data only")).toBeVisible();
    await expect(employee!.getByTestId("status-meaning")).toHaveText("Not allowed without an approved exception.");

    await employee!.goto("/software/codeium");
    await expect(employee!.locator("article > header [data-status]")).toHaveAttribute("data-status", "approved_with_conditions");
    await expect(employee!.getByText("Enterprise plan with zero data retention")).toBeVisible();
    await expect(employee!.getByTestId("history-entry").first()).toContainText("confirmed by Robin Reviewer");
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
