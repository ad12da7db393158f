import "server-only";
import { and, asc, eq, inArray, isNull, lte, min, or, sql } from "drizzle-orm";
import { config } from "../config";
import type { Db } from "../db/client";
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "../db/schema";
import {
  describeNetworkError,
  isSuccessStatus,
  nextAttemptAt,
  parseRetryAfter,
  responseSnippet,
  WEBHOOK_LOG_RETENTION_DAYS,
  WEBHOOK_MAX_ATTEMPTS,
} from "../domain/webhooks";
import { addressPolicy } from "../domain/address-policy";
import { SIGNATURE_HEADER, signatureHeader, standardWebhookHeaders } from "../domain/webhook-signature";
import { decryptWebhookSecret, WebhookSecretUnreadable } from "../webhooks/secret-box";
import { postOutbound, type ResolveHost } from "./outbound-http";

/** A receiver has this long to answer; then the try counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * How long a runner holds a delivery it is sending. Far longer than the timeout: if the runner dies
 * mid-send, another takes the delivery over once the lease has passed (it may then arrive twice —
 * receivers de-duplicate on webhook-id — but it is never lost).
 */
const LEASE_MS = 60_000;
/** Bytes of an answer read for the log's snippet; the rest is never read. */
const RESPONSE_READ_BYTES = 1024;

export interface WebhookDeliveryOptions {
  timeoutMs?: number;
  /** In [0, 1): the retry's jitter. */
  random?: () => number;
  /** How host names resolve (default: the system's resolver); tests stand in for DNS with it. */
  resolve?: ResolveHost;
}

export type WebhookOutcome = {
  id: string;
  endpointId: string;
  attempts: number;
  statusCode: number | null;
  error: string | null;
} & ({ outcome: "delivered" | "failed" } | { outcome: "retrying"; nextAttemptAt: Date });

interface Claimed {
  id: string;
  endpointId: string;
  eventType: string;
  body: string;
  attempts: number;
  leaseUntil: Date;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
}

/** Pending, due, not held by a live lease, and its endpoint enabled (a disabled endpoint's deliveries wait). */
function deliverable(now: Date) {
  return and(
    eq(webhookDeliveries.status, "pending"),
    lte(webhookDeliveries.nextAttemptAt, now),
    or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
    eq(webhookEndpoints.enabled, true),
  );
}

/**
 * Takes one deliverable delivery (that one, when `id` is given) and counts the try, in one
 * statement: the row is picked with FOR UPDATE SKIP LOCKED and leased, so two runners (two
 * instances, a nudge racing the minute's sweep) never send it at once. No transaction stays open
 * while the receiver answers: with the embedded database that would hold up the whole app.
 */
async function claim(db: Db, now: Date, id?: string): Promise<Claimed | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const next = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(deliverable(now), id ? eq(webhookDeliveries.id, id) : undefined))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(1)
    .for("update", { of: webhookDeliveries, skipLocked: true });
  const [row] = await db
    .update(webhookDeliveries)
    .set({ leaseUntil, attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: now })
    .from(webhookEndpoints)
    .where(and(inArray(webhookDeliveries.id, next), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
    .returning({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      eventType: webhookDeliveries.eventType,
      body: webhookDeliveries.body,
      attempts: webhookDeliveries.attempts,
      url: webhookEndpoints.url,
      secretEncrypted: webhookEndpoints.secretEncrypted,
      previousSecretEncrypted: webhookEndpoints.previousSecretEncrypted,
      previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
    });
  return row ? { ...row, leaseUntil } : null;
}

interface Answer {
  statusCode: number | null;
  error: string | null;
  snippet: string | null;
  retryAfterSeconds: number | null;
  durationMs: number;
}

/**
 * One POST, through the address policy (checked on the address connected to, every time).
 * Redirects are not followed (a 3xx is a failed try: the registered URL is the one that was
 * vetted); the answer's body is read only for a short snippet.
 */
async function post(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; resolve?: ResolveHost }, now: Date): Promise<Answer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await postOutbound(new URL(url), {
      headers,
      body,
      timeoutMs: options.timeoutMs,
      readBytes: RESPONSE_READ_BYTES,
      policy: addressPolicy(config().webhooks),
      resolve: options.resolve,
    });
    const redirect = response.status >= 300 && response.status < 400;
    const retryAfter = response.headers["retry-after"];
    return {
      statusCode: response.status,
      error: redirect ? "redirect not followed: register the final URL" : null,
      snippet: responseSnippet(response.bodyStart),
      retryAfterSeconds: parseRetryAfter(typeof retryAfter === "string" ? retryAfter : null, now),
      durationMs: elapsed(),
    };
  } catch (error) {
    return { statusCode: null, error: describeNetworkError(error, options.timeoutMs), snippet: null, retryAfterSeconds: null, durationMs: elapsed() };
  }
}

