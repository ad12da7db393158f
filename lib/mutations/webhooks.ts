import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { config } from "../config";
import type { Tx } from "../db/client";
import { webhookDeliveries, webhookEndpoints } from "../db/schema";
import { addressPolicy } from "../domain/address-policy";
import { generateWebhookSecret, webhookSecretHint } from "../domain/webhook-signature";
import { isUnchanged } from "../domain/unchanged";
import { describeWebhookUrl, webhookUrlProblem } from "../domain/webhooks";
import { Conflict, NotFound, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { defineMutation } from "../server/guard";
import { RedeliverInput, RotateWebhookSecretInput, SetWebhookEnabledInput, UpdateWebhookInput, WebhookIdInput, WebhookInput } from "../validation/webhooks";
import { markWebhookDeliveries, queueTestEvent } from "../webhooks/emit";
import { encryptWebhookSecret } from "../webhooks/secret-box";

/** How long a rotated-out secret still signs (beside the new one), when the admin asks for it. */
export const PREVIOUS_SECRET_HOURS = 24;

/**
 * The installation's rule for URLs (plain http only with WEBHOOK_ALLOW_HTTP; the address policy,
 * for a clear message now — every delivery checks it again), and one endpoint per URL.
 */
async function checkUrl(tx: Tx, url: string, exceptId?: string): Promise<void> {
  const problem = webhookUrlProblem(url, { allowHttp: config().webhooks.allowHttp, addresses: addressPolicy(config().webhooks) });
  if (problem) throw new ValidationFailed(problem, { url: [problem] });
  const [taken] = await tx
    .select({ name: webhookEndpoints.name })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.url, url), exceptId ? ne(webhookEndpoints.id, exceptId) : undefined));
  if (taken) throw new Conflict(t("webhooks.errors.urlTaken", { name: taken.name }), { url: [t("webhooks.errors.urlTakenField", { name: taken.name })] });
}

async function lockEndpoint(tx: Tx, id: string) {
  const [row] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for("update");
  if (!row) throw new NotFound(t("webhooks.errors.gone"));
  return row;
}

/** What the audit trail keeps of an endpoint: never the secret, and the URL by scheme and host only. */
function described(e: { name: string; url: string; events: string[]; enabled: boolean }) {
  return { name: e.name, url: describeWebhookUrl(e.url), events: e.events, enabled: e.enabled };
}

/** Registers an endpoint; the result carries its signing secret, shown once. */
export const createWebhook = defineMutation({
  name: "createWebhook",
  action: "webhooks.manage",
  input: WebhookInput,
  async run({ tx, actor, input, now }) {
    await checkUrl(tx, input.url);
    // The id is made here: the sealed secret is bound to it.
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        name: input.name,
        url: input.url,
        events: input.events,
        enabled: true,
        secretEncrypted: encryptWebhookSecret(secret, id),
        secretHint: webhookSecretHint(secret),
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return {
      result: { id, name: endpoint!.name, secret },
      audit: [{ action: "webhook.created", entityType: "webhook_endpoint", entityId: id, after: described(endpoint!) }],
    };
  },
});

export const updateWebhook = defineMutation({
  name: "updateWebhook",
  action: "webhooks.manage",
  input: UpdateWebhookInput,
  async run({ tx, input, now }) {
    // Saved unchanged: a no-op, decided before taking the row lock (a lock counts as a write).
    const [current] = await tx.select({ name: webhookEndpoints.name, url: webhookEndpoints.url, events: webhookEndpoints.events }).from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id));
    if (current && isUnchanged(current, { name: input.name, url: input.url, events: input.events })) return { result: { id: input.id, name: current.name }, audit: [] };
    const before = await lockEndpoint(tx, input.id);
    await checkUrl(tx, input.url, input.id);
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ name: input.name, url: input.url, events: input.events, updatedAt: now })
      .where(eq(webhookEndpoints.id, input.id))
      .returning();
    return {
      result: { id: input.id, name: after!.name },
      audit: [{ action: "webhook.updated", entityType: "webhook_endpoint", entityId: input.id, before: described(before), after: described(after!) }],
    };
  },
});

/**
 * A disabled endpoint gets no new events; what it had pending waits, without spending its tries,
 * and goes out once it is enabled again.
 */
