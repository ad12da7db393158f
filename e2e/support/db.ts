/**
 * Direct access to the e2e database, for asserting what a journey did (or did not) change.
 * e2e/support/serve.ts creates the database and records its URL in DB_STATE_FILE.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { APP_PORT } from "./constants";

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const DB_STATE_FILE = path.join(os.tmpdir(), "vetted-e2e", `database-${APP_PORT}.json`);

export function writeDbState(state: { databaseUrl: string }): void {
  mkdirSync(path.dirname(DB_STATE_FILE), { recursive: true });
  writeFileSync(DB_STATE_FILE, JSON.stringify(state), { mode: 0o600 });
}

export function databaseUrl(): string {
  const state = JSON.parse(readFileSync(DB_STATE_FILE, "utf8")) as { databaseUrl: string };
  return state.databaseUrl;
}

/** Runs one query against the e2e database on a short-lived connection. */
export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result = await client.query<T>(sql, params);
    return result.rows;
  } finally {
    await client.end();
  }
}

/** How many classification decisions a software has (by slug). */
export async function classificationCount(slug: string): Promise<number> {
  const rows = await query<{ n: string }>(
    "SELECT count(*)::text AS n FROM classifications c JOIN software s ON s.id = c.software_id WHERE s.slug = $1",
    [slug],
  );
  return Number(rows[0]?.n ?? 0);
}

/** How many audit events a software has (by slug). */
export async function auditCount(slug: string): Promise<number> {
  const rows = await query<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_events a JOIN software s ON s.id = a.software_id WHERE s.slug = $1",
    [slug],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * A new employee who signs in with the demo password, for journeys whose counts must not be
 * disturbed by other journeys running alongside (the demo users are shared).
 */
export async function createEmployee(label: string): Promise<{ id: string; email: string; name: string }> {
  const email = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Tester`;
  const [row] = await query<{ id: string }>(
    "INSERT INTO users (email, name, role, password_hash) SELECT $1, $2, 'employee', password_hash FROM users WHERE email = 'employee@example.com' RETURNING id",
    [email, name],
  );
  if (!row) throw new Error("the demo employee is missing");
  return { id: row.id, email, name };
}

/**
 * Records a notice for a user the way lib/notifications.ts does (an in-app notification and an
 * outbox email), for journeys that need one before a real flow produces it.
 */
export async function insertNotice(userId: string, notice: { title: string; body: string; link?: string }): Promise<void> {
  await query(
    `WITH recipient AS (SELECT email FROM users WHERE id = $1),
          n AS (INSERT INTO notifications (user_id, title, body, link) VALUES ($1, $2, $3, $4) RETURNING id)
     INSERT INTO email_outbox (to_address, subject, text) SELECT email, '[Vetted] ' || $2, $3 FROM recipient`,
    [userId, notice.title, notice.body, notice.link ?? null],
  );
}
