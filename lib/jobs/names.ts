/**
 * The job queue's names, shared by the app's runner and the end-to-end harness that asks it to
 * run the sweep now. Plain constants: no server-only imports, so a test process can load them.
 */
export const JOB_SCHEMA = "pgboss";

export const JOBS = {
  /** Every minute: expire grants, send reminders, escalate, then queue pending outbox messages. */
  sweep: "sweep",
  /** One outbox message (email or chat post), by id; retried with exponential backoff. */
  deliver: "deliver-email",
  /** One webhook delivery's next try, by delivery id; queued at the try's time (our own backoff, lib/domain/webhooks.ts). */
  deliverWebhook: "deliver-webhook",
  /** Once a day: the audit chain's head, written to the log (lib/jobs/audit-chain-head.ts). */
  auditChainHead: "audit-chain-head",
} as const;

/** Tries after the first; a message still failing after them stays pending with its last error. */
export const DELIVERY_RETRY_LIMIT = 5;
export const MAX_DELIVERY_ATTEMPTS = DELIVERY_RETRY_LIMIT + 1;
