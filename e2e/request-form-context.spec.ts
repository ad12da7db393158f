import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { createEmployee } from "./support/db";

/**
 * Issue 11, item 8: before sending an exception request, the requester reads the conditions of
 * the classification in force, the approved alternatives to try first (linked to their approved
 * edition, as on the software page), each step's SLA and the typical decision time.
 */

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

test("the exception form shows the tool's conditions, the alternatives to try first and how long it will take", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The demo employee has a manager: two steps, each with its SLA from settings.
  await signIn(page, USERS.employee, { callbackPath: "/requests/new?software=claude-code" });
  const context = page.getByRole("region", { name: "Before you ask" });
  const tryFirst = context.getByTestId("try-first");
  await expect(tryFirst).toContainText("Try these first");
  // GitHub Copilot's Free edition is prohibited: the link opens its approved edition.
  await expect(tryFirst.getByRole("link", { name: "GitHub Copilot Business" })).toHaveAttribute("href", "/software/github-copilot#edition-business");
  await expect(tryFirst.getByRole("link", { name: "Continue" })).toHaveAttribute("href", /^\/software\/continue/);
  await expect(context.getByTestId("tool-conditions")).toContainText("Keep permission prompts on; never skip permission checks");
  const timing = context.getByTestId("request-timing");
  await expect(timing.getByRole("listitem")).toHaveText([/^Your manager decides within \d+ days?; past that it is escalated\.$/, /^Security decides within \d+ days?; past that it is escalated\.$/]);
  // The form itself is still below.
  await expect(page.getByRole("form", { name: "Request an exception" })).toBeVisible();

  // A decision is recorded (a new employee without a manager asks, security approves) …
  const asker = await createEmployee("asker");
  const askerPage = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();
  try {
    await signIn(askerPage, asker.email, { callbackPath: "/requests/new?software=claude-code" });
    // No manager on record: security only.
    await expect(askerPage.getByTestId("request-timing").getByRole("listitem")).toHaveText([/^Security decides within \d+ days?/]);
    const ask = askerPage.getByRole("form", { name: "Request an exception" });
    await ask.getByLabel("Most sensitive data you will use it with").selectOption({ label: "Internal" });
    await ask.getByLabel("Until (last day)").fill(isoDay(20));
    await ask.getByLabel("Purpose").fill("Try it on the docs site");
    await ask.getByLabel("Justification").fill("Copilot does not edit across the whole repository.");
    await ask.getByRole("button", { name: "Send request" }).click();
    await expect(askerPage).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);

    await signIn(reviewer, USERS.reviewer, { callbackPath: new URL(askerPage.url()).pathname });
    const decide = reviewer.getByRole("form", { name: "Decide" });
    await decide.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer.locator("[data-request-status=approved]")).toBeVisible();
  } finally {
    await askerPage.context().close();
    await reviewer.context().close();
  }

  // … so there is history: the typical decision time is the median of the last 90 days.
  await page.reload();
  await expect(page.getByTestId("typical-decision-time")).toHaveText(/^(Under an hour|About .+) \(the median of the \d+ requests? decided in the last 90 days\)\.$/);
});
