import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { query } from "./support/db";

/**
 * Requests in the browser. Each test uses tools no other test asks about (Quokka-like names,
 * Windsurf, Gemini CLI), so they can run beside the rest. The full exception journey with the
 * clock moved past its end is e2e/clock/exception-journey.spec.ts.
 */

async function requestCount(): Promise<number> {
  const [row] = await query<{ n: string }>("SELECT count(*)::text AS n FROM requests");
  return Number(row!.n);
}

function searchBox(page: Page) {
  return page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" });
}

test("a search that finds nothing becomes a request for a review; a colleague joins it instead of asking again", async ({ page, browser }) => {
  const tool = `Quokka Whiteboard ${Date.now().toString(36)}`;
  await signIn(page, USERS.employee);
  await searchBox(page).fill(tool);
  await expect(page.getByTestId("no-results")).toBeVisible();
  await page.getByRole("link", { name: `Ask for a review of “${tool}”` }).click();
  const form = page.getByRole("form", { name: "Request a review of a new tool" });
  await expect(form.getByLabel("Tool name")).toHaveValue(tool);
  await form.getByLabel("Purpose").fill("Remote design workshops");
  await form.getByLabel("Justification").fill("Miro is approved but the workshop facilitators need offline boards.");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("request-holder")).toContainText("Waiting for Morgan Manager");
  const url = page.url();

  const context = await browser.newContext();
  try {
    const colleague = await context.newPage();
    await signIn(colleague, USERS.reviewer2, { callbackPath: "/requests/new" });
    const ask = colleague.getByRole("form", { name: "Request a review of a new tool" });
    await ask.getByLabel("Tool name").fill(tool.toLowerCase());
    const suggestions = ask.getByTestId("request-suggestions");
    await expect(suggestions).toContainText("Already requested");
    await suggestions.getByRole("link", { name: new RegExp(tool) }).click();
    await expect(colleague).toHaveURL(url);
    const join = colleague.getByRole("form", { name: "Join this request" });
    await join.getByLabel("Why you need it too").fill("Security architecture reviews happen on whiteboards too.");
    await join.getByRole("button", { name: "I need this too" }).click();
    await expect(colleague.getByTestId("demand")).toHaveText("2");
    await expect(colleague.getByTestId("request-event").last()).toContainText("Robin Reviewer asked for it too");
    // Having joined, they are not offered the decision either.
    await expect(colleague.getByRole("form", { name: "Decide" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("bad exception requests are refused beside the field and create nothing", async ({ page }) => {
  await signIn(page, USERS.employee, { callbackPath: "/software/windsurf" });
  await page.getByRole("link", { name: "Ask for an exception" }).click();
  const form = page.getByRole("form", { name: "Request an exception" });
  const before = await requestCount();

  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.locator('[data-field-error="dataClass"]')).toContainText("Choose a data class");
  await expect(form.locator('[data-field-error="purpose"]')).toContainText("required");

  await form.getByLabel("Most sensitive data you will use it with").selectOption({ label: "Internal" });
  await form.getByLabel("Purpose").fill("Prototype the onboarding flow");
  await form.getByLabel("Justification").fill("x".repeat(50));
  await form.getByLabel("Until (last day)").fill("2020-01-01");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.locator('[data-field-error="endsOn"]')).toHaveText("The end date is in the past.");

  await form.getByLabel("Until (last day)").fill("2099-12-31");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.locator('[data-field-error="endsOn"]')).toContainText("at most 90 days ahead");
  await expect(form.getByLabel("Purpose")).toHaveValue("Prototype the onboarding flow");
  expect(await requestCount()).toBe(before);

  // An unknown tool in the address is a 404, not an error page.
  expect((await page.goto("/requests/new?software=no-such-tool"))?.status()).toBe(404);
});

test("an employee has no inbox; an admin can read an exception request but not decide it", async ({ page, browser }) => {
  await signIn(page, USERS.employee, { callbackPath: "/requests/new?software=gemini-cli&dataClass=confidential" });
  const form = page.getByRole("form", { name: "Request an exception" });
  await form.getByLabel("Purpose").fill("Generate test fixtures");
  await form.getByLabel("Justification").fill("Faster than writing them by hand; no customer data involved.");
  const end = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Until (last day)").fill(end);
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const url = page.url();
  expect((await page.goto("/requests/inbox"))?.status()).toBe(403);

  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signIn(admin, USERS.admin);
    await admin.goto(url);
    // Admins may read it (security oversight) but the decision belongs to the manager.
    await expect(admin.getByRole("heading", { level: 1 })).toContainText("Exception: Gemini CLI");
    await expect(admin.getByRole("form", { name: "Decide" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
