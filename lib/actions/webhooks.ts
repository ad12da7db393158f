"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createWebhook,
  deleteWebhook,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEnabled,
  updateWebhook,
} from "../mutations/webhooks";
import { formatter, t } from "../i18n/translate";
import { formAction } from "../server/guard";

const refresh = (r: { id: string }) => {
  revalidatePath("/admin/webhooks");
  revalidatePath(`/admin/webhooks/${r.id}`);
};

/** The secret travels once, in this message, and is stored only sealed. */
export const createWebhookAction = formAction(createWebhook, (w) => t("webhooks.done.created", { name: w.name, secret: w.secret }), refresh);
export const updateWebhookAction = formAction(updateWebhook, (w) => t("webhooks.done.saved", { name: w.name }), refresh);
export const setWebhookEnabledAction = formAction(setWebhookEnabled, (w) => (w.enabled ? t("webhooks.done.enabled", { name: w.name }) : t("webhooks.done.disabled", { name: w.name })), refresh);
export const rotateWebhookSecretAction = formAction(
  rotateWebhookSecret,
  (w) => (w.previousUntil ? t("webhooks.done.rotatedKeeping", { name: w.name, until: formatter().dateTime(w.previousUntil, "moment"), secret: w.secret }) : t("webhooks.done.rotated", { name: w.name, secret: w.secret })),
  refresh,
);
export const sendTestWebhookAction = formAction(sendTestWebhook, () => t("webhooks.done.testQueued"), refresh);
export const redeliverWebhookAction = formAction(redeliverWebhook, () => t("webhooks.done.redelivered"), (d) => refresh({ id: d.endpointId }));
export const deleteWebhookAction = formAction(deleteWebhook, (w) => t("webhooks.done.deleted", { name: w.name }), () => {
  revalidatePath("/admin/webhooks");
  redirect("/admin/webhooks");
});