export const setWebhookEnabled = defineMutation({
  name: "setWebhookEnabled",
  action: "webhooks.manage",
  input: SetWebhookEnabledInput,
  async run({ tx, input, now }) {
    const endpoint = await lockEndpoint(tx, input.id);
    if (endpoint.enabled === input.enabled) throw new Conflict(input.enabled ? t("webhooks.errors.alreadyEnabled") : t("webhooks.errors.alreadyDisabled"));
    await tx.update(webhookEndpoints).set({ enabled: input.enabled, updatedAt: now }).where(eq(webhookEndpoints.id, input.id));
    // Enabling releases what waited: deliver it now rather than at the next sweep.
    if (input.enabled) markWebhookDeliveries(tx);
    return {
      result: { id: input.id, name: endpoint.name, enabled: input.enabled },
      audit: [{ action: input.enabled ? "webhook.enabled" : "webhook.disabled", entityType: "webhook_endpoint", entityId: input.id, before: { enabled: endpoint.enabled }, after: { enabled: input.enabled } }],
    };
  },
});

/** Deletes an endpoint with its delivery log; deliveries it had pending are not sent. */
export const deleteWebhook = defineMutation({
  name: "deleteWebhook",
  action: "webhooks.manage",
  input: WebhookIdInput,
  async run({ tx, input }) {
    const endpoint = await lockEndpoint(tx, input.id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, input.id));
    return { result: { id: input.id, name: endpoint.name }, audit: [{ action: "webhook.deleted", entityType: "webhook_endpoint", entityId: input.id, before: described(endpoint) }] };
  },
});

/**
 * A new signing secret, shown once. With `keepPrevious`, deliveries are signed with both secrets
 * (two signatures in webhook-signature, two `v1=` in Vetted-Signature) for PREVIOUS_SECRET_HOURS, so receivers can switch without
 * refusing anything; without it (a leaked secret) the old one stops at once.
 */
export const rotateWebhookSecret = defineMutation({
  name: "rotateWebhookSecret",
  action: "webhooks.manage",
  input: RotateWebhookSecretInput,
  async run({ tx, input, now }) {
    const endpoint = await lockEndpoint(tx, input.id);
    const secret = generateWebhookSecret();
    const previousUntil = input.keepPrevious ? new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000) : null;
    await tx
      .update(webhookEndpoints)
      .set({
        secretEncrypted: encryptWebhookSecret(secret, endpoint.id),
        secretHint: webhookSecretHint(secret),
        // Sealed for this same endpoint: it moves over as it is.
        previousSecretEncrypted: previousUntil ? endpoint.secretEncrypted : null,
        previousSecretExpiresAt: previousUntil,
        secretRotatedAt: now,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, endpoint.id));
    return {
      result: { id: endpoint.id, name: endpoint.name, secret, previousUntil },
      audit: [{ action: "webhook.secret_rotated", entityType: "webhook_endpoint", entityId: endpoint.id, after: { previousSecretValidUntil: previousUntil?.toISOString() ?? null } }],
    };
  },
});

/** "Send test event": a `ping` to this endpoint through the queue, like any event. */
export const sendTestWebhook = defineMutation({
  name: "sendTestWebhook",
  action: "webhooks.manage",
  input: WebhookIdInput,
  async run({ tx, input, now }) {
    const endpoint = await lockEndpoint(tx, input.id);
    if (!endpoint.enabled) throw new Conflict(t("webhooks.errors.testDisabled"));
    const deliveryId = await queueTestEvent(tx, endpoint, now);
    return { result: { id: endpoint.id, deliveryId }, audit: [{ action: "webhook.test_sent", entityType: "webhook_endpoint", entityId: endpoint.id, after: { deliveryId } }] };
  },
});

/** Sends a finished delivery (failed, or delivered) again: same body and ids, a new round of tries. */
export const redeliverWebhook = defineMutation({
  name: "redeliverWebhook",
  action: "webhooks.manage",
  input: RedeliverInput,
  async run({ tx, input, now }) {
    const [delivery] = await tx
      .select({ id: webhookDeliveries.id, status: webhookDeliveries.status, eventType: webhookDeliveries.eventType, endpointId: webhookDeliveries.endpointId, enabled: webhookEndpoints.enabled })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, input.deliveryId))
      .for("update", { of: webhookDeliveries });
    if (!delivery) throw new NotFound(t("webhooks.errors.deliveryGone"));
    if (delivery.status === "pending") throw new Conflict(t("webhooks.errors.stillTrying"));
    if (!delivery.enabled) throw new Conflict(t("webhooks.errors.redeliverDisabled"));
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null, deliveredAt: null })
      .where(and(eq(webhookDeliveries.id, delivery.id), ne(webhookDeliveries.status, "pending")));
    markWebhookDeliveries(tx);
    return {
      result: { id: delivery.id, endpointId: delivery.endpointId },
      audit: [{ action: "webhook.redelivered", entityType: "webhook_endpoint", entityId: delivery.endpointId, after: { deliveryId: delivery.id, eventType: delivery.eventType, previousStatus: delivery.status } }],
    };
  },
});
