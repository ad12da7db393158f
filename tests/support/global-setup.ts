import { randomBytes } from "node:crypto";
import { Client } from "pg";

/**
 * Integration tests run against a real PostgreSQL: a fresh database for every run, created
 * here on the server named by TEST_DATABASE_ADMIN_URL (default: the local server) and dropped
 * afterwards.
 */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export default async function setup() {
  const name = `vetted_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");

  return async () => {
    const cleanup = new Client({ connectionString: ADMIN_URL });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
