import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { auditEvents, emailOutbox, notifications, settings, users } from "@/lib/db/schema";
import { createMailer, describeSmtpError, type Mailer } from "@/lib/delivery/email";
import { channels, deliverOutboxMessage, deliverPendingOutbox, type Channels } from "@/lib/delivery/outbox";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/jobs/names";
import { startJobRunner } from "@/lib/jobs/runner";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/mutations/notifications";
import { setChatWebhook } from "@/lib/mutations/settings";
import { notify, type Notice } from "@/lib/notifications";
import { countUnreadNotifications, listNotifications } from "@/lib/queries/notifications";
import { CHAT_WEBHOOK_KEY } from "@/lib/queries/settings";
import { runMutation } from "@/lib/server/guard";
import { makeUser } from "../support/fixtures";
import { startMailbox, type Mailbox } from "../support/mailbox";

// The chat hook below is a local receiver on 127.0.0.1, which the address policy allows only when named.
process.env.WEBHOOK_ALLOWED_CIDRS = "127.0.0.1/32";

const BASE = "https://vetted.test";
const SMTP_AUTH = { user: "vetted", pass: "s3cret-pa$$word" };

let db: Db;
let mailbox: Mailbox;
let mailer: Mailer;

beforeAll(async () => {
  db = await getDb();
  mailbox = await startMailbox({
    auth: SMTP_AUTH,
    refuse: (to) => (to.startsWith("refused-") ? { code: 550, message: `5.1.1 <${to}>: Recipient address rejected: User unknown` } : null),
  });
  mailer = createMailer({ host: "127.0.0.1", port: mailbox.port, secure: false, auth: SMTP_AUTH }, "Vetted <vetted@vetted.test>");
});
afterAll(async () => {
  mailer?.close();
  await mailbox?.close();
  await closeDb();
});

/** Notices for the given users, recorded the way a mutation does: in a transaction. */
async function record(notices: Notice[]): Promise<void> {
  await db.transaction((tx) => notify(tx, notices, BASE));
}

async function outboxFor(address: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
}

async function userWithEmail(prefix: string): Promise<SessionUser> {
  const user = await makeUser(db, "employee");
  const email = `${prefix}${user.email}`;
  // The fixture's address, with a prefix the test SMTP server reacts to.
  await db.update(users).set({ email }).where(eq(users.id, user.id));
  return { ...user, email };
}

