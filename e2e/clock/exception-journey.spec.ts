import type { Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { DAY_MS, moveClock, resetClock, setClockOffset } from "../support/clock";
import { USERS } from "../support/constants";
import { runSweepNow } from "../support/jobs";
import { query } from "../support/db";
import { waitForMail } from "../support/mail";
import { shownDay } from "../support/dates";

/**
 * Issue 4's whole journey: the employee asks for an exception for Claude Code, the manager and
 * then a reviewer approve (30 days, with a condition), the employee's verdict is allowed by
 * exception; then the app's clock moves to a week before the end, a day before, and past it,
 * and each time the scheduled sweep runs through the real job queue and mail arrives over SMTP.
 *
 * It moves the clock for the whole app, so it runs in its own Playwright project after every
 * other test (playwright.config.ts).
 */

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

async function confidentialVerdict(page: Page) {
  const matrix = page.getByRole("table", { name: "Which data classes are allowed" });
  return matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Confidential", exact: true }) }).locator("[data-verdict]");
}

test("an exception for Claude Code: asked, approved twice, in force, reminded, and ended by the clock", async ({ page, browser }) => {
  test.setTimeout(180_000);
  resetClock();
  // A retry starts clean: what an earlier attempt left (an open request, a grant) is set aside.
  await query(`UPDATE requests SET status = 'withdrawn' WHERE status IN ('awaiting_manager', 'awaiting_security', 'awaiting_confirmation')
    AND software_id = (SELECT id FROM software WHERE slug = 'claude-code') AND requester_id = (SELECT id FROM users WHERE email = $1)`, [USERS.employee]);
  await query(`UPDATE grants SET revoked_at = now(), revoke_reason = 'e2e retry' WHERE revoked_at IS NULL
    AND software_id = (SELECT id FROM software WHERE slug = 'claude-code') AND user_id = (SELECT id FROM users WHERE email = $1)`, [USERS.employee]);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    // 1. The employee asks.
    await signIn(page, USERS.employee, { callbackPath: "/software/claude-code" });
    await expect(await confidentialVerdict(page)).toHaveAttribute("data-verdict", "exception_required");
    await page.getByRole("link", { name: "Ask for an exception" }).click();
    const ask = page.getByRole("form", { name: "Request an exception" });
    await ask.getByLabel("Most sensitive data you will use it with").selectOption({ label: "Confidential" });
    await ask.getByLabel("Until (last day)").fill(isoDay(60));
    await ask.getByLabel("Purpose").fill("Migrate the billing service to the new payments API");
    await ask.getByLabel("Justification").fill("Hundreds of mechanical call-site changes; I will run it in the dev container with prompts on.");
    await ask.getByRole("button", { name: "Send request" }).click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
    const requestUrl = page.url();
    await expect(page.getByTestId("request-holder")).toContainText("Waiting for Morgan Manager");
    await waitForMail(USERS.manager, "Emery Employee asks to use Claude Code");

    // 2. The manager approves from the inbox.
    const [manager, reviewer] = await Promise.all(contexts.map((c) => c.newPage()));
    await signIn(manager!, USERS.manager);
    await manager!.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    await manager!.getByRole("link", { name: "Waiting for me" }).click();
    // Other journeys leave requests of their own in this inbox: open this one by its tool.
    await manager!.getByTestId("manager-inbox").getByTestId("request-row").filter({ hasText: "Claude Code" }).getByRole("link", { name: /Exception/ }).click();
    await expect(manager!).toHaveURL(requestUrl);
    const managerDecision = manager!.getByRole("form", { name: "Decide" });
    await managerDecision.getByLabel("Comment (optional)").fill("Fine for the payments migration.");
    await managerDecision.getByRole("button", { name: "Approve" }).click();
    // The step moves on, and with it the decision form.
    await expect(manager!.getByTestId("request-holder")).toContainText("Waiting for security");
    await expect(manager!.getByRole("form", { name: "Decide" })).toHaveCount(0);

    // 3. A reviewer sees the tool's classification beside the buttons and approves for 30 days with a condition.
    await signIn(reviewer!, USERS.reviewer, { callbackPath: "/requests/inbox" });
    await reviewer!.getByTestId("security-queue").getByTestId("request-row").filter({ hasText: "Claude Code" }).getByRole("link", { name: /Exception/ }).click();
    await expect(reviewer!).toHaveURL(requestUrl);
    await expect(reviewer!.getByRole("complementary", { name: "The tool now" }).locator("[data-status]")).toHaveAttribute("data-status", "restricted");
    const endsOn = isoDay(30);
    const securityDecision = reviewer!.getByRole("form", { name: "Decide" });
    await securityDecision.getByLabel("Valid until (last day)").fill(endsOn);
    await securityDecision.getByLabel("Conditions (one per line)").fill("Keep permission prompts on");
    await securityDecision.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer!.getByTestId("grant")).toContainText(`Valid through ${shownDay(endsOn)} for Confidential data.`);
    await expect(reviewer!.getByTestId("grant")).toContainText("Keep permission prompts on");

    // 4. The employee's answer is now "allowed by exception", on the page and in the API.
    await page.goto("/software/claude-code");
    await expect(await confidentialVerdict(page)).toHaveAttribute("data-verdict", "allowed_by_exception");
    const api = await (await page.request.get("/api/v1/check?q=claude-code&dataClass=confidential")).json();
    expect(api).toMatchObject({ verdict: "allowed_by_exception", conditions: ["Keep permission prompts on"] });
    expect(api.reasons[0]).toContain(`valid through ${endsOn}`);
    await waitForMail(USERS.employee, "Exception granted: Claude Code");

    // 5. A week before the end, and a day before: one reminder each.
    const endsAt = Date.parse(`${endsOn}T00:00:00Z`) + DAY_MS;
    setClockOffset(endsAt - 6 * DAY_MS - Date.now());
    await runSweepNow();
    const weekBefore = await waitForMail(USERS.employee, "Your exception for Claude Code ends in 7 days");
    expect(weekBefore.text).toContain(`valid through ${shownDay(endsOn)}`);
    moveClock(5.5 * DAY_MS);
    await runSweepNow();
    await waitForMail(USERS.employee, "Your exception for Claude Code ends tomorrow");

    // 6. Past the end: the verdict is back at once, the sweep ends the grant and says so.
    setClockOffset(endsAt + 60_000 - Date.now());
    await page.goto("/software/claude-code");
    await expect(await confidentialVerdict(page)).toHaveAttribute("data-verdict", "exception_required");
    expect((await (await page.request.get("/api/v1/check?q=claude-code&dataClass=confidential")).json()).verdict).toBe("exception_required");
    await runSweepNow();
    const ended = await waitForMail(USERS.employee, "Your exception for Claude Code has ended");
    expect(ended.text).toContain(`valid through ${shownDay(endsOn)}`);
    await page.goto(requestUrl);
    // It says how it ended, not a green "Approved".
    const expiredOn = new Date(endsAt).toISOString().slice(0, 10);
    await expect(page.getByTestId("grant")).toContainText(`Expired on ${shownDay(expiredOn)}: it was valid through ${shownDay(endsOn)}.`);
    await expect(page.getByTestId("grant-ended")).toHaveText(`Expired on ${shownDay(expiredOn)}`);
    await expect(page.getByTestId("request-event").last()).toContainText("The exception ended");
  } finally {
    resetClock();
    await Promise.all(contexts.map((c) => c.close()));
  }
});
