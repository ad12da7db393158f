import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { createEmployee, query } from "./support/db";

/**
 * Issue 11, item 7: the manager sees how many requests wait for them, each with the tool's
 * answer, assessed tier and main risks, and decides in place, by keyboard. A manager and a
 * report of their own, so that no other journey's requests change the count.
 */
test("a manager sees the count, reads the tool's risk in the row, approves in place by keyboard, and the count drops", async ({ page, browser }) => {
  const manager = await createEmployee("mona");
  const report = await createEmployee("rico");
  await query("UPDATE users SET role = 'manager' WHERE id = $1", [manager.id]);
  await query("UPDATE users SET manager_id = $1 WHERE id = $2", [manager.id, report.id]);

  // The report asks for an exception for Otter.ai (restricted; the demo seed assessed it high risk).
  const context = await browser.newContext();
  try {
    const asker = await context.newPage();
    await signIn(asker, report.email, { callbackPath: "/requests/new?software=otter-ai&dataClass=internal" });
    const ask = asker.getByRole("form", { name: "Request an exception" });
    await ask.getByLabel("Purpose").fill("Transcribe the quarterly sales kick-off");
    await ask.getByLabel("Justification").fill("The recording must be searchable for the new hires.");
    await ask.getByLabel("Until (last day)").fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await ask.getByRole("button", { name: "Send request" }).click();
    await expect(asker).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  } finally {
    await context.close();
  }

  await signIn(page, manager.email);
  const badge = mainNav(page).getByTestId("requests-waiting-count");
  await expect(badge).toHaveText(", waiting for you: 1");
  await expect(mainNav(page).getByRole("link", { name: /^Requests\s*, waiting for you: 1$/ })).toBeVisible();
  await mainNav(page).getByRole("link", { name: /^Requests/ }).click();
  await page.getByRole("link", { name: "Waiting for me" }).click();

  const inbox = page.getByTestId("manager-inbox");
  const row = inbox.getByTestId("request-row").filter({ hasText: "Otter.ai" });
  await expect(row).toContainText(`for ${report.name}`);
  const risk = row.getByTestId("risk-summary");
  await expect(risk.locator("[data-status]")).toHaveAttribute("data-status", "restricted");
  await expect(risk.locator('[data-level="high"]')).toBeVisible();
  await expect(risk).toContainText("Main risks: Data exposure (high), vendor trust (medium), compliance (medium)");

  // Keyboard only: from the request's link, Tab to the comment, type, Tab to Approve, Enter.
  await row.getByRole("link", { name: /Exception/ }).focus();
  await page.keyboard.press("Tab"); // the tool's page
  await page.keyboard.press("Tab");
  const comment = row.getByLabel("Comment (optional)");
  await expect(comment).toBeFocused();
  await page.keyboard.type("Fine for the kick-off recording.");
  await page.keyboard.press("Tab");
  await expect(row.getByRole("button", { name: "Approve" })).toBeFocused();
  await page.keyboard.press("Enter");

  const confirmation = page.getByTestId("inbox-confirmation");
  await expect(confirmation).toHaveText(/You approved request \d+ \(Otter\.ai\): it now waits for security\./);
  await expect(confirmation).toBeFocused();
  await expect(inbox.getByTestId("request-row")).toHaveCount(0);
  await expect(inbox).toContainText("Nothing waiting for you from your team.");
  await expect(badge).toHaveCount(0);

  // Through the same decision rules: the step moved on with the manager's comment on the timeline.
  const [decided] = await query<{ status: string; body: string }>(
    `SELECT r.status::text AS status, e.body FROM requests r JOIN request_events e ON e.request_id = r.id AND e.kind = 'manager_approved'
     WHERE r.requester_id = $1`,
    [report.id],
  );
  expect(decided).toEqual({ status: "awaiting_security", body: "Fine for the kick-off recording." });
});

test("a refused decision in place says why beside the form and leaves the row", async ({ page }) => {
  const manager = await createEmployee("mina");
  const report = await createEmployee("remy");
  await query("UPDATE users SET role = 'manager' WHERE id = $1", [manager.id]);
  await query("UPDATE users SET manager_id = $1 WHERE id = $2", [manager.id, report.id]);
  const [request] = await query<{ id: string }>(
    `INSERT INTO requests (kind, status, requester_id, manager_id, software_id, data_class, purpose, justification, ends_on, step_entered_at, step_due_at, idempotency_key)
     SELECT 'exception', 'awaiting_manager', $1, $2, id, 'internal', 'Field interviews', 'Needed for the study.', (now() + interval '20 days')::date, now(), now() + interval '3 days', gen_random_uuid()
     FROM software WHERE slug = 'otter-ai' RETURNING id`,
    [report.id, manager.id],
  );
  await signIn(page, manager.email, { callbackPath: "/requests/inbox" });
  const row = page.getByTestId("manager-inbox").getByTestId("request-row").filter({ hasText: "Otter.ai" });
  await expect(row).toBeVisible();
  // Meanwhile the report withdraws it: the server refuses a decision on the step the page showed.
  await query("UPDATE requests SET status = 'withdrawn', step_due_at = NULL WHERE id = $1", [request!.id]);
  await query("INSERT INTO request_events (request_id, actor_id, kind) VALUES ($1, $2, 'withdrawn')", [request!.id, report.id]);
  await row.getByLabel("Comment (optional)").fill("Not this quarter.");
  await row.getByRole("button", { name: "Reject" }).click();
  await expect(row).toContainText(`This step was already decided by ${report.name}: the request is now "withdrawn".`);
  await expect(row.getByLabel("Comment (optional)")).toHaveValue("Not this quarter.");
  const [still] = await query<{ status: string }>("SELECT status::text AS status FROM requests WHERE id = $1", [request!.id]);
  expect(still!.status).toBe("withdrawn");
});
