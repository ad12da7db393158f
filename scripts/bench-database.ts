/**
 * A throwaway PostgreSQL database for a benchmark: created on BENCH_DATABASE_ADMIN_URL (default
 * the local server), migrated by opening it, and dropped afterwards unless `keep` is set.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { loadConfig } from "../lib/config";
import { openDatabase, type DbHandle } from "../lib/db/client";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function withBenchDatabase<T>(
  run: (bench: { name: string; url: string; handle: DbHandle }) => Promise<T>,
  { keep = false, env = {} }: { keep?: boolean; env?: Record<string, string> } = {},
): Promise<T> {
  const name = `vetted_bench_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase(loadConfig({ DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("hex"), ...env }));
  try {
    return await run({ name, url: url.toString(), handle });
  } finally {
    await handle.close();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
