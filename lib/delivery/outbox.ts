import "server-only";
import { and, asc, eq, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { now } from "../clock";
import type { Db } from "../db/client";
import { emailOutbox } from "../db/schema";
import { MAX_DELIVERY_ATTEMPTS } from "../jobs/names";
import { getChatWebhookUrl } from "../queries/settings";
import { describeChatError, postToChat } from "./chat";
import { describeSmtpError, type Mailer } from "./email";

/** How outbox messages leave: SMTP (null when not configured) and the chat webhook poster. */
export interface Channels {
  mailer: Mailer | null;
  postToChat: (url: string, text: string) => Promise<void>;
}

export function channels(mailer: Mailer | null): Channels {
  return { mailer, postToChat };
}

export type DeliveryOutcome =
  | { id: string; channel: "email" | "chat"; outcome: "sent" | "held" }
  | { id: string; channel: "email" | "chat"; outcome: "failed"; error: string; unreachable: boolean };

const deliverable = and(eq(emailOutbox.status, "pending"), lt(emailOutbox.attempts, MAX_DELIVERY_ATTEMPTS));

/**
 * Claims one deliverable outbox message with FOR UPDATE SKIP LOCKED and sends it while holding
 * the row, so that two runners (two instances, or a retry racing the sweep) never send it
 * twice: the other skips it, and finds it sent once the lock is released. If the process dies
 * after the server accepted the message but before the commit, it is sent again later (at least
 * once, never silently lost).
 *
 * Without a channel configured (no SMTP, no webhook), the message is held for admins to read.
 * A failure counts an attempt and keeps a short error without the content or recipient.
 */
async function claimAndDeliver(db: Db, ch: Channels, where: SQL | undefined): Promise<DeliveryOutcome | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(emailOutbox)
      .where(and(deliverable, where))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    const chatUrl = row.channel === "chat" ? await getChatWebhookUrl(tx) : null;
    const mailer = row.channel === "email" && row.toAddress ? ch.mailer : null;
    if (!chatUrl && !mailer) {
      await tx.update(emailOutbox).set({ status: "held" }).where(eq(emailOutbox.id, row.id));
      return { id: row.id, channel: row.channel, outcome: "held" };
    }
    try {
      if (chatUrl) await ch.postToChat(chatUrl, row.text);
      else await mailer!.send({ to: row.toAddress!, subject: row.subject, text: row.text });
    } catch (error) {
      const { message, unreachable } = chatUrl ? describeChatError(error) : describeSmtpError(error);
      await tx
        .update(emailOutbox)
        .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: message })
        .where(eq(emailOutbox.id, row.id));
      return { id: row.id, channel: row.channel, outcome: "failed", error: message, unreachable };
    }
    await tx
      .update(emailOutbox)
      .set({ status: "sent", sentAt: now(), attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
      .where(eq(emailOutbox.id, row.id));
    return { id: row.id, channel: row.channel, outcome: "sent" };
  });
}

/**
 * Delivers one outbox message by id (the queue's `deliver-email` job). null: nothing to do —
 * already sent or held, out of attempts, or being sent by another runner right now.
 */
export function deliverOutboxMessage(db: Db, ch: Channels, id: string): Promise<DeliveryOutcome | null> {
  return claimAndDeliver(db, ch, eq(emailOutbox.id, id));
}

/**
 * Delivers every deliverable message once, oldest first (the embedded database's tick, and
 * tests). When a channel's server cannot be reached, its other messages wait for the next run
 * rather than each waiting for the same timeout.
 */
export async function deliverPendingOutbox(db: Db, ch: Channels, limit = 200): Promise<DeliveryOutcome[]> {
  const results: DeliveryOutcome[] = [];
  const unreachable: ("email" | "chat")[] = [];
  while (results.length < limit) {
    const tried = results.map((r) => r.id);
    const result = await claimAndDeliver(
      db,
      ch,
      and(
        tried.length ? notInArray(emailOutbox.id, tried) : undefined,
        unreachable.length ? notInArray(emailOutbox.channel, unreachable) : undefined,
      ),
    );
    if (!result) break;
    results.push(result);
    if (result.outcome === "failed" && result.unreachable) unreachable.push(result.channel);
  }
  return results;
}

/** Ids of the messages waiting to be delivered, for the sweep to queue one job each. */
export async function deliverableOutboxIds(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(deliverable).orderBy(asc(emailOutbox.createdAt)).limit(limit);
  return rows.map((r) => r.id);
}

/** One line for the log: counts only, never recipients or content. */
export function summarise(results: DeliveryOutcome[]): string | null {
  if (results.length === 0) return null;
  const count = (o: DeliveryOutcome["outcome"]) => results.filter((r) => r.outcome === o).length;
  return `outbox: ${count("sent")} sent, ${count("held")} held, ${count("failed")} failed`;
}
