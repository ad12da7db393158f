import "server-only";
import { count, desc } from "drizzle-orm";
import type { Db } from "../db/client";
import { emailOutbox } from "../db/schema";

export type OutboxItem = typeof emailOutbox.$inferSelect;

/** The latest outbox messages, for admins: held mail is read here, failures are seen here. */
export async function listOutbox(db: Db, limit = 100): Promise<{ items: OutboxItem[]; byStatus: Record<OutboxItem["status"], number> }> {
  const [items, counts] = await Promise.all([
    db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit),
    db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status),
  ]);
  const byStatus = { pending: 0, sent: 0, held: 0 };
  for (const c of counts) byStatus[c.status] = c.n;
  return { items, byStatus };
}
