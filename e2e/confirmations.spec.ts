import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { answerAll } from "./support/assessment";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { shownDay } from "./support/dates";

/**
 * Every decision ends with a confirmation that survives the re-render or redirect that unmounts
 * its form, in the page's status region (present before the message arrives, so screen readers
 * announce it). Zapier, Pastebin and DeepSeek are seeded and no other test decides on them.
 */

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The page's status region: a polite live region that is there before anything is said in it. */
function flash(page: Page) {
  return page.getByTestId("flash");
}

async function expectQuietRegion(page: Page) {
  await expect(flash(page)).toHaveAttribute("aria-live", "polite");
  await expect(flash(page)).toHaveText("");
}

test("an exception's decisions each confirm themselves: sent, approved by the manager, by security, and revoked after a confirm step", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, USERS.employee, { callbackPath: "/requests/new?software=zapier&dataClass=internal" });
  await expectQuietRegion(page);
  const ask = page.getByRole("form", { name: "Request an exception" });
  await ask.getByLabel("Purpose").fill("Automate the weekly partner report");
  await ask.getByLabel("Justification").fill("The report takes a day by hand; the zap reads only the report sheet.");
  await ask.getByLabel("Until (last day)").fill(isoDay(30));
  await ask.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  // The redirect opened another page: the confirmation came with it.
  await expect(flash(page)).toHaveText(/Request \d+ sent\./);
  const url = page.url();

  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [manager, reviewer] = await Promise.all(contexts.map((c) => c.newPage()));
    await signIn(manager!, USERS.manager, { callbackPath: url });
    await expectQuietRegion(manager!);
    await manager!.getByRole("form", { name: "Decide" }).getByRole("button", { name: "Approve" }).click();
    await expect(manager!.getByRole("form", { name: "Decide" })).toHaveCount(0);
    await expect(flash(manager!)).toHaveText(/Approved: waiting for security\./);

    await signIn(reviewer!, USERS.reviewer, { callbackPath: url });
    const decide = reviewer!.getByRole("form", { name: "Decide" });
    const endsOn = isoDay(20);
    await decide.getByLabel("Valid until (last day)").fill(endsOn);
    await decide.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer!.getByRole("form", { name: "Decide" })).toHaveCount(0);
    await expect(flash(reviewer!)).toHaveText(new RegExp(`Approved: the exception is granted through ${shownDay(endsOn)}\\.`));

    // Revoking asks first; Escape steps back without revoking, focus on Revoke again.
    const revoke = reviewer!.getByRole("form", { name: "Revoke this grant" });
    await revoke.getByLabel("Reason").fill("Recordings were kept longer than agreed.");
    await revoke.getByRole("button", { name: "Revoke" }).click();
    const yes = revoke.getByRole("button", { name: "Yes, revoke" });
    await expect(yes).toBeFocused();
    await expect(revoke.getByRole("group", { name: /Revoke this grant\?/ })).toBeVisible();
    await reviewer!.keyboard.press("Escape");
    await expect(yes).toHaveCount(0);
    await expect(revoke.getByRole("button", { name: "Revoke" })).toBeFocused();
    await expect(reviewer!.getByTestId("grant")).toContainText(`Valid through ${shownDay(endsOn)}`);

    await reviewer!.keyboard.press("Enter");
    await expect(yes).toBeFocused();
    await reviewer!.keyboard.press("Enter");
    await expect(reviewer!.getByTestId("grant")).toContainText("Revoked on");
    await expect(flash(reviewer!)).toHaveText(/Grant revoked\./);
    // One-shot: the next page does not repeat it.
    await reviewer!.goto("/requests");
    await expect(flash(reviewer!)).toHaveText("");
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("joining a request confirms itself once the form is gone", async ({ page, browser }) => {
  const tool = `Quokka Notes ${Date.now().toString(36)}`;
  await signIn(page, USERS.employee, { callbackPath: `/requests/new?name=${encodeURIComponent(tool)}` });
  const ask = page.getByRole("form", { name: "Request a review of a new tool" });
  await ask.getByLabel("Purpose").fill("Meeting notes");
  await ask.getByLabel("Justification").fill("The approved wiki has no offline mode for field visits.");
  await ask.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(flash(page)).toHaveText(/Request \d+ sent\./);
  const number = /Request (\d+)/.exec((await flash(page).textContent()) ?? "")![1];

  const context = await browser.newContext();
  try {
    const colleague = await context.newPage();
    await signIn(colleague, USERS.reviewer2, { callbackPath: page.url() });
    await expectQuietRegion(colleague);
    const join = colleague.getByRole("form", { name: "Join this request" });
    await join.getByLabel("Why you need it too").fill("Same field visits.");
    await join.getByRole("button", { name: "I need this too" }).click();
    await expect(colleague.getByRole("form", { name: "Join this request" })).toHaveCount(0);
    await expect(flash(colleague)).toHaveText(`✓ You joined request ${number}: 2 people are asking.`);
    await colleague.getByRole("button", { name: "Dismiss" }).click();
    await expect(flash(colleague)).toHaveText("");
  } finally {
    await context.close();
  }
});

test("confirming as second reviewer confirms itself", async ({ page, browser }) => {
  await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/pastebin" });
  const form = page.getByRole("form", { name: "Record a classification decision" });
  await form.getByLabel("Status").selectOption({ label: "Approved with conditions" });
  await form.getByLabel("Highest data class allowed").selectOption({ label: "Public" });
  await form.getByLabel("Conditions").fill("Public snippets only");
  await form.getByLabel("Rationale").fill("Developer relations share public examples; pastes expire after a day.");
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("pending-decision")).toBeVisible();

  const context = await browser.newContext();
  try {
    const second = await context.newPage();
    await signIn(second, USERS.reviewer2, { callbackPath: "/manage/software/pastebin" });
    await expectQuietRegion(second);
    await second.getByTestId("pending-decision").getByRole("button", { name: "Confirm as second reviewer" }).click();
    await expect(second.getByTestId("pending-decision")).toHaveCount(0);
    await expect(flash(second)).toHaveText(/Confirmed\. The decision is now in effect\./);
  } finally {
    await context.close();
  }
});

/** Answers known to complete the default questionnaire (as in assessment.spec.ts): question id → option label. */
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

test("completing an assessment confirms itself, and the questionnaire's old 'Draft saved.' does not stand beside it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, USERS.reviewer, { callbackPath: "/manage/software/deepseek" });
  await page.getByRole("form", { name: "Start an assessment" }).getByRole("button", { name: "Start assessment" }).click();
  await expect(page).toHaveURL(/\/manage\/assessments\/[0-9a-f-]{36}$/);
  await expect(flash(page)).toHaveText(/Assessment started\./);

  const questionnaire = page.getByRole("form", { name: "Questionnaire" });
  await answerAll(page, AGENT);
  await questionnaire.getByRole("button", { name: "Save draft" }).click();
  await expect(questionnaire.getByTestId("form-message")).toHaveText("Draft saved.");
  await page.getByRole("form", { name: "Submit for review" }).getByRole("button", { name: "Submit for review" }).click();
  await expect(flash(page)).toHaveText(/Submitted for review\./);
  await page.getByRole("form", { name: "Complete assessment" }).getByRole("button", { name: "Complete assessment" }).click();
  await expect(page.getByTestId("assessment-status")).toContainText("completed");
  await expect(flash(page)).toHaveText(/Completed: \w+ inherent risk\./);
  await expect(questionnaire.getByTestId("form-message")).toHaveText("");
});
