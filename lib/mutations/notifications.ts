import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "../db/schema";
import { NotFound } from "../errors";
import { t } from "../i18n/translate";
import { defineMutation } from "../server/guard";
import { MarkAllNotificationsReadInput, MarkNotificationReadInput } from "../validation/notifications";

/**
 * Marks one of the caller's own notifications read. Someone else's is "not found": the WHERE
 * clause holds the owner. One already read is a no-op: nothing written, nothing audited.
 */
export const markNotificationRead = defineMutation({
  name: "markNotificationRead",
  action: "notifications.own",
  input: MarkNotificationReadInput,
  async run({ tx, actor, input, now }) {
    const mine = and(eq(notifications.id, input.id), eq(notifications.userId, actor.id));
    const [marked] = await tx.update(notifications).set({ readAt: now }).where(and(mine, isNull(notifications.readAt))).returning({ readAt: notifications.readAt });
    if (marked) {
      return {
        result: { id: input.id, readAt: marked.readAt! },
        audit: [{ action: "notification.read", entityType: "notification", entityId: input.id, before: { readAt: null }, after: { readAt: marked.readAt } }],
      };
    }
    const [already] = await tx.select({ readAt: notifications.readAt }).from(notifications).where(mine);
    if (!already) throw new NotFound(t("notifications.noSuch"));
    return { result: { id: input.id, readAt: already.readAt ?? now }, audit: [] };
  },
});

/** Marks every unread notification of the caller read; with none unread, a no-op that audits nothing. */
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
      audit: marked.length === 0 ? [] : [{ action: "notifications.read_all", entityType: "user", entityId: actor.id, after: { marked: marked.length } }],
    };
  },
});
