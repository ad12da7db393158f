import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "../db/schema";
import { NotFound } from "../errors";
import { defineMutation } from "../server/guard";
import { MarkAllNotificationsReadInput, MarkNotificationReadInput } from "../validation/notifications";

/** Marks one of the caller's own notifications read. Someone else's is "not found": the WHERE clause holds the owner. */
export const markNotificationRead = defineMutation({
  name: "markNotificationRead",
  action: "notifications.own",
  input: MarkNotificationReadInput,
  async run({ tx, actor, input, now }) {
    const [before] = await tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, input.id), eq(notifications.userId, actor.id)))
      .for("update");
    if (!before) throw new NotFound("No such notification.");
    const readAt = before.readAt ?? now;
    if (!before.readAt) {
      await tx.update(notifications).set({ readAt }).where(and(eq(notifications.id, input.id), eq(notifications.userId, actor.id)));
    }
    return {
      result: { id: input.id, readAt },
      audit: [{ action: "notification.read", entityType: "notification", entityId: input.id, before: { readAt: before.readAt }, after: { readAt } }],
    };
  },
});

/** Marks every unread notification of the caller read. */
export const markAllNotificationsRead = defineMutation({
  name: "markAllNotificationsRead",
  action: "notifications.own",
  input: MarkAllNotificationsReadInput,
  async run({ tx, actor, now }) {
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return {
      result: { count: marked.length },
      audit: [{ action: "notifications.read_all", entityType: "user", entityId: actor.id, after: { marked: marked.length } }],
    };
  },
});