describe("email delivery over SMTP", () => {
  // The database is shared by every test file: mail that other files left pending would be
  // delivered (or fail) in these batches first. Set it aside, so each test sees only its own.
  beforeEach(async () => {
    await db.update(emailOutbox).set({ status: "held" }).where(eq(emailOutbox.status, "pending"));
  });

  it("sends a pending message through a real SMTP server (with credentials) and marks it sent", async () => {
    const user = await makeUser(db, "employee");
    await record([{ userId: user.id, title: "Your exception for “Claude Code” was approved", body: "Approved until 2026-12-31 — with conditions.", link: "/requests/42" }]);
    const [row] = await outboxFor(user.email);
    expect(row).toMatchObject({ status: "pending", attempts: 0, channel: "email" });

    const result = await deliverOutboxMessage(db, channels(mailer), row!.id);
    expect(result).toMatchObject({ outcome: "sent" });

    const [mail, ...more] = mailbox.for(user.email);
    expect(more).toHaveLength(0);
    expect(mail!.to).toEqual([user.email]);
    expect(mail!.from).toBe("vetted@vetted.test");
    expect(mail!.subject).toBe("[Vetted] Your exception for “Claude Code” was approved");
    expect(mail!.text).toContain("Approved until 2026-12-31 — with conditions.");
    expect(mail!.text).toContain(`Open: ${BASE}/requests/42`);

    const [after] = await outboxFor(user.email);
    expect(after).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(after!.sentAt).toBeInstanceOf(Date);
    // Delivered once: asking again does nothing.
    expect(await deliverOutboxMessage(db, channels(mailer), row!.id)).toBeNull();
    expect(mailbox.for(user.email)).toHaveLength(1);
  });

  it("keeps a refused message pending, counts the attempt and stores a short error without the address or content", async () => {
    const user = await userWithEmail("refused-");
    await record([{ userId: user.id, title: "Grant ends soon", body: "Secret body text that must not be logged." }]);
    const [row] = await outboxFor(user.email);

    const result = await deliverOutboxMessage(db, channels(mailer), row!.id);
    expect(result).toMatchObject({ outcome: "failed", unreachable: false });
    const [after] = await outboxFor(user.email);
    expect(after).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(after!.lastError).toMatch(/^EENVELOPE \(RCPT TO\): 550 /);
    expect(after!.lastError).toContain("Recipient address rejected");
    expect(after!.lastError).not.toContain(user.email);
    expect(after!.lastError).not.toContain("@");
    expect(after!.lastError).not.toContain("Secret body");
    expect(mailbox.for(user.email)).toHaveLength(0);

    // Retried up to the limit, then left pending with its last error for admins to see.
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await deliverOutboxMessage(db, channels(mailer), row!.id)).toMatchObject({ outcome: "failed" });
    }
    expect(await deliverOutboxMessage(db, channels(mailer), row!.id)).toBeNull();
    const [last] = await outboxFor(user.email);
    expect(last).toMatchObject({ status: "pending", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(last!.lastError).toContain("550");
  });

  it("names an unreachable server without its credentials, and stops the batch rather than waiting once per message", async () => {
    const closed = await startMailbox();
    const port = closed.port;
    await closed.close();
    const down = createMailer({ host: "127.0.0.1", port, secure: false, auth: SMTP_AUTH }, "vetted@vetted.test");
    const a = await makeUser(db, "employee");
    const b = await makeUser(db, "employee");
    await record([{ userId: a.id, title: "One", body: "1" }, { userId: b.id, title: "Two", body: "2" }]);

    const results = await deliverPendingOutbox(db, channels(down));
    const failed = results.filter((r) => r.outcome === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ unreachable: true });
    const rows = [...(await outboxFor(a.email)), ...(await outboxFor(b.email))];
    expect(rows.every((r) => r.status === "pending")).toBe(true);
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 1]);
    const error = rows.find((r) => r.attempts === 1)!.lastError!;
    expect(error).toMatch(/^(ESOCKET|ECONNECTION)/);
    expect(error).toContain("ECONNREFUSED");
    expect(error).not.toContain(SMTP_AUTH.pass);
    down.close();
    // Once the server is back, both go out.
    await deliverPendingOutbox(db, channels(mailer));
    expect(mailbox.for(a.email)).toHaveLength(1);
    expect(mailbox.for(b.email)).toHaveLength(1);
  });

  it("two delivery runs at the same moment send each message exactly once", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => makeUser(db, "employee")));
    await record(people.map((p, i) => ({ userId: p.id, title: `Notice ${i}`, body: `Body ${i}` })));
    const [first, second] = await Promise.all([deliverPendingOutbox(db, channels(mailer)), deliverPendingOutbox(db, channels(mailer))]);
    const addresses = people.map((p) => p.email);
    for (const address of addresses) expect(mailbox.for(address), address).toHaveLength(1);
    // Both runs did part of the work, and no message was handled by both.
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBeGreaterThan(0);
    const mine = (r: { id: string }[]) => r.map((x) => x.id);
    const rows = await db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, addresses));
    const ids = rows.map((r) => r.id);
    const handled = [...mine(first!), ...mine(second!)].filter((id) => ids.includes(id));
    expect(handled.sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("holds email when SMTP is not configured, and keeps it readable", async () => {
    const user = await makeUser(db, "employee");
    await record([{ userId: user.id, title: "Held", body: "Kept for the admins." }]);
    const [row] = await outboxFor(user.email);
    expect(await deliverOutboxMessage(db, channels(null), row!.id)).toMatchObject({ outcome: "held" });
    const [after] = await outboxFor(user.email);
    expect(after).toMatchObject({ status: "held", attempts: 0, sentAt: null, text: expect.stringContaining("Kept for the admins.") });
    // Held stays held: configuring SMTP later does not send it behind anyone's back.
    expect(await deliverOutboxMessage(db, channels(mailer), row!.id)).toBeNull();
    expect(mailbox.for(user.email)).toHaveLength(0);
  });

  it("describes SMTP errors without addresses", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 <a@b.example> no"), {
      code: "EENVELOPE",
      command: "RCPT TO",
      response: "550 5.1.1 <alice@corp.example>: no such user",
      responseCode: 550,
    });
    expect(describeSmtpError(error)).toEqual({ message: "EENVELOPE (RCPT TO): 550 5.1.1 <address> no such user", unreachable: false });
    expect(describeSmtpError(Object.assign(new Error("Invalid login: 535 Authentication failed"), { code: "EAUTH", command: "AUTH PLAIN", responseCode: 535, response: "535 Authentication failed" })).message).toBe(
      "EAUTH (AUTH PLAIN): 535 Authentication failed",
    );
  });
});

