import { z } from "zod";
import { uuid } from "./fields";

export const MarkNotificationReadInput = z.object({ id: uuid("Notification") });
export const MarkAllNotificationsReadInput = z.object({});
