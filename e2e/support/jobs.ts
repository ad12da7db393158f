/**
 * Runs the app's scheduled sweep now, from a test: queues a `sweep` job in the e2e database's
 * pg-boss schema and waits until the app's worker (polling every second) has finished it. The
 * sweep then queues a `deliver-email` job for every pending outbox message; waitForMail() in
 * ./mail.ts waits for those to arrive.
 */
import PgBoss from "pg-boss";
import { JOB_SCHEMA, JOBS } from "../../lib/jobs/names";
import { databaseUrl } from "./db";

export async function runSweepNow(timeoutMs = 30_000): Promise<void> {
  // A client only: no maintenance, no cron, no schema changes; the app owns those.
  const boss = new PgBoss({ connectionString: databaseUrl(), schema: JOB_SCHEMA, supervise: false, schedule: false, migrate: false, max: 1 });
  boss.on("error", (error) => console.error("[e2e] pg-boss:", error.message));
  await boss.start();
  try {
    const id = await boss.send(JOBS.sweep, {});
    if (!id) throw new Error("the sweep could not be queued");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await boss.getJobById(JOBS.sweep, id, { includeArchive: true });
      if (job?.state === "completed") return;
      if (job?.state === "failed" || job?.state === "cancelled") throw new Error(`the sweep ${job.state}: ${JSON.stringify(job.output)}`);
      if (Date.now() > deadline) throw new Error(`the sweep did not finish within ${timeoutMs} ms (is the app running its jobs?)`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