describe("in-app notifications", () => {
  it("counts and lists a user's own notifications, newest first", async () => {
    const user = await makeUser(db, "employee");
    await record([{ userId: user.id, title: "First", body: "a" }]);
    await record([{ userId: user.id, title: "Second", body: "b", link: "/software/claude-code" }]);
    expect(await countUnreadNotifications(db, user.id)).toBe(2);
    const list = await listNotifications(db, user.id);
    expect(list.map((n) => n.title)).toEqual(["Second", "First"]);
    expect(list[0]!.link).toBe("/software/claude-code");
  });

  it("marks one read, audited; another user cannot mark it and nothing changes", async () => {
    const owner = await makeUser(db, "employee");
    const other = await makeUser(db, "manager");
    await record([{ userId: owner.id, title: "Mine", body: "only mine" }]);
    const [mine] = await listNotifications(db, owner.id);

    await expect(runMutation(markNotificationRead, other, { id: mine!.id })).rejects.toBeInstanceOf(NotFound);
    await expect(runMutation(markAllNotificationsRead, other, {})).resolves.toEqual({ count: 0 });
    expect(await countUnreadNotifications(db, owner.id)).toBe(1);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "notification"), eq(auditEvents.entityId, mine!.id)))).toHaveLength(0);

    await runMutation(markNotificationRead, owner, { id: mine!.id });
    expect(await countUnreadNotifications(db, owner.id)).toBe(0);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "notification"), eq(auditEvents.entityId, mine!.id)));
    expect(audit).toMatchObject({ action: "notification.read", actorId: owner.id });
    await expect(runMutation(markNotificationRead, owner, { id: "not-a-uuid" })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(markNotificationRead, null, { id: mine!.id })).rejects.toMatchObject({ status: 401 });
  });

  it("marks all of mine read and nobody else's", async () => {
    const me = await makeUser(db, "reviewer");
    const you = await makeUser(db, "employee");
    await record([
      { userId: me.id, title: "A", body: "a" },
      { userId: me.id, title: "B", body: "b" },
      { userId: you.id, title: "C", body: "c" },
    ]);
    expect(await runMutation(markAllNotificationsRead, me, {})).toEqual({ count: 2 });
    expect(await countUnreadNotifications(db, me.id)).toBe(0);
    expect(await countUnreadNotifications(db, you.id)).toBe(1);
    const rows = await db.select().from(notifications).where(eq(notifications.userId, me.id));
    expect(rows.every((n) => n.readAt instanceof Date)).toBe(true);
  });
});

