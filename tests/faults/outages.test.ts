import { inArray, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/catalogue/import/route";
import { GET as checkRoute } from "@/app/api/v1/check/route";
import { GET as healthRoute } from "@/app/api/health/route";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, openDatabase, type Db } from "@/lib/db/client";
import { software } from "@/lib/db/schema";
import type { TokenScope } from "@/lib/domain/api-tokens";
import { addDays, isoDay } from "@/lib/domain/requests";
import { channels } from "@/lib/delivery/outbox";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { runMutation } from "@/lib/server/guard";
import { startTemporaryCluster, type TemporaryCluster } from "../support/pg-cluster";
import { makeUser } from "../support/fixtures";

/** What Next passes a route without dynamic segments. */
const STATIC_ROUTE = { params: Promise.resolve(undefined) };

/**
 * Faults (issue 10, "Proof in CI"): PostgreSQL stopped and started several times under read and
 * write load, on a cluster of this test's own. This file runs in its own process: the app's
 * database is pointed at that cluster before anything reads the configuration.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
const POOL_MAX = 4;
process.env.DB_POOL_MAX = String(POOL_MAX);
// Short, so that the load-shedding case below needs only a short hold.
process.env.DB_ACQUIRE_TIMEOUT_MS = "500";

const OUTAGES = 4;
const DOWN_MS = 1_500;
const UP_MS = 2_000;
const WORKERS = 6;
/** The bound for the first success after the database returns, plus slack for a busy CI machine. */
const RECOVERY_BOUND_MS = 2_000 + 1_000;

let cluster: TemporaryCluster;
let db: Db;
let runner: JobRunner | null = null;
let secret: string;
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);

const enc = (text: string) => new TextEncoder().encode(text);

function importDocument(name: string) {
  return {
    format: "vetted-catalogue",
    version: 1,
    exportedAt: new Date().toISOString(),
    filters: {},
    software: [{ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name, vendor: null, kind: "saas", category: "Faults", description: "", homepage: null, owner: null, editions: [], identifiers: [], classifications: [] }],
  };
}

