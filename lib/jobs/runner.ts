import "server-only";
import type PgBoss from "pg-boss";
import { now } from "../clock";
import type { Db } from "../db/client";
import { deliverableOutboxIds, deliverOutboxMessage, deliverPendingOutbox, summarise, type Channels } from "../delivery/outbox";
import { deliverDueWebhooks, deliverWebhook, dueWebhookDeliveries, nextWebhookAttempt, pruneWebhookDeliveries, summariseWebhooks } from "../delivery/webhooks";
import { DELIVERY_RETRY_LIMIT, JOB_SCHEMA, JOBS } from "./names";
import { nextGrantEnd } from "../queries/requests";
import { logAuditChainHead } from "./audit-chain-head";
import { sweep } from "./sweep";
import { logger } from "../log";

/**
 * Scheduled and background work. The job functions are the same for both databases — the
 * sweep (lib/jobs/sweep.ts) and outbox delivery (lib/delivery/outbox.ts); only who calls them
 * differs:
 *
 * - PostgreSQL: pg-boss, in schema `pgboss`, on its own small pool. A cron schedule queues
 *   `sweep` once a minute however many instances run (pg-boss debounces it), one instance runs
 *   it at a time (singleton queue), and it queues one `deliver-email` job per pending outbox
 *   message (job id = message id, so a message is never queued twice). Deliveries are retried
 *   with exponential backoff.
 *   Webhook deliveries get one `deliver-webhook` job per try, queued to start at the try's time
 *   (at most one waiting job per delivery); after a failed try the worker queues the next one at
 *   the backoff's time, and the minute's sweep queues any that are due but were never queued (say,
 *   the instance that wrote them died before the nudge).
 * - Embedded (PGlite, one process): a timer runs the sweep and then delivers the outbox and due
 *   webhooks every minute (and a webhook retry due sooner at its time); a failed email is tried
 *   again on the next tick.
 *
 * Both log the audit chain's head when they start and then once a day (pg-boss: a cron schedule
 * at 00:00 UTC; in-process: the first tick of each day), so the log outside the database can
 * tell a rewritten history.
 */
export interface JobRunner {
  kind: "pg-boss" | "in-process";
  /** Runs the sweep (and, in-process, delivery) now; resolves when it has finished. */
  runSweepNow(): Promise<void>;
  /** Delivers pending outbox messages soon, without waiting for the next sweep. */
  deliverSoon(): Promise<void>;
  /** Stops taking work and waits (a little) for work in progress. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  db: Db;
  database: { kind: "postgres"; url: string } | { kind: "embedded" };
  channels: Channels;
  /** In-process only (default one minute). */
  intervalMs?: number;
}

const SWEEP_CRON = "* * * * *";
const AUDIT_CHAIN_HEAD_CRON = "0 0 * * *";
/** How often an idle worker asks for work: a sweep queued by a test starts within a second. */
const SWEEP_POLL_SECONDS = 1;
const DELIVER_POLL_SECONDS = 2;
const WEBHOOK_POLL_SECONDS = 1;
/** The sweep queues webhook tries due within this window; later ones are queued by the next sweeps. */
const WEBHOOK_QUEUE_HORIZON_MS = 120_000;
/** First retry after 30–60 s, doubling: the fifth comes some 8–16 minutes after the fourth. */
const DELIVER_RETRY_DELAY_SECONDS = 30;

function log(message: string): void {
  logger().info({ component: "jobs" }, message);
}

/** Never the error's details beyond its message: job errors carry no personal data, but be brief. */
function logFailure(what: string, error: unknown): void {
  logger().error({ component: "jobs", error: error instanceof Error ? error.message.slice(0, 300) : "unknown error" }, `${what} failed`);
}

