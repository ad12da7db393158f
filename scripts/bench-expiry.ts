/**
 * npm run bench:expiry — how soon after its end a grant is expired by the scheduled sweep.
 *
 * Issue 4 asks that grants expire "within a minute of their end". The verdict itself turns at
 * the end exactly (it compares the end with the time of the question); this measures the sweep
 * that marks the grant expired and tells its holder. It makes a fresh PostgreSQL database (on
 * BENCH_DATABASE_ADMIN_URL, default the local server), starts the real pg-boss job runner, adds
 * grants ending a few seconds apart over about two minutes, and reports how long after each
 * end its `expired_at` was set. Drops the database afterwards.
 */
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { grants, requests, software, users } from "../lib/db/schema";
import { channels } from "../lib/delivery/outbox";
import { startJobRunner } from "../lib/jobs/runner";
import { withBenchDatabase } from "./bench-database";

/** Seconds from now at which the grants end: spread over two minutes, so every phase of the minute is sampled. */
const ENDS_IN = [8, 23, 37, 52, 66, 81, 97, 112, 126];

async function main() {
  await withBenchDatabase(async ({ url, handle }) => {
    const { db } = handle;
    const runner = await startJobRunner({ db, database: { kind: "postgres", url }, channels: channels(null) });
    try {
      const [holder] = await db.insert(users).values({ email: `bench-${Date.now()}@example.com`, name: "Bench Holder" }).returning();
      const [tool] = await db.insert(software).values({ slug: `bench-tool-${Date.now()}`, name: "Bench tool", kind: "cli", category: "Bench" }).returning();
      const start = Date.now();
      const ids: string[] = [];
      for (const seconds of ENDS_IN) {
        const [request] = await db
          .insert(requests)
          .values({ kind: "exception", status: "approved", requesterId: holder!.id, softwareId: tool!.id, dataClass: "internal", purpose: "bench", justification: "bench", stepEnteredAt: new Date(), idempotencyKey: randomUUID() })
          .returning();
        const endsAt = new Date(start + seconds * 1000);
        const [grant] = await db
          .insert(grants)
          .values({ requestId: request!.id, userId: holder!.id, softwareId: tool!.id, dataClass: "internal", startsAt: new Date(start), endsOn: endsAt.toISOString().slice(0, 10), endsAt })
          .returning({ id: grants.id });
        ids.push(grant!.id);
      }
      console.log(`${ids.length} grants ending over the next ${Math.max(...ENDS_IN)} s; waiting for the sweep…`);
      const deadline = start + (Math.max(...ENDS_IN) + 120) * 1000;
      let rows: { endsAt: Date; expiredAt: Date | null }[] = [];
      while (Date.now() < deadline) {
        rows = await db.select({ endsAt: grants.endsAt, expiredAt: grants.expiredAt }).from(grants).where(inArray(grants.id, ids));
        if (rows.every((r) => r.expiredAt)) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const lags = rows.map((r) => (r.expiredAt ? (r.expiredAt.getTime() - r.endsAt.getTime()) / 1000 : Number.POSITIVE_INFINITY)).sort((a, b) => a - b);
      console.log(`expired after their end (s): ${lags.map((l) => l.toFixed(1)).join(", ")}`);
      console.log(`median ${lags[Math.floor(lags.length / 2)]!.toFixed(1)} s, worst ${lags.at(-1)!.toFixed(1)} s (target: under 60 s)`);
    } finally {
      await runner.stop();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
