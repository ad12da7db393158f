"use server";

import { revalidatePath } from "next/cache";
import { markAllNotificationsRead, markNotificationRead } from "../mutations/notifications";
import { formAction } from "../server/guard";

// The header's unread count is on every page.
const refresh = () => revalidatePath("/", "layout");

export const markNotificationReadAction = formAction(markNotificationRead, () => "Marked as read.", refresh);
export const markAllNotificationsReadAction = formAction(
  markAllNotificationsRead,
  (r) => (r.count === 0 ? "Nothing was unread." : `Marked ${r.count} as read.`),
  refresh,
);
