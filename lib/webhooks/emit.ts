import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { afterCommit } from "../db/transaction";
import { nudgeDelivery } from "../jobs/nudge";
import { webhookDeliveries, webhookEndpoints } from "../db/schema";
import { pingData, webhookEnvelope, type WebhookEvent } from "../domain/webhooks";

/** Once `tx`, which queued webhook deliveries, commits: nudge the runner to deliver them. */
export function markWebhookDeliveries(tx: Tx): void {
  afterCommit(tx, nudgeDelivery);
}

/**
 * Records events in the caller's transaction (a transactional outbox): one delivery per enabled
 * endpoint subscribed to `type`, per event. Nothing is sent unless the change commits, and a
 * change that commits is never lost: the job queue delivers it, with retries.
 *
 * `build` is called only when someone subscribes: without webhooks a change pays one query on a
 * small table and nothing else. Each event gets its own id; its endpoints share it.
 */
export async function emitWebhookEvents<D>(tx: Tx, type: WebhookEvent, at: Date, build: () => D[] | Promise<D[]>): Promise<number> {
  const subscribers = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), sql`${webhookEndpoints.events} @> ${JSON.stringify([type])}::jsonb`));
  if (subscribers.length === 0) return 0;
  const events = await build();
  if (events.length === 0) return 0;
  const rows = events.flatMap((data) => {
    const eventId = randomUUID();
    const body = JSON.stringify(webhookEnvelope(eventId, type, at, data));
    return subscribers.map((endpoint) => ({ endpointId: endpoint.id, eventId, eventType: type, body, nextAttemptAt: at, createdAt: at }));
  });
  await tx.insert(webhookDeliveries).values(rows);
  markWebhookDeliveries(tx);
  return rows.length;
}

/** One event, when it happens: see emitWebhookEvents. */
export function emitWebhookEvent<D>(tx: Tx, type: WebhookEvent, at: Date, build: () => D | Promise<D>): Promise<number> {
  return emitWebhookEvents(tx, type, at, async () => [await build()]);
}

/** "Send test event": a `ping` to one endpoint, through the same queue, signature and log as every event. */
export async function queueTestEvent(tx: Tx, endpoint: { id: string; name: string }, at: Date): Promise<string> {
  const eventId = randomUUID();
  const [delivery] = await tx
    .insert(webhookDeliveries)
    .values({ endpointId: endpoint.id, eventId, eventType: "ping", body: JSON.stringify(webhookEnvelope(eventId, "ping", at, pingData(endpoint))), nextAttemptAt: at, createdAt: at })
    .returning({ id: webhookDeliveries.id });
  markWebhookDeliveries(tx);
  return delivery!.id;
}
