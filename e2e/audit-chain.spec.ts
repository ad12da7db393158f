import { expect, test } from "@playwright/test";
import { followNavLink, mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { query } from "./support/db";

test.describe("the audit trail's hash chain", () => {
  test("an admin sees the chain's head, verifies it, and is shown the first broken link after a row is rewritten behind the app", async ({ page }) => {
    await signIn(page, USERS.admin);
    await followNavLink(page, "Audit trail");
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    const [{ position } = { position: "0" }] = await query<{ position: string }>("SELECT max(position)::text AS position FROM audit_events");
    // Other journeys write beside this one: the head is at least where it was.
    expect(Number(await page.getByTestId("chain-head-position").textContent())).toBeGreaterThanOrEqual(Number(position));
    await expect(page.getByTestId("chain-head-hash")).toHaveText(/^[0-9a-f]{64}$/);

    await page.getByRole("button", { name: "Verify the whole chain" }).click();
    await expect(page.getByRole("status")).toContainText("The chain holds: all");

    // The table's owner rewrites the first event behind the append-only trigger; then puts it back.
    const [first] = await query<{ id: string; actor_email: string | null }>("SELECT id::text, actor_email FROM audit_events WHERE position = 1");
    const rewrite = (email: string | null) =>
      query(
        `DO $$ BEGIN
           ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
           UPDATE audit_events SET actor_email = ${email === null ? "NULL" : `'${email.replaceAll("'", "''")}'`} WHERE position = 1;
           ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
         END $$`,
      );
    await rewrite("someone-else@example.com");
    try {
      await page.reload();
      await expect(page.getByRole("status")).toContainText(`The chain is broken at position 1: event ${first!.id} of`);
      await expect(page.getByRole("status")).toContainText("it was changed");
    } finally {
      await rewrite(first!.actor_email);
    }
    await page.reload();
    await expect(page.getByRole("status")).toContainText("The chain holds: all");

    // A head line from the log, held against the database.
    const head = (await page.getByTestId("chain-head-hash").textContent())!;
    const headPosition = (await page.getByTestId("chain-head-position").textContent())!;
    await page.getByLabel("Log line").fill(`[audit] audit chain head: position ${headPosition} hash ${head}`);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.getByTestId("logged-head")).toHaveText(`The event at position ${headPosition} still has the logged hash.`);
    await page.getByLabel("Log line").fill(`audit chain head: position ${headPosition} hash ${"0".repeat(64)}`);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.getByTestId("logged-head")).toHaveAttribute("data-status", "differs");
  });

  test("reviewers and employees cannot open it, and are not offered it", async ({ browser }) => {
    for (const user of [USERS.reviewer, USERS.employee]) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await signIn(page, user);
        await expect(mainNav(page).getByRole("link", { name: "Audit trail" })).toHaveCount(0);
        const response = await page.goto("/admin/audit?verify=1");
        expect(response?.status(), user).toBe(403);
        await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      } finally {
        await context.close();
      }
    }
  });
});