describe("chat webhook", () => {
  let hook: Server;
  let hookUrl: string;
  const posts: { contentType: string | undefined; body: unknown }[] = [];
  let answer = 200;

  beforeAll(async () => {
    hook = createServer((req: IncomingMessage, res) => {
      let data = "";
      req.on("data", (c: Buffer) => (data += c.toString("utf8")));
      req.on("end", () => {
        posts.push({ contentType: req.headers["content-type"], body: JSON.parse(data) as unknown });
        res.writeHead(answer).end(answer === 200 ? "ok" : "no");
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/services/T000/B000/secret-token`;
  });
  afterAll(async () => {
    await db.delete(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
    await new Promise((resolve) => hook.close(resolve));
  });

  it("accepts only an https URL, and audits its host, never the secret path", async () => {
    const admin = await makeUser(db, "admin");
    const refused = runMutation(setChatWebhook, admin, { intent: "set", url: "http://hooks.slack.com/services/x" });
    await expect(refused).rejects.toBeInstanceOf(ValidationFailed);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { url: [expect.stringContaining("https://")] } });
    await expect(runMutation(setChatWebhook, await makeUser(db, "reviewer"), { intent: "remove" })).rejects.toMatchObject({ status: 403 });

    expect(await runMutation(setChatWebhook, admin, { intent: "set", url: "https://hooks.slack.com/services/T1/B2/very-secret" })).toEqual({ host: "hooks.slack.com" });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, "chat_webhook"));
    expect(audit.at(-1)).toMatchObject({ action: "settings.chat_webhook", after: { host: "hooks.slack.com" } });
    expect(JSON.stringify(audit)).not.toContain("very-secret");
    expect(await runMutation(setChatWebhook, admin, { intent: "remove" })).toBeNull();
  });

  it("posts each notice as {text} to the webhook, retries a refusal, and holds posts once the webhook is removed", async () => {
    // Set directly: the form insists on https, this local hook is plain http.
    await db.insert(settings).values({ key: CHAT_WEBHOOK_KEY, value: { url: hookUrl } }).onConflictDoUpdate({ target: settings.key, set: { value: { url: hookUrl } } });
    const user = await makeUser(db, "employee");
    await record([{ userId: user.id, title: "Exception approved", body: "Claude Code until 2026-12-31.", link: "/requests/7" }]);
    const [chat] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.channel, "chat"), eq(emailOutbox.subject, "Exception approved")));
    expect(chat).toMatchObject({ toAddress: null, status: "pending", text: `Exception approved: Claude Code until 2026-12-31. ${BASE}/requests/7` });
    expect(chat!.text).not.toContain("secret-token");

    const ch: Channels = channels(null); // no SMTP: the email is held, the chat post still goes
    answer = 500;
    expect(await deliverOutboxMessage(db, ch, chat!.id)).toMatchObject({ outcome: "failed", error: "HTTP 500" });
    answer = 200;
    expect(await deliverOutboxMessage(db, ch, chat!.id)).toMatchObject({ outcome: "sent" });
    expect(posts.at(-1)).toEqual({ contentType: "application/json", body: { text: `Exception approved: Claude Code until 2026-12-31. ${BASE}/requests/7` } });
    const [sent] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, chat!.id));
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });

    await record([{ userId: user.id, title: "Another", body: "x" }]);
    const [next] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.channel, "chat"), eq(emailOutbox.subject, "Another")));
    await db.delete(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
    expect(await deliverOutboxMessage(db, ch, next!.id)).toMatchObject({ outcome: "held" });
    // No webhook, no chat rows.
    await record([{ userId: user.id, title: "Quiet", body: "y" }]);
    expect(await db.select().from(emailOutbox).where(and(eq(emailOutbox.channel, "chat"), eq(emailOutbox.subject, "Quiet")))).toHaveLength(0);
  });

  it("escapes the text people typed, so a tool's name cannot ping the channel or disguise a link", async () => {
    await db.insert(settings).values({ key: CHAT_WEBHOOK_KEY, value: { url: hookUrl } }).onConflictDoUpdate({ target: settings.key, set: { value: { url: hookUrl } } });
    const user = await makeUser(db, "employee");
    const title = "Request 12: Ann asks to use <!channel> <https://evil.example/login|Vetted: sign in again>";
    await record([{ userId: user.id, title, body: "Also [sign in](https://evil.example/login).", link: "/requests/12" }]);
    const [chat] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.channel, "chat"), eq(emailOutbox.subject, title)));
    expect(await deliverOutboxMessage(db, channels(null), chat!.id)).toMatchObject({ outcome: "sent" });
    // Neither Slack nor Teams: both escapes.
    expect(posts.at(-1)?.body).toEqual({
      text: `Request 12: Ann asks to use &lt;\\!channel&gt; &lt;https://evil.example/login\\|Vetted: sign in again&gt;: Also \\[sign in\\]\\(https://evil.example/login\\). ${BASE}/requests/12`,
    });
    await db.delete(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
  });
});

describe("the pg-boss runner", () => {
  it("runs the sweep when asked and delivers the outbox through the deliver-email worker", async () => {
    const user = await makeUser(db, "employee");
    await record([{ userId: user.id, title: "Through the queue", body: "Delivered by a pg-boss worker." }]);
    const runner = await startJobRunner({ db, database: { kind: "postgres", url: process.env.DATABASE_URL! }, channels: channels(mailer) });
    try {
      expect(runner.kind).toBe("pg-boss");
      await runner.runSweepNow();
      await expect.poll(() => mailbox.for(user.email).length, { timeout: 15_000 }).toBe(1);
      expect(mailbox.for(user.email)[0]!.subject).toBe("[Vetted] Through the queue");
      await expect.poll(async () => (await outboxFor(user.email))[0]?.status, { timeout: 5_000 }).toBe("sent");
      const schedules = await db.execute(sql`SELECT name, cron FROM pgboss.schedule WHERE name = 'sweep'`);
      expect((schedules as unknown as { rows: unknown[] }).rows).toEqual([{ name: "sweep", cron: "* * * * *" }]);
    } finally {
      await runner.stop();
    }
    expect(mailbox.for(user.email)).toHaveLength(1);
  });
});
