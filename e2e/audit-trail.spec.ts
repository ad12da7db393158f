import { expect, test } from "./support/test";
import { followNavLink, signIn } from "./support/auth";
import { USERS } from "./support/constants";

const today = () => new Date().toISOString().slice(0, 10);

test("an admin reads every change as a sentence, with the changed fields side by side, and filters by action, person, entity and dates", async ({ page }) => {
  test.setTimeout(90_000);
  // Something of the admin's own to find: a token made and revoked.
  await signIn(page, USERS.admin, { callbackPath: "/admin/tokens" });
  const name = `Audit view ${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /check:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByTestId("token-secret")).toBeVisible();

  await followNavLink(page, "Audit trail");
  // The hash chain is still verified here.
  await expect(page.getByTestId("chain-head-position")).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter the audit trail" });
  const events = page.getByTestId("audit-event");

  // By action and person: the admin's token, in words, with what it holds.
  await filters.getByLabel("Action").selectOption({ label: "API token created" });
  await filters.getByLabel("Who").selectOption({ label: "Avery Admin" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=token\.created/);
  const mine = events.filter({ hasText: name });
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText(`Avery Admin created the API token “${name}”.`);
  await expect(mine.first().getByTestId("audit-changes").locator('[data-field="scopes"]')).toContainText("check:read");
  for (const text of await events.allTextContents()) expect(text).toContain("created the API token");
  await expect(page.locator("body")).not.toContainText("token.created");

  // By entity: users, which had no view before.
  await page.goto("/admin/audit?entity=user");
  await expect(events.filter({ hasText: "added Emery Employee as employee" })).toHaveCount(1);

  // Seeded decisions, dated on their decision's day (not today), the tool named and linked, before → after.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/admin/audit?action=classification.decided&to=${yesterday}`);
  const decided = events.first();
  await expect(decided).toContainText(/^Riley Reviewer classified .+ as (approved|approved with conditions|restricted|prohibited|under review)\./);
  expect((await decided.locator("time").getAttribute("datetime"))!.slice(0, 10) < today()).toBe(true);
  await expect(decided.getByRole("link").first()).toHaveAttribute("href", /^\/software\//);
  await expect(decided.getByTestId("audit-changes").locator('[data-field="status"]')).toBeVisible();

  // By dates: nothing happened tomorrow; today holds the admin's token.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await filters.getByLabel("Action").selectOption({ label: "Any action" });
  await filters.getByLabel("From (day)").fill(tomorrow);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No event matches these filters.")).toBeVisible();
  await filters.getByLabel("From (day)").fill(today());
  await filters.getByLabel("To (day)").fill(today());
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(events.filter({ hasText: name })).toHaveCount(1);
  await expect(events.filter({ hasText: "classified Slack" })).toHaveCount(0);
  await filters.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
});

test("a software's trail and Manage's recent changes name and link the tool instead of showing action keys", async ({ page }) => {
  await signIn(page, USERS.reviewer, { callbackPath: "/software/slack/audit" });
  const events = page.getByTestId("audit-event");
  const slack = events.filter({ hasText: "Riley Reviewer classified Slack (Free workspace) as prohibited." });
  await expect(slack).toHaveCount(1);
  // Dated on the decision's day, not on the day the demo was seeded; the tool linked; before → after.
  expect((await slack.locator("time").getAttribute("datetime"))!.slice(0, 10) < today()).toBe(true);
  await expect(slack.getByRole("link", { name: "Slack" })).toHaveAttribute("href", "/software/slack");
  await expect(slack.getByTestId("audit-changes").locator('[data-field="status"]')).toContainText("Prohibited");
  await expect(page.locator("main")).not.toContainText("classification.decided");
  await expect(page.locator("main")).not.toContainText("demo seed by");

  await page.goto("/manage");
  const recent = page.getByRole("region", { name: "Recent changes" }).getByTestId("audit-event");
  await expect(recent.first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent changes" })).not.toContainText(/\b[a-z_]+\.(decided|created|updated)\b/);
  // Every event about a tool links it.
  for (const event of await recent.all()) {
    const action = await event.getAttribute("data-action");
    if (action?.startsWith("classification.") || action?.startsWith("software.")) await expect(event.getByRole("link").first()).toHaveAttribute("href", /^\/software\//);
  }
});