/** `body` is the document as first sent: a client's retry sends the same bytes with the same key. */
function importOne(body: string, idempotencyKey: string): Promise<Response> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${secret}`, "idempotency-key": idempotencyKey };
  const init = { method: "POST", body: enc(body), headers, duplex: "half" };
  return importRoute(new NextRequest(`${config().baseUrl}/api/v1/catalogue/import?mode=apply`, init as ConstructorParameters<typeof NextRequest>[1]), STATIC_ROUTE);
}

function checkOne(q: string): Promise<Response> {
  const request = new NextRequest(`${config().baseUrl}/api/v1/check?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${secret}` } });
  return Promise.resolve(checkRoute(request, { params: Promise.resolve(undefined) }));
}

/** A token that may read and write the catalogue, made by whichever role the policy lets make one. */
async function catalogueToken(): Promise<string> {
  const scopes: TokenScope[] = ["catalogue:write", "check:read"];
  let lastError: unknown;
  for (const role of ["admin", "reviewer"] as const) {
    const creator: SessionUser = await makeUser(db, role);
    try {
      return (await runMutation(createApiToken, creator, { name: `Faults ${role}`, scopes, expiresOn: addDays(isoDay(new Date()), 30) })).secret;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  process.on("uncaughtException", recordUncaught);
  process.on("unhandledRejection", recordUncaught);
  cluster = await startTemporaryCluster();
  process.env.DATABASE_URL = cluster.url;
  db = await getDb();
  secret = await catalogueToken();
  runner = await startJobRunner({ db, database: { kind: "postgres", url: cluster.url }, channels: channels(null) });
}, 120_000);

/** At most `ms` of waiting: a failed test must not keep the cleanup from removing the cluster. */
const atMost = (work: Promise<unknown> | undefined, ms: number) => Promise.race([work?.catch(() => undefined), sleep(ms)]);

afterAll(async () => {
  try {
    await atMost(runner?.stop(), 15_000);
    await atMost(closeDb(), 10_000);
  } finally {
    cluster?.destroy();
    process.off("uncaughtException", recordUncaught);
    process.off("unhandledRejection", recordUncaught);
  }
}, 60_000);

describe("faults: PostgreSQL restarts under load", () => {
  it("answers 503 with Retry-After while it is down, recovers at once, loses no acknowledged write, applies no retried write twice, and keeps the process and the job runner alive", async () => {
    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    const seen = { ok: 0, unavailable: 0 };
    let lastSuccessAt = 0;
    let stopping = false;
    let counter = 0;
    let replayed = 0;

    const observe = async (response: Response, what: string) => {
      if (response.status === 200) {
        seen.ok += 1;
        lastSuccessAt = Date.now();
        return true;
      }
      if (response.status === 503 && Number(response.headers.get("retry-after")) >= 1) {
        seen.unavailable += 1;
        return false;
      }
      unexpected.push(`${what} → ${response.status} ${response.headers.get("retry-after") ?? ""} ${(await response.text()).slice(0, 200)}`);
      return false;
    };

    const worker = async (id: number) => {
      // A write that got no success answer is retried with its key until it gets one, as a client would.
      let pending: { name: string; key: string; body: string } | null = null;
      while (!stopping) {
        counter += 1;
        if (!pending) {
          const name = `Fault ${id}-${counter} ${Date.now().toString(36)}`;
          pending = { name, key: crypto.randomUUID(), body: JSON.stringify(importDocument(name)) };
        }
        const response = await importOne(pending.body, pending.key);
        const wrote = await observe(response.clone(), `import ${pending.name}`);
        if (wrote) {
          acknowledged.push(pending.name);
          // Applied once: a retry of a write that was applied but not answered gets the first answer (created), never "unchanged".
          const { summary } = (await response.json()) as { summary: { create: number } };
          if (summary.create !== 1) unexpected.push(`import ${pending.name} answered ${JSON.stringify(summary)}`);
          if (response.headers.get("idempotent-replayed")) replayed += 1;
          pending = null;
        }
        const read = await observe(await checkOne(acknowledged.at(-1) ?? "nothing"), "check");
        await observe(await healthRoute(new NextRequest(`${config().baseUrl}/api/health`), STATIC_ROUTE), "health");
        if (!wrote || !read) await sleep(20);
      }
    };
    const load = Array.from({ length: WORKERS }, (_, id) => worker(id));

    const recoveries: number[] = [];
    const unavailableDuring: number[] = [];
    try {
      await sleep(UP_MS);
      for (let outage = 0; outage < OUTAGES; outage += 1) {
        await cluster.stop(outage % 2 === 0 ? "fast" : "immediate");
        const unavailableBefore = seen.unavailable;
        await sleep(DOWN_MS);
        unavailableDuring.push(seen.unavailable - unavailableBefore);
        await cluster.start();
        const back = Date.now();
        while (lastSuccessAt < back && Date.now() - back < 10_000) await sleep(10);
        recoveries.push(lastSuccessAt >= back ? lastSuccessAt - back : Number.POSITIVE_INFINITY);
        await sleep(UP_MS);
      }
    } finally {
      stopping = true;
      await Promise.all(load);
      await cluster.start().catch(() => undefined); // up again for what follows, whatever failed
    }

    console.log(`faults: ${JSON.stringify(seen)}, ${acknowledged.length} writes acknowledged (${replayed} of them replayed answers), 503s per outage: ${unavailableDuring.join(", ")}, first success after each return (ms): ${recoveries.join(", ")}`);
    expect(unexpected, "every answer is 200, or 503 with Retry-After").toEqual([]);
    // With their stacks: an error event nobody listened to is found by where it was emitted.
    expect(uncaught.map((error) => (error instanceof Error ? `${error.stack ?? error.message} ${JSON.stringify(error)}` : String(error))), "no uncaught exception").toEqual([]);
    expect(seen.ok).toBeGreaterThan(0);
    for (const [i, count] of unavailableDuring.entries()) expect(count, `503 answers during outage ${i + 1}`).toBeGreaterThan(0);
    for (const [i, ms] of recoveries.entries()) expect(ms, `first success after return ${i + 1}`).toBeLessThanOrEqual(RECOVERY_BOUND_MS);

    // Every write that was answered 200 is there.
    expect(acknowledged.length).toBeGreaterThan(OUTAGES);
    const present = await db.select({ name: software.name }).from(software).where(inArray(software.name, acknowledged));
    expect(new Set(present.map((p) => p.name))).toEqual(new Set(acknowledged));

    // No connection was lost to the pool: as many transactions at once as it holds, each waiting for a free one.
    const full = await Promise.allSettled(Array.from({ length: POOL_MAX * 2 }, () => db.transaction((tx) => tx.execute(sql`SELECT pg_sleep(0.1)`))));
    expect(full.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)), "the pool has all its connections back").toEqual([]);

    // The job runner still works: a sweep queued now runs to the end.
    await runner!.runSweepNow();
    const health = await healthRoute(new NextRequest(`${config().baseUrl}/api/health`), STATIC_ROUTE);
    expect(health.status).toBe(200);
  }, 90_000);

  it("sheds load with 503 and Retry-After when no connection is free within the acquire timeout, instead of queueing", async () => {
    // Every pooled connection busy for longer than the acquire timeout.
    const hold = Array.from({ length: POOL_MAX }, () =>
      // The job runner may be using one; a hold that finds none free is fine.
      db.transaction((tx) => tx.execute(sql`SELECT pg_sleep(2)`)).catch(() => "not acquired"),
    );
    await sleep(100);
    const response = await checkOne("anything");
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await response.json()).error.message).toMatch(/unavailable or overloaded/);
    await Promise.all(hold);
    expect((await checkOne("anything")).status).toBe(200);
  }, 30_000);

  it("gives a connection lost at BEGIN back to the pool, so outages do not drain it", async () => {
    const handle = await openDatabase({ ...config(), database: { kind: "postgres", url: cluster.url, poolMax: 1, statementTimeoutMs: 5_000, acquireTimeoutMs: 500 } });
    const killer = new Client({ connectionString: cluster.url });
    await killer.connect();
    try {
      for (let i = 0; i < 3; i += 1) {
        const { rows } = (await handle.db.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as { rows: { pid: number }[] };
        // The pooled connection is terminated; the next transaction gets it before the pool notices.
        await killer.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
        await handle.db.transaction((tx) => tx.execute(sql`SELECT 1`)).catch(() => "lost at BEGIN, or before");
        const { rows: next } = (await handle.db.transaction((tx) => tx.execute(sql`SELECT 1 AS one`))) as unknown as { rows: { one: number }[] };
        expect(next[0]!.one).toBe(1);
      }
    } finally {
      await killer.end();
      await handle.close();
    }
  });
});
