import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { notifications } from "../db/schema";

export type NotificationItem = Pick<typeof notifications.$inferSelect, "id" | "title" | "body" | "link" | "readAt" | "createdAt">;

/** The header's badge: one COUNT over the user's unread notifications. */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The user's own notifications, newest first. */
export async function listNotifications(db: Db, userId: string, limit = 100): Promise<NotificationItem[]> {
  return db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
