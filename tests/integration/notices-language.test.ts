import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { emailOutbox, notifications, settings, users } from "@/lib/db/schema";
import { createMailer, type Mailer } from "@/lib/delivery/email";
import { channels, deliverOutboxMessage } from "@/lib/delivery/outbox";
import { addDays, isoDay } from "@/lib/domain/requests";
import { createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { decideRequest, requestException } from "@/lib/mutations/requests";
import { notify } from "@/lib/notifications";
import { CHAT_WEBHOOK_KEY, LOCALE_SETTING_KEYS } from "@/lib/queries/settings";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";
import { startMailbox, type Mailbox } from "../support/mailbox";

/**
 * Notices and their e-mails are written in the language of the one who reads them: their own
 * setting, else the company's default; chat posts in the company's default. Read back from a
 * real SMTP server.
 */

const BASE = "https://vetted.test";
let db: Db;
let mailbox: Mailbox;
let mailer: Mailer;
let approver: SessionUser;
let requester: SessionUser;
let reviewer: SessionUser;

const endsOn = addDays(isoDay(new Date()), 40);
const chineseDay = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${endsOn}T00:00:00Z`));
const englishDay = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${endsOn}T00:00:00Z`));

async function deliveredTo(user: SessionUser) {
  const rows = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.status, "pending")));
  for (const row of rows) await deliverOutboxMessage(db, channels(mailer), row.id);
  return mailbox.for(user.email);
}

beforeAll(async () => {
  db = await getDb();
  mailbox = await startMailbox();
  mailer = createMailer({ host: "127.0.0.1", port: mailbox.port, secure: false, auth: null }, "Vetted <vetted@vetted.test>");
  approver = await makeUser(db, "manager");
  await db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, approver.id));
  requester = await makeUser(db, "employee", { managerId: approver.id });
  await db.update(users).set({ locale: "en" }).where(eq(users.id, requester.id));
  reviewer = await makeUser(db, "reviewer");
});
afterAll(async () => {
  mailer?.close();
  await mailbox?.close();
  await closeDb();
});
beforeEach(() => mailbox.clear());

describe("notices in the reader's language", () => {
  it("a zh-CN approver is told in Chinese, the English requester in English, each with dates as their language writes them", async () => {
    const created = await runMutation(createSoftware, reviewer, { name: unique("Notice tool"), kind: "cli", category: "AI coding" });
    await runMutation(recordClassification, reviewer, { softwareId: created.id, status: "restricted", rationale: "For the language test." });
    const asked = await runMutation(requestException, requester, {
      idempotencyKey: randomUUID(),
      softwareId: created.id,
      dataClass: "confidential",
      purpose: "Refactor the billing service",
      justification: "It saves days of edits.",
      endsOn,
    });

    // The approver: the in-app notice and the e-mail in Chinese.
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.userId, approver.id), eq(notifications.link, `/requests/${asked.id}`)));
    expect(notice!.title).toBe(`申请 ${asked.number}：${requester.name} 申请使用 ${created.name}`);
    expect(notice!.body).toContain(`在${chineseDay}之前将 ${created.name} 用于机密数据`);
    expect(notice!.body).toContain("用途：Refactor the billing service");
    const [mail, ...more] = await deliveredTo(approver);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`[Vetted] 申请 ${asked.number}：${requester.name} 申请使用 ${created.name}`);
    expect(mail!.text).toContain(`打开：${config().baseUrl}/requests/${asked.id}`);
    expect(mail!.text).toContain("—— Vetted 软件风险登记系统");
    expect(mail!.text).toContain(chineseDay);
    expect(mail!.text).not.toContain("the software risk registry");

    // The manager approves: the requester reads English.
    await runMutation(decideRequest, approver, { requestId: asked.id, expectedStatus: "awaiting_manager", decision: "approve" });
    const [told] = await db.select().from(notifications).where(and(eq(notifications.userId, requester.id), eq(notifications.link, `/requests/${asked.id}`)));
    expect(told).toMatchObject({ title: `Request ${asked.number}: waiting for security`, body: `${approver.name} approved this step.` });
    const [english] = await deliveredTo(requester);
    expect(english!.subject).toBe(`[Vetted] Request ${asked.number}: waiting for security`);
    expect(english!.text).toContain("— Vetted, the software risk registry");
    expect(english!.text).toContain(`Open: ${config().baseUrl}/requests/${asked.id}`);
    expect(englishDay).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });

  it("someone without a language of their own reads the company's default, and the chat channel gets the company's default", async () => {
    const person = await makeUser(db, "employee");
    const rolledBack = new Error("roll back");
    let seen: { title: string; body: string } | undefined;
    let chat: string | undefined;
    // In a transaction rolled back at the end: the company default and the chat hook are shared by every test file.
    await db
      .transaction(async (tx) => {
        await tx.insert(settings).values({ key: LOCALE_SETTING_KEYS.defaultLocale, value: "zh-CN" }).onConflictDoUpdate({ target: settings.key, set: { value: "zh-CN" } });
        await tx.insert(settings).values({ key: CHAT_WEBHOOK_KEY, value: { url: "https://hooks.slack.com/services/T/B/x" } }).onConflictDoUpdate({ target: settings.key, set: { value: { url: "https://hooks.slack.com/services/T/B/x" } } });
        await notify(tx, [{ userId: person.id, title: ({ t }) => t("notices.overdue.title", { number: 7 }), body: ({ t }) => t("notices.overdue.body", { number: 7, status: t("requests.statusInSentence.awaiting_security") }), link: "/requests/7" }], BASE);
        [seen] = await tx.select({ title: notifications.title, body: notifications.body }).from(notifications).where(eq(notifications.userId, person.id));
        const [post] = await tx.select({ text: emailOutbox.text }).from(emailOutbox).where(and(eq(emailOutbox.channel, "chat"), eq(emailOutbox.subject, "已逾期：申请 7 正在等待处理")));
        chat = post?.text;
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    expect(seen).toEqual({ title: "已逾期：申请 7 正在等待处理", body: "申请 7 处于“等待安全团队审批”状态，已超过截止日期。请尽快决定。" });
    expect(chat).toBe(`已逾期：申请 7 正在等待处理：申请 7 处于“等待安全团队审批”状态，已超过截止日期。请尽快决定。 ${BASE}/requests/7`);
  });
});
