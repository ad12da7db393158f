import "server-only";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool, PoolClient } from "pg";
import { config, type Config } from "../config";
import { logger } from "../log";
import { ensurePrivateDir, makePrivate } from "../storage/private-files";
import { applyDataUpgrades } from "./data-upgrades";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Trigram threshold for `<%` (word similarity). The default 0.6 misses ordinary typos:
 * "cluade" vs "claude code" scores 0.29.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.25;

const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
/** Any constant shared by all instances: only one applies migrations at a time. */
const MIGRATION_LOCK_KEY = 727_001;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "embedded";
  close: () => Promise<void>;
}

// One client per process, kept on globalThis: Next may load this module in several bundles,
// and two PGlite instances on one data directory would corrupt it.
const globalForDb = globalThis as unknown as { vettedDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.vettedDb ??= openDatabase(config()).catch((error: unknown) => {
    globalForDb.vettedDb = undefined;
    throw error;
  });
  return globalForDb.vettedDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.vettedDb;
  globalForDb.vettedDb = undefined;
  if (handle) await (await handle).close();
}

/** Opens the configured database, applies pending migrations, then the one-off data upgrades. */
export async function openDatabase(cfg: Config): Promise<DbHandle> {
  const handle = await connect(cfg);
  try {
    await applyDataUpgrades(handle.db);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

async function connect(cfg: Config): Promise<DbHandle> {
  if (cfg.database.kind === "postgres") {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    await migratePostgres(cfg.database.url);
    const pool: Pool = new Pool({
      connectionString: cfg.database.url,
      max: cfg.database.poolMax,
      statement_timeout: cfg.database.statementTimeoutMs,
      idleTimeoutMillis: 30_000,
      // In pg-pool 3 this bounds both waits: for a free client when the pool is full, and for a
      // new connection. Past it the request is shed with 503 (lib/db/unavailable.ts) instead of
      // queueing behind a saturated pool past any client's own timeout.
      connectionTimeoutMillis: cfg.database.acquireTimeoutMs,
      keepAlive: true,
      options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`,
    });
    // A client checked out for a transaction has no listener of the pool's: without one of its
    // own, a connection dropped by a restart would be an uncaught exception. The failed query
    // still rejects (and answers 503); the pool discards the broken client when it is released.
    pool.on("connect", (client) => client.on("error", logConnectionError));
    // The pool re-emits an idle client's error, already logged by the client's own listener;
    // without a listener here that re-emission would be an uncaught exception.
    pool.on("error", () => undefined);
    releaseClientsWhoseBeginFails(pool);
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", close: () => pool.end() };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite creates only the last folder of its path. Owner-only (lib/storage/private-files.ts): it holds password hashes and evidence.
  const dataRoot = path.dirname(cfg.database.dataDir);
  await ensurePrivateDir(dataRoot);
  await makePrivate(dataRoot);
  const client: PGlite = await PGlite.create(cfg.database.dataDir, { extensions: { pg_trgm } });
  await client.exec(`SET pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // PGlite's first files arrive 0666; the folder's 0700 already keeps others out, this keeps copies of it private too.
  await makePrivate(dataRoot);
  const close = async () => {
    await client.close();
    await makePrivate(dataRoot);
  };
  return { db: db as unknown as Db, kind: "embedded", close };
}

/**
 * Drizzle's node-postgres transaction (0.45) checks a client out and sends BEGIN before its
 * try/finally: when the connection is lost at BEGIN the client is never released, and after a
 * few outages the pool has no connections left (every request then times out waiting). A
 * transaction is the only caller of the pool's promise-form `connect()` (queries use the
 * callback form), so there a failed first query gives the client back, broken, to be discarded.
 */
function releaseClientsWhoseBeginFails(pool: Pool): void {
  const connect = pool.connect.bind(pool);
  const guarded = (callback?: Parameters<Pool["connect"]>[0]) => {
    if (callback) return connect(callback);
    return connect().then((client) => {
      client.query = ((...args: Parameters<PoolClient["query"]>) => {
        delete (client as Partial<PoolClient>).query; // only the first query, BEGIN, is guarded
        const result = client.query(...args) as unknown;
        if (result instanceof Promise) result.catch((error: Error) => client.release(error));
        return result;
      }) as PoolClient["query"];
      return client;
    });
  };
  pool.connect = guarded as Pool["connect"];
}

/** Logged once per broken connection; the query that was running on it fails on its own. */
function logConnectionError(error: Error): void {
  const code = (error as { code?: string }).code;
  logger().error({ component: "db", code, error: error.message.slice(0, 200) }, "connection lost");
}

/** Applies pending migrations on one dedicated connection holding an advisory lock. */
async function migratePostgres(url: string): Promise<void> {
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  // Bounded: a database that does not answer fails the start (or a health check) instead of hanging it.
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", logConnectionError);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
