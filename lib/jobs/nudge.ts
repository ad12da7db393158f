import "server-only";
import { logger } from "../log";

// The runner this process started (lib/jobs/runner.ts keeps it under this key on globalThis).
// Read here without importing the runner, so that code recording notices and webhook events,
// which the runner's own jobs also call, does not depend on the runner.
const globalForJobs = globalThis as unknown as { vettedJobs?: Promise<{ deliverSoon(): Promise<void> }> };

let nudge: ReturnType<typeof setTimeout> | null = null;

/**
 * After a change that notified people or queued webhooks has committed: deliver within a second
 * or so rather than at the next minute's sweep. Bursts are coalesced; without running jobs (tests,
 * VETTED_JOBS=off) it does nothing, and the sweep delivers anyway.
 */
export function nudgeDelivery(): void {
  const runner = globalForJobs.vettedJobs;
  if (!runner || nudge) return;
  nudge = setTimeout(() => {
    nudge = null;
    runner
      .then((r) => r.deliverSoon())
      .catch((error: unknown) => logger().error({ component: "jobs", error: error instanceof Error ? error.message.slice(0, 300) : "unknown error" }, "outbox delivery failed"));
  }, 250);
  nudge.unref();
}
