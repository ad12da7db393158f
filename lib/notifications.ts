import "server-only";
import { inArray } from "drizzle-orm";
import type { Tx } from "./db/client";
import { afterCommit } from "./db/transaction";
import { nudgeDelivery } from "./jobs/nudge";
import { emailOutbox, notifications, users } from "./db/schema";
import { getChatWebhookUrl } from "./queries/settings";

/** Something a person should know: shown in the app and sent by email. */
export interface Notice {
  userId: string;
  title: string;
  /** Plain text; the email body too. */
  body: string;
  /** Path inside the app, e.g. "/requests/…". */
  link?: string;
}

/**
 * Records notices in the caller's transaction: one in-app notification each, one email in the
 * outbox for the delivery job, and, when a chat webhook is set, one chat post. Nothing is sent
 * unless the change commits.
 */
export async function notify(tx: Tx, notices: Notice[], baseUrl: string): Promise<void> {
  if (notices.length === 0) return;
  afterCommit(tx, nudgeDelivery);
  const recipients = await tx.select({ id: users.id, email: users.email, active: users.active }).from(users).where(inArray(users.id, [...new Set(notices.map((n) => n.userId))]));
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const delivered = notices.filter((n) => byId.get(n.userId)?.active);
  if (delivered.length === 0) return;
  await tx.insert(notifications).values(delivered.map((n) => ({ userId: n.userId, title: n.title, body: n.body, link: n.link ?? null })));
  await tx.insert(emailOutbox).values(
    delivered.map((n) => ({
      toAddress: byId.get(n.userId)!.email,
      subject: `[Vetted] ${n.title}`,
      text: `${n.body}\n${n.link ? `\nOpen: ${baseUrl}${n.link}\n` : ""}\n— Vetted, the software risk registry`,
    })),
  );
  if (await getChatWebhookUrl(tx)) {
    await tx.insert(emailOutbox).values(
      delivered.map((n) => ({ channel: "chat" as const, toAddress: null, subject: n.title, text: chatText(n, baseUrl) })),
    );
  }
}

/** One line that reads well in Slack and Teams alike. */
export function chatText(notice: Notice, baseUrl: string): string {
  return `${notice.title}: ${notice.body}${notice.link ? ` ${baseUrl}${notice.link}` : ""}`;
}