async function runSweep(db: Db): Promise<void> {
  try {
    const pruned = await pruneWebhookDeliveries(db, now());
    if (pruned > 0) log(`webhooks: ${pruned} finished deliveries past the log's retention removed`);
  } catch (error) {
    logFailure("pruning the webhook delivery log", error);
  }
  const report = await sweep(db, now());
  if (report.expired || report.reminded || report.escalated) {
    log(`sweep: ${report.expired} grants expired, ${report.reminded} reminders, ${report.escalated} escalations`);
  }
  // Pruned throttle rows are not logged: with API traffic there are some every minute.
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  return options.database.kind === "postgres"
    ? startPgBoss(options.database.url, options.db, options.channels)
    : startInProcess(options.db, options.channels, options.intervalMs ?? 60_000);
}

async function startPgBoss(url: string, db: Db, channels: Channels): Promise<JobRunner> {
  const { default: Boss } = await import("pg-boss");
  const boss: PgBoss = new Boss({
    connectionString: url,
    schema: JOB_SCHEMA,
    max: 3,
    application_name: "vetted-jobs",
    // pg-boss checks its schedules every 30 s by default, which lets a minute's sweep start up to
    // ~50 s late; every 10 s keeps it within ~15 s of the minute (one tiny UPDATE per check).
    cronMonitorIntervalSeconds: 10,
    cronWorkerIntervalSeconds: 2,
  });
  boss.on("error", (error) => logFailure("job queue", error));
  await boss.start();

  await boss.createQueue(JOBS.sweep, { name: JOBS.sweep, policy: "singleton", retryLimit: 0, expireInSeconds: 300 });
  const deliverQueue = {
    name: JOBS.deliver,
    policy: "standard" as const,
    retryLimit: DELIVERY_RETRY_LIMIT,
    retryDelay: DELIVER_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: 300,
  };
  await boss.createQueue(JOBS.deliver, deliverQueue);
  await boss.updateQueue(JOBS.deliver, deliverQueue);
  // Webhook retries follow our own backoff (next_attempt_at): the queue only runs each try at its time.
  await boss.createQueue(JOBS.deliverWebhook, { name: JOBS.deliverWebhook, policy: "short", retryLimit: 0, expireInSeconds: 120 });
  await boss.schedule(JOBS.sweep, SWEEP_CRON, {}, { tz: "UTC" });
  await boss.createQueue(JOBS.auditChainHead, { name: JOBS.auditChainHead, policy: "singleton", retryLimit: 2, expireInSeconds: 300 });
  await boss.schedule(JOBS.auditChainHead, AUDIT_CHAIN_HEAD_CRON, {}, { tz: "UTC" });
  await boss.work(JOBS.auditChainHead, async () => {
    await logAuditChainHead(db);
  });
  await logAuditChainHead(db).catch((error: unknown) => logFailure("logging the audit chain head", error));

  await boss.work(JOBS.sweep, { pollingIntervalSeconds: SWEEP_POLL_SECONDS }, async () => {
    try {
      await runSweep(db);
    } catch (error) {
      logFailure("sweep", error);
      throw error; // recorded on the job; the next minute's sweep tries again
    } finally {
      // Delivery does not depend on the sweep succeeding.
      const ids = await deliverableOutboxIds(db);
      if (ids.length > 0) await boss.insert(ids.map((id) => ({ name: JOBS.deliver, id, data: { id } })));
      await queueDueWebhooks(boss, db);
      await sweepAtNextGrantEnd(boss, db);
    }
  });

  await boss.work<{ id: string }>(JOBS.deliver, { pollingIntervalSeconds: DELIVER_POLL_SECONDS, batchSize: 10 }, async (jobs) => {
    for (const job of jobs) {
      const result = await deliverOutboxMessage(db, channels, job.data.id);
      // Fail just this job so that pg-boss retries it later; the others in the batch complete.
      if (result?.outcome === "failed") await boss.fail(JOBS.deliver, job.id, { message: result.error });
      if (result && result.outcome !== "sent") log(`outbox message ${result.id}: ${result.outcome === "failed" ? `failed (${result.error})` : "held, no channel configured"}`);
    }
  });

  await boss.work<{ id: string }>(JOBS.deliverWebhook, { pollingIntervalSeconds: WEBHOOK_POLL_SECONDS, batchSize: 10 }, async (jobs) => {
    // Side by side: one slow receiver (up to the 10 s timeout) does not hold up the rest of the batch.
    await Promise.all(
      jobs.map(async (job) => {
        const result = await deliverWebhook(db, job.data.id, now());
        if (result?.outcome === "retrying") await queueWebhookTries(boss, [{ id: result.id, nextAttemptAt: result.nextAttemptAt }]);
        if (result && result.outcome !== "delivered") log(`webhook delivery ${result.id}: try ${result.attempts} ${result.outcome === "failed" ? "failed, no tries left" : "failed, will retry"} (${result.error})`);
      }),
    );
  });

  log("pg-boss started: sweep every minute, outbox and webhook delivery with retries");
  return {
    kind: "pg-boss",
    async runSweepNow() {
      const id = await boss.send(JOBS.sweep, {});
      if (!id) throw new Error("the sweep could not be queued");
      await waitForJob(boss, JOBS.sweep, id);
    },
    async deliverSoon() {
      // Job id = message id: a message already queued is not queued again.
      const ids = await deliverableOutboxIds(db);
      if (ids.length > 0) await boss.insert(ids.map((id) => ({ name: JOBS.deliver, id, data: { id } })));
      await queueDueWebhooks(boss, db);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * Queues the next try of each delivery at its time — measured on the app's clock, scheduled on the
 * queue's. The queue's `short` policy keeps at most one waiting job per delivery (singleton key =
 * delivery id; pg-boss inserts with ON CONFLICT DO NOTHING), so the nudge after a commit and the
 * minute's sweep may both ask; a job that finds nothing to do (already sent, or being sent) ends.
 */
async function queueWebhookTries(boss: PgBoss, tries: { id: string; nextAttemptAt: Date }[]): Promise<void> {
  if (tries.length === 0) return;
  const at = now().getTime();
  await boss.insert(
    tries.map((t) => ({
      name: JOBS.deliverWebhook,
      singletonKey: t.id,
      data: { id: t.id },
      startAfter: new Date(Date.now() + Math.max(0, t.nextAttemptAt.getTime() - at)),
    })),
  );
}

async function queueDueWebhooks(boss: PgBoss, db: Db): Promise<void> {
  const at = now();
  await queueWebhookTries(boss, await dueWebhookDeliveries(db, at, new Date(at.getTime() + WEBHOOK_QUEUE_HORIZON_MS)));
}

/**
 * The minute's sweep alone could expire a grant up to a minute and a bit after its end. When a
 * grant ends before the next minute's sweep, queue one more sweep for that very moment (the
 * key makes it one job however many instances ask).
 */
async function sweepAtNextGrantEnd(boss: PgBoss, db: Db): Promise<void> {
  const at = now();
  const next = await nextGrantEnd(db, at);
  if (!next) return;
  const wait = next.getTime() - at.getTime();
  if (wait > 70_000) return;
  // Measured on the app's clock, scheduled on the queue's (they differ only when a test moves the clock).
  const startAfter = new Date(Date.now() + wait + 500);
  await boss.send(JOBS.sweep, {}, { startAfter, singletonKey: `grant-end-${next.toISOString()}` });
}

/** Waits for a queued job to finish; throws if it failed or did not finish in time. */
async function waitForJob(boss: PgBoss, name: string, id: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await boss.getJobById(name, id, { includeArchive: true });
    if (job?.state === "completed") return;
    if (job && (job.state === "failed" || job.state === "cancelled")) throw new Error(`job ${name} ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`job ${name} did not finish within ${timeoutMs} ms`);
}

function startInProcess(db: Db, channels: Channels, intervalMs: number): JobRunner {
  let running: Promise<void> | null = null;
  let stopped = false;
  let atGrantEnd: ReturnType<typeof setTimeout> | undefined;
  let atWebhookRetry: ReturnType<typeof setTimeout> | undefined;
  /** The UTC day whose audit chain head is in the log already. */
  let headLoggedOn: string | null = null;

  /** Due webhooks now; and a retry due before the next tick gets a timer of its own. */
  const deliverWebhooksInProcess = async (): Promise<void> => {
    try {
      const line = summariseWebhooks(await deliverDueWebhooks(db, now()));
      if (line) log(line);
      const at = now();
      const next = await nextWebhookAttempt(db, at);
      const wait = next ? Math.max(0, next.getTime() - at.getTime()) : Number.POSITIVE_INFINITY;
      if (!stopped && wait < intervalMs) {
        clearTimeout(atWebhookRetry);
        atWebhookRetry = setTimeout(() => void deliverWebhooksInProcess(), wait + 250);
        atWebhookRetry.unref();
      }
    } catch (error) {
      logFailure("webhook delivery", error);
    }
  };

  const tick = (): Promise<void> =>
    (running ??= (async () => {
      try {
        await runSweep(db);
      } catch (error) {
        logFailure("sweep", error);
      }
      const day = now().toISOString().slice(0, 10);
      if (headLoggedOn !== day) {
        try {
          await logAuditChainHead(db);
          headLoggedOn = day;
        } catch (error) {
          logFailure("logging the audit chain head", error);
        }
      }
      try {
        const line = summarise(await deliverPendingOutbox(db, channels));
        if (line) log(line);
      } catch (error) {
        logFailure("outbox delivery", error);
      }
      await deliverWebhooksInProcess();
      // As with pg-boss: a grant ending before the next tick gets a sweep at its end.
      try {
        const at = now();
        const next = await nextGrantEnd(db, at);
        const wait = next ? next.getTime() - at.getTime() : Number.POSITIVE_INFINITY;
        if (!stopped && wait < intervalMs) {
          clearTimeout(atGrantEnd);
          atGrantEnd = setTimeout(() => void tick(), wait + 500);
          atGrantEnd.unref();
        }
      } catch (error) {
        logFailure("scheduling the next sweep", error);
      }
    })().finally(() => {
      running = null;
    }));

  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, intervalMs);
  timer.unref();
  setImmediate(() => void tick());
  log(`in-process: sweep and outbox delivery every ${Math.round(intervalMs / 1000)} s`);

  return {
    kind: "in-process",
    async runSweepNow() {
      // A tick already under way may have read the clock before the caller moved it.
      await running;
      await tick();
    },
    async deliverSoon() {
      await running;
      const line = summarise(await deliverPendingOutbox(db, channels));
      if (line) log(line);
      await deliverWebhooksInProcess();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(atGrantEnd);
      clearTimeout(atWebhookRetry);
      await running;
    },
  };
}

// ---- This process's runner ---------------------------------------------------------------

// Kept on globalThis: Next may load this module in several bundles of one process.
const globalForJobs = globalThis as unknown as { vettedJobs?: Promise<JobRunner> };

/** Starts this process's jobs once (server start); later calls get the same runner. */
export function startProcessJobs(options: JobRunnerOptions): Promise<JobRunner> {
  globalForJobs.vettedJobs ??= startJobRunner(options).catch((error: unknown) => {
    globalForJobs.vettedJobs = undefined;
    throw error;
  });
  return globalForJobs.vettedJobs;
}

/**
 * Runs the sweep in this process now (in-process runner: and delivers the outbox). For code
 * running inside the app; a test process asks the app's pg-boss workers instead, by queueing
 * `sweep` (see e2e/support/jobs.ts).
 */
export async function runSweepNow(): Promise<void> {
  const runner = globalForJobs.vettedJobs;
  if (!runner) throw new Error("jobs are not running in this process (VETTED_JOBS=off, or the server has not started)");
  await (await runner).runSweepNow();
}

