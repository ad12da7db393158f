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
import { formAction } from "../server/guard";

const refresh = (r: { id: string }) => {
  revalidatePath("/admin/webhooks");
  revalidatePath(`/admin/webhooks/${r.id}`);
};

/** The secret travels once, in this message, and is stored only sealed. */
export const createWebhookAction = formAction(createWebhook, (w) => `Webhook "${w.name}" created. Copy its signing secret now; it is not shown again: ${w.secret}`, refresh);
export const updateWebhookAction = formAction(updateWebhook, (w) => `Saved "${w.name}".`, refresh);
export const setWebhookEnabledAction = formAction(setWebhookEnabled, (w) => `"${w.name}" ${w.enabled ? "enabled" : "disabled"}.`, refresh);
export const rotateWebhookSecretAction = formAction(
  rotateWebhookSecret,
  (w) =>
    `New signing secret for "${w.name}"${w.previousUntil ? `; the old one also signs until ${w.previousUntil.toISOString().replace("T", " ").slice(0, 16)} UTC` : "; the old one no longer signs"}. Copy it now; it is not shown again: ${w.secret}`,
  refresh,
);
export const sendTestWebhookAction = formAction(sendTestWebhook, () => "Test event queued: its delivery appears in the log below within a few seconds.", refresh);
export const redeliverWebhookAction = formAction(redeliverWebhook, () => "Queued for delivery again.", (d) => refresh({ id: d.endpointId }));
export const deleteWebhookAction = formAction(deleteWebhook, (w) => `Deleted "${w.name}".`, () => {
  revalidatePath("/admin/webhooks");
  redirect("/admin/webhooks");
});
