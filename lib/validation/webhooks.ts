import { z } from "zod";
import { WEBHOOK_EVENTS, webhookUrlProblem } from "../domain/webhooks";
import { checkbox, requiredLine, uuid } from "./fields";

/**
 * The URL's shape. Whether plain http is allowed is the installation's setting
 * (WEBHOOK_ALLOW_HTTP), which the mutation checks again with the same rule.
 */
const webhookUrl = z
  .string({ message: "URL is required" })
  .trim()
  .min(1, "URL is required")
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value, { allowHttp: true });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const events = z.preprocess(
  // No box ticked: the form sends no field at all.
  (v) => v ?? [],
  z
    .array(z.enum(WEBHOOK_EVENTS, { message: `Each event must be one of: ${WEBHOOK_EVENTS.join(", ")}.` }))
    .min(1, "Choose at least one event")
    .transform((list) => WEBHOOK_EVENTS.filter((e) => list.includes(e))),
);

export const WebhookInput = z.object({
  name: requiredLine("Name", 100),
  url: webhookUrl,
  events,
});

export const UpdateWebhookInput = WebhookInput.extend({ id: uuid("Webhook") });

export const WebhookIdInput = z.object({ id: uuid("Webhook") });

export const SetWebhookEnabledInput = z.object({
  id: uuid("Webhook"),
  enabled: z.enum(["true", "false"], { message: "Choose enable or disable" }).transform((v) => v === "true"),
});

export const RotateWebhookSecretInput = z.object({
  id: uuid("Webhook"),
  /** Sign with the old secret too for a day, so receivers can switch without refusing deliveries. */
  keepPrevious: checkbox,
});

export const RedeliverInput = z.object({ deliveryId: uuid("Delivery") });