/** The secrets to sign with: the current one, and the previous one while a rotation still honours it. */
function signingSecrets(claimed: Claimed, now: Date): string[] {
  const secrets = [decryptWebhookSecret(claimed.secretEncrypted, claimed.endpointId)];
  if (claimed.previousSecretEncrypted && claimed.previousSecretExpiresAt && claimed.previousSecretExpiresAt > now) {
    secrets.push(decryptWebhookSecret(claimed.previousSecretEncrypted, claimed.endpointId));
  }
  return secrets;
}

async function send(claimed: Claimed, now: Date, options: { timeoutMs: number; resolve?: ResolveHost }): Promise<Answer> {
  // The signature's time is the wall clock's, whatever the app's clock says: receivers compare it with theirs.
  const timestamp = Math.floor(Date.now() / 1000);
  let signatures: Record<string, string>;
  try {
    const secrets = signingSecrets(claimed, now);
    signatures = {
      // Standard Webhooks: the delivery's id is the message id, the same on every retry and redelivery.
      ...standardWebhookHeaders(secrets, { id: claimed.id, timestamp, body: claimed.body }),
      ...(config().webhooks.legacySignature ? { [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(secrets, timestamp, claimed.body) } : {}),
    };
  } catch (error) {
    if (error instanceof WebhookSecretUnreadable) return { statusCode: null, error: error.message, snippet: null, retryAfterSeconds: null, durationMs: 0 };
    throw error;
  }
  return post(
    claimed.url,
    claimed.body,
    {
      "content-type": "application/json",
      "user-agent": "Vetted-Webhooks/1.0",
      "vetted-event": claimed.eventType,
      "vetted-delivery": claimed.id,
      "vetted-attempt": String(claimed.attempts),
      ...signatures,
    },
    options,
    now,
  );
}

/** Logs the try and settles the delivery: delivered, failed for good, or pending until its next try. */
async function record(db: Db, claimed: Claimed, answer: Answer, now: Date, random: number): Promise<WebhookOutcome> {
  const delivered = answer.statusCode !== null && isSuccessStatus(answer.statusCode) && !answer.error;
  const lastError = delivered ? null : (answer.error ?? `HTTP ${answer.statusCode}`);
  const retryAt = delivered ? null : nextAttemptAt(claimed.attempts, now, random, answer.retryAfterSeconds);
  const base = { id: claimed.id, endpointId: claimed.endpointId, attempts: claimed.attempts, statusCode: answer.statusCode, error: lastError };
  await db.transaction(async (tx) => {
    // Its endpoint may have been deleted while the receiver answered: then there is nothing left to log.
    const [still] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.id, claimed.id)).for("update");
    if (!still) return;
    await tx.insert(webhookDeliveryAttempts).values({
      deliveryId: claimed.id,
      at: now,
      statusCode: answer.statusCode,
      error: answer.error,
      durationMs: answer.durationMs,
      responseSnippet: answer.snippet,
    });
    // Only while the lease is ours: a runner that took over after it passed settles the delivery itself.
    await tx
      .update(webhookDeliveries)
      .set({
        status: delivered ? "delivered" : retryAt ? "pending" : "failed",
        nextAttemptAt: retryAt ?? now,
        leaseUntil: null,
        lastStatusCode: answer.statusCode,
        lastError,
        deliveredAt: delivered ? now : null,
      })
      .where(and(eq(webhookDeliveries.id, claimed.id), eq(webhookDeliveries.leaseUntil, claimed.leaseUntil)));
  });
  if (delivered) return { ...base, outcome: "delivered" };
  return retryAt ? { ...base, outcome: "retrying", nextAttemptAt: retryAt } : { ...base, outcome: "failed" };
}

