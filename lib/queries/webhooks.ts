import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { users, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "../db/schema";

/** An endpoint as the admin pages show it: never its secret, sealed or not. */
const endpointColumns = {
  id: webhookEndpoints.id,
  name: webhookEndpoints.name,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  secretHint: webhookEndpoints.secretHint,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  secretRotatedAt: webhookEndpoints.secretRotatedAt,
  createdAt: webhookEndpoints.createdAt,
  createdBy: users.name,
};

export type DeliveryStatus = (typeof webhookDeliveries.$inferSelect)["status"];

/** The endpoints, each with its latest delivery and its pending and failed counts: three queries, whatever the number. */
export async function listWebhookEndpoints(db: Db) {
  const endpoints = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .innerJoin(users, eq(users.id, webhookEndpoints.createdById))
    .orderBy(asc(webhookEndpoints.name), asc(webhookEndpoints.id))
    .limit(500);
  const ids = endpoints.map((e) => e.id);
  if (ids.length === 0) return [];
  const [latest, counts] = await Promise.all([
    db
      .selectDistinctOn([webhookDeliveries.endpointId], {
        endpointId: webhookDeliveries.endpointId,
        eventType: webhookDeliveries.eventType,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        lastStatusCode: webhookDeliveries.lastStatusCode,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.endpointId, ids))
      .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)),
    db
      .select({ endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status, n: count() })
      .from(webhookDeliveries)
      .where(and(inArray(webhookDeliveries.endpointId, ids), inArray(webhookDeliveries.status, ["pending", "failed"])))
      .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status),
  ]);
  return endpoints.map((e) => ({
    ...e,
    lastDelivery: latest.find((l) => l.endpointId === e.id) ?? null,
    pending: counts.find((c) => c.endpointId === e.id && c.status === "pending")?.n ?? 0,
    failed: counts.find((c) => c.endpointId === e.id && c.status === "failed")?.n ?? 0,
  }));
}

export type WebhookEndpointListItem = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

/** One endpoint with its latest deliveries, newest first, each with every try: three queries. */
export async function getWebhookEndpoint(db: Db, id: string, limit = 50) {
  const [endpoint] = await db.select(endpointColumns).from(webhookEndpoints).innerJoin(users, eq(users.id, webhookEndpoints.createdById)).where(eq(webhookEndpoints.id, id));
  if (!endpoint) return null;
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      body: webhookDeliveries.body,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
      sending: sql<boolean>`${webhookDeliveries.leaseUntil} IS NOT NULL`,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  const attempts = deliveries.length
    ? await db
        .select({
          deliveryId: webhookDeliveryAttempts.deliveryId,
          at: webhookDeliveryAttempts.at,
          statusCode: webhookDeliveryAttempts.statusCode,
          error: webhookDeliveryAttempts.error,
          durationMs: webhookDeliveryAttempts.durationMs,
          responseSnippet: webhookDeliveryAttempts.responseSnippet,
        })
        .from(webhookDeliveryAttempts)
        .where(inArray(webhookDeliveryAttempts.deliveryId, deliveries.map((d) => d.id)))
        .orderBy(asc(webhookDeliveryAttempts.at), asc(webhookDeliveryAttempts.id))
    : [];
  return {
    endpoint,
    deliveries: deliveries.map((d) => ({ ...d, tries: attempts.filter((a) => a.deliveryId === d.id) })),
  };
}

export type WebhookEndpointDetail = NonNullable<Awaited<ReturnType<typeof getWebhookEndpoint>>>;
