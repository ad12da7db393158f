import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { createEmployee, query } from "./support/db";
import { shownDay } from "./support/dates";

/**
 * Issue 11, item 2: a grant holder is told their exception's terms — data class, conditions,
 * last day, days left, the request — on the software page, in search results, on /check and in
 * the check API; and once the grant is revoked or has expired, its request says so instead of a
 * green "Approved". The holder is a new employee (no manager: straight to security), so no other
 * journey's grants show through.
 */

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

async function askForClaudeCode(page: Page): Promise<string> {
  await page.goto("/software/claude-code");
  await page.getByRole("link", { name: "Ask for an exception" }).click();
  const ask = page.getByRole("form", { name: "Request an exception" });
  await ask.getByLabel("Most sensitive data you will use it with").selectOption({ label: "Confidential" });
  await ask.getByLabel("Until (last day)").fill(isoDay(60));
  await ask.getByLabel("Purpose").fill("Migrate the billing service to the new payments API");
  await ask.getByLabel("Justification").fill("Hundreds of mechanical call-site changes, in the dev container.");
  await ask.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test("a grant holder reads their exception's terms everywhere the answer is shown, and its request says when it ended", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const holder = await createEmployee("holder");
  await signIn(page, holder.email, { callbackPath: "/software/claude-code" });
  await expect(page.getByTestId("your-grant")).toHaveCount(0);
  const requestPath = await askForClaudeCode(page);

  // Security approves for 30 days, with a condition.
  const endsOn = isoDay(30);
  const reviewer = await (await browser.newContext()).newPage();
  try {
    await signIn(reviewer, USERS.reviewer, { callbackPath: requestPath });
    const decide = reviewer.getByRole("form", { name: "Decide" });
    await decide.getByLabel("Valid until (last day)").fill(endsOn);
    await decide.getByLabel("Conditions (one per line)").fill("Keep permission prompts on");
    await decide.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer.getByTestId("grant")).toContainText(`Valid through ${shownDay(endsOn)}`);
  } finally {
    await reviewer.context().close();
  }

  // 1. The software page: the terms beside the answer, not only "Not allowed without an approved exception".
  await page.goto("/software/claude-code");
  const grant = page.getByTestId("your-grant");
  await expect(grant).toContainText("You hold an exception to use Claude Code.");
  await expect(grant).toContainText("Up to Confidential");
  await expect(grant).toContainText(`${shownDay(endsOn)} (30 days left)`);
  await expect(grant).toContainText("Keep permission prompts on");
  await expect(grant.getByRole("link", { name: "See the request that granted it" })).toHaveAttribute("href", requestPath);
  await expect(page.getByTestId("status-meaning")).toContainText("You hold an exception: its terms are below.");

  // 2. Home search: the result carries the holder's exception.
  await page.goto("/");
  await page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" }).fill("claude code");
  const hit = page.getByRole("option").filter({ hasText: "Claude Code" }).first();
  await expect(hit.getByTestId("hit-grant")).toHaveText(`Your exception: Confidential data, last day ${endsOn} (30 days left).`);

  // 3. The bulk check page.
  await page.goto("/check");
  await page.getByLabel("…or names, one per line").fill("@anthropic-ai/claude-code");
  await page.getByRole("button", { name: "Check" }).click();
  const itemGrant = page.getByTestId("item-grant");
  await expect(itemGrant).toContainText(`Your exception: Confidential data, last day ${endsOn} (30 days left).`);
  await expect(itemGrant.getByRole("link", { name: "See the request" })).toHaveAttribute("href", requestPath);

  // 4. The check API.
  const answer = await (await page.request.get("/api/v1/check?q=claude-code&dataClass=confidential")).json();
  expect(answer).toMatchObject({
    verdict: "allowed_by_exception",
    grant: { dataClass: "confidential", conditions: ["Keep permission prompts on"], endsOn, daysLeft: 30, request: { id: requestPath.split("/").pop() } },
  });

  // 5. Revoked: the request leads with it instead of "Approved".
  await page.goto(requestPath);
  await expect(page.locator("[data-request-status=approved]")).toHaveText("Approved");
  await query("UPDATE grants SET revoked_at = now(), revoke_reason = 'Left the payments project' WHERE request_id = $1", [requestPath.split("/").pop()]);
  await page.reload();
  await expect(page.getByTestId("grant-ended")).toHaveText(`Revoked on ${shownDay(isoDay(0))}`);
  await expect(page.locator("[data-request-status=approved]")).toHaveCount(0);

  // 6. Expired: its last day was yesterday.
  await query(
    "UPDATE grants SET revoked_at = NULL, revoke_reason = NULL, starts_at = now() - interval '3 days', ends_on = $2::date, ends_at = ($2::date + 1)::timestamp AT TIME ZONE 'UTC' WHERE request_id = $1",
    [requestPath.split("/").pop(), isoDay(-1)],
  );
  await page.reload();
  await expect(page.getByTestId("grant-ended")).toHaveText(`Expired on ${shownDay(isoDay(0))}`);
  await expect(page.getByTestId("grant")).toContainText(`it was valid through ${shownDay(isoDay(-1))}.`);
  await page.goto("/software/claude-code");
  await expect(page.getByTestId("your-grant")).toHaveCount(0);
});
