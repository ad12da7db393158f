import { expect, test } from "./support/test";
import { followNavLink, mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { createEmployee, insertNotice, query } from "./support/db";
import { runSweepNow } from "./support/jobs";
import { readMail, waitForMail } from "./support/mail";

test.describe("notifications", () => {
  test("an employee sees the unread count, reads the list newest first, marks one read and then all", async ({ page }) => {
    const nora = await createEmployee("nora");
    await insertNotice(nora.id, { title: "Older: your request was received", body: "Request 1 is with your manager." });
    await insertNotice(nora.id, { title: "Newer: Claude Code exception approved", body: "Allowed until 2026-12-31.", link: "/software/claude-code" });

    await signIn(page, nora.email);
    const badge = mainNav(page).getByTestId("unread-count");
    await expect(badge).toHaveText(/2$/);
    await mainNav(page).getByRole("link", { name: /Notifications/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();

    const items = page.getByTestId("notification");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText("Newer: Claude Code exception approved");
    await expect(items.nth(1)).toContainText("Older: your request was received");
    await expect(items.nth(0).getByRole("link", { name: "Newer: Claude Code exception approved" })).toHaveAttribute("href", "/software/claude-code");

    await items.nth(1).getByRole("button", { name: "Mark as read" }).click();
    await expect(items.nth(1)).toHaveAttribute("data-read", "true");
    await expect(items.nth(1).getByRole("button", { name: "Mark as read" })).toHaveCount(0);
    await expect(badge).toHaveText(/1$/);

    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(items.nth(0)).toHaveAttribute("data-read", "true");
    await expect(badge).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("notification").and(page.locator('[data-read="false"]'))).toHaveCount(0);
    const audit = await query<{ action: string }>("SELECT action FROM audit_events WHERE actor_id = $1 ORDER BY id", [nora.id]);
    expect(audit.map((a) => a.action)).toEqual(["notification.read", "notifications.read_all"]);
  });

  test("another person's notifications are not listed, and a forged mark-read of one is refused and changes nothing", async ({ page }) => {
    const owner = await createEmployee("owen");
    const other = await createEmployee("olga");
    await insertNotice(owner.id, { title: "Only for Owen", body: "private" });
    await insertNotice(other.id, { title: "For Olga", body: "hers" });
    const [owens] = await query<{ id: string }>("SELECT id FROM notifications WHERE user_id = $1", [owner.id]);

    await signIn(page, other.email, { callbackPath: "/notifications" });
    await expect(page.getByTestId("notification")).toHaveCount(1);
    await expect(page.getByText("Only for Owen")).toHaveCount(0);
    // Olga's own form, pointed at Owen's notification.
    const form = page.getByRole("form", { name: "Mark “For Olga” as read" });
    await form.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), owens!.id);
    await form.getByRole("button", { name: "Mark as read" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("No such notification.");

    const rows = await query<{ title: string; read_at: Date | null }>("SELECT title, read_at FROM notifications WHERE user_id IN ($1, $2)", [owner.id, other.id]);
    expect(rows.every((r) => r.read_at === null), JSON.stringify(rows)).toBe(true);
    expect(await query("SELECT 1 FROM audit_events WHERE actor_id = $1", [other.id])).toHaveLength(0);
  });
});

test.describe("email and the outbox", () => {
  test("a notice's email reaches the SMTP server through the job queue, and an admin sees it sent in the outbox", async ({ page }) => {
    const nina = await createEmployee("nina");
    const title = `Grant ends in 7 days ${Date.now()}`;
    await insertNotice(nina.id, { title, body: "Your exception for Cursor ends on 2026-12-31 — ask again if you still need it." });

    await runSweepNow();
    const mail = await waitForMail(nina.email, title);
    expect(mail.to).toEqual([nina.email]);
    expect(mail.from).toBe("vetted@e2e.example");
    expect(mail.subject).toBe(`[Vetted] ${title}`);
    expect(mail.text).toContain("Your exception for Cursor ends on 2026-12-31 — ask again if you still need it.");

    await signIn(page, USERS.admin);
    await followNavLink(page, "Outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
    await expect(page.getByTestId("outbox-summary")).toContainText("Email is sent through 127.0.0.1:");
    const message = page.getByTestId("outbox-message").filter({ hasText: title });
    await expect(message).toHaveAttribute("data-status", "sent");
    await expect(message).toContainText(nina.email);
    await message.getByText(`[Vetted] ${title}`).click();
    await expect(message.getByText("Your exception for Cursor ends on 2026-12-31")).toBeVisible();
    // Sent once, however many sweeps run.
    await runSweepNow();
    expect((await readMail(nina.email)).filter((m) => m.subject.includes(title))).toHaveLength(1);
  });

  for (const role of ["employee", "reviewer"] as const) {
    test(`${role}s get no Outbox link and 403 at /admin/outbox`, async ({ page }) => {
      await signIn(page, USERS[role]);
      await expect(mainNav(page).getByRole("link", { name: "Outbox" })).toHaveCount(0);
      const response = await page.goto("/admin/outbox");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    });
  }
});

test.describe("chat webhook", () => {
  test("an admin must give an https URL; the settings show its host only, and it can be removed", async ({ page }) => {
    await signIn(page, USERS.admin, { callbackPath: "/admin/settings" });
    const form = page.getByRole("form", { name: "Chat webhook", exact: true });
    await expect(page.getByTestId("chat-webhook-status")).toHaveText(/No chat webhook/);

    await form.getByLabel("Incoming webhook URL").fill("http://hooks.example/services/plain");
    await form.getByRole("button", { name: "Save webhook" }).click();
    await expect(form.locator('[data-field-error="url"]')).toContainText("https://");
    await expect(page.getByTestId("chat-webhook-status")).toHaveText(/No chat webhook/);

    // .invalid never resolves: a notice created meanwhile fails to post, harmlessly.
    await form.getByLabel("Incoming webhook URL").fill("https://chat.invalid/services/T0/B0/secret-token");
    await form.getByRole("button", { name: "Save webhook" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Notices are now also posted to chat.invalid.");
    await expect(page.getByTestId("chat-webhook-status")).toHaveText("Every notice is also posted to an incoming webhook at chat.invalid.");
    await expect(page.getByText("secret-token")).toHaveCount(0);

    await page.getByRole("form", { name: "Remove chat webhook" }).getByRole("button", { name: "Remove webhook" }).click();
    await expect(page.getByTestId("chat-webhook-status")).toHaveText(/No chat webhook/);
  });
});
