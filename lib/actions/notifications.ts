"use server";

import { revalidatePath } from "next/cache";
import { markAllNotificationsRead, markNotificationRead } from "../mutations/notifications";
import { t } from "../i18n/translate";
import { formAction } from "../server/guard";

// The header's unread count is on every page.
const refresh = () => revalidatePath("/", "layout");

export const markNotificationReadAction = formAction(markNotificationRead, () => t("notifications.markedRead"), refresh);
export const markAllNotificationsReadAction = formAction(
  markAllNotificationsRead,
  (r) => (r.count === 0 ? t("notifications.nothingUnread") : t("notifications.markedCount", { count: r.count })),
  refresh,
);