async function claimAndDeliver(db: Db, now: Date, id: string | undefined, options: WebhookDeliveryOptions): Promise<WebhookOutcome | null> {
  const claimed = await claim(db, now, id);
  if (!claimed) return null;
  const answer = await send(claimed, now, { timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS, resolve: options.resolve });
  return record(db, claimed, answer, now, (options.random ?? Math.random)());
}

/**
 * Delivers one webhook delivery by id (the queue's `deliver-webhook` job). null: nothing to do —
 * delivered, failed, not due yet, its endpoint disabled or deleted, or being sent by another runner.
 */
export function deliverWebhook(db: Db, id: string, now: Date, options: WebhookDeliveryOptions = {}): Promise<WebhookOutcome | null> {
  return claimAndDeliver(db, now, id, options);
}

/**
 * Delivers every delivery due now, a few at a time so that one slow receiver does not hold up the
 * others (the embedded database's tick, and tests).
 */
export async function deliverDueWebhooks(db: Db, now: Date, options: WebhookDeliveryOptions & { limit?: number; concurrency?: number } = {}): Promise<WebhookOutcome[]> {
  const limit = options.limit ?? 200;
  const results: WebhookOutcome[] = [];
  let taken = 0;
  const worker = async () => {
    while (taken < limit) {
      taken += 1;
      const result = await claimAndDeliver(db, now, undefined, options);
      if (!result) return;
      results.push(result);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return results;
}

/** Deliveries due before `horizon`, for the queue to schedule one job each (at `nextAttemptAt`). */
export function dueWebhookDeliveries(db: Db, now: Date, horizon: Date, limit = 500): Promise<{ id: string; nextAttemptAt: Date }[]> {
  return db
    .select({ id: webhookDeliveries.id, nextAttemptAt: webhookDeliveries.nextAttemptAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, horizon),
        or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit);
}

/** When the next pending delivery falls due (for the in-process runner's timer), or null. */
export async function nextWebhookAttempt(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(webhookDeliveries.nextAttemptAt) })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.status, "pending"), eq(webhookEndpoints.enabled, true), or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now))));
  return row?.at ?? null;
}

/** The delivery log keeps finished deliveries for WEBHOOK_LOG_RETENTION_DAYS; older ones go, a batch at a time. */
export async function pruneWebhookDeliveries(db: Db, now: Date, batch = 1000): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_RETENTION_DAYS * 86_400_000);
  const old = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ["delivered", "failed"]), lte(webhookDeliveries.createdAt, before)))
    .limit(batch);
  const deleted = await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, old)).returning({ id: webhookDeliveries.id });
  return deleted.length;
}

/** One line for the log: counts only, never URLs, payloads or answers. */
export function summariseWebhooks(results: WebhookOutcome[]): string | null {
  if (results.length === 0) return null;
  const count = (o: WebhookOutcome["outcome"]) => results.filter((r) => r.outcome === o).length;
  return `webhooks: ${count("delivered")} delivered, ${count("retrying")} to retry, ${count("failed")} failed after ${WEBHOOK_MAX_ATTEMPTS} tries`;
}
