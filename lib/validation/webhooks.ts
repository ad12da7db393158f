import { z } from "zod";
import { WEBHOOK_EVENTS, webhookUrlProblem } from "../domain/webhooks";
import { t, tr } from "../i18n/translate";
import { checkbox, requiredLine, uuid } from "./fields";

/**
 * The URL's shape. Whether plain http is allowed is the installation's setting
 * (WEBHOOK_ALLOW_HTTP), which the mutation checks again with the same rule.
 */
const webhookUrl = z
  .string(tr("webhooks.validation.urlRequired"))
  .trim()
  .min(1, tr("webhooks.validation.urlRequired"))
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value, { allowHttp: true });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const events = z.preprocess(
  // No box ticked: the form sends no field at all.
  (v) => v ?? [],
  z
    .array(z.enum(WEBHOOK_EVENTS, { error: () => t("webhooks.validation.eventUnknown", { events: WEBHOOK_EVENTS.join(", ") }) }))
    .min(1, tr("webhooks.validation.eventRequired"))
    .transform((list) => WEBHOOK_EVENTS.filter((e) => list.includes(e))),
);

export const WebhookInput = z.object({
  name: requiredLine("webhooks.fields.name", 100),
  url: webhookUrl,
  events,
});

export const UpdateWebhookInput = WebhookInput.extend({ id: uuid("webhooks.fields.webhook") });

export const WebhookIdInput = z.object({ id: uuid("webhooks.fields.webhook") });

export const SetWebhookEnabledInput = z.object({
  id: uuid("webhooks.fields.webhook"),
  enabled: z.enum(["true", "false"], tr("webhooks.validation.enabledChoice")).transform((v) => v === "true"),
});

export const RotateWebhookSecretInput = z.object({
  id: uuid("webhooks.fields.webhook"),
  /** Sign with the old secret too for a day, so receivers can switch without refusing deliveries. */
  keepPrevious: checkbox,
});

export const RedeliverInput = z.object({ deliveryId: uuid("webhooks.fields.delivery") });
