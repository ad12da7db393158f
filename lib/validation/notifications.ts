import { z } from "zod";
import { uuid } from "./fields";

export const MarkNotificationReadInput = z.object({ id: uuid("notifications.fields.notification") });
export const MarkAllNotificationsReadInput = z.object({});
