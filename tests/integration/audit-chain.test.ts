import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { asc, count, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { loadConfig } from "@/lib/config";
import { writeAudit } from "@/lib/db/audit";
import { closeDb, getDb, openDatabase, type Db, type DbHandle } from "@/lib/db/client";
import { auditEvents, notifications, users } from "@/lib/db/schema";
import { channels } from "@/lib/delivery/outbox";
import { startJobRunner } from "@/lib/jobs/runner";
import { addEdition, createSoftware, createVendor, updateEdition, updateSoftware, updateVendor } from "@/lib/mutations/catalogue";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/mutations/notifications";
import { updateSettings } from "@/lib/mutations/settings";
import { updateUser } from "@/lib/mutations/users";
import { getSettings } from "@/lib/queries/settings";
import { chainHeadLogLine } from "@/lib/domain/audit-chain";
import { auditChainHead, verifyAuditChain } from "@/lib/queries/audit-chain";
import { checkLoggedHead } from "@/lib/services/audit-chain";
import { defineMutation, runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";
import { setLogDestination } from "@/lib/log";

const run = promisify(execFile);
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
/** The last migration before the audit trail was chained. */
const BEFORE_CHAIN = "0011_signing_id";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await closeDb();
});

/** A database of its own, so the tampering below cannot break the chain the other tests share. */
async function freshDatabase(): Promise<string> {
  const name = `vetted_chain_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The migrations up to and including `lastTag`, as a folder of their own. */
function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "vetted-migrations-"));
  cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return folder;
}

/** What the table's owner can do behind the app's back: switch the append-only trigger off, rewrite, switch it on. */
async function tamper(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
  });
}

async function verifyScript(url: string, args: string[] = []): Promise<{ code: number; out: string }> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  try {
    const { stdout, stderr } = await run(tsx, ["--conditions=react-server", "scripts/audit-verify.ts", ...args], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET, NODE_ENV: "test" },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("the audit trail's hash chain (PostgreSQL)", () => {
  let url: string;
  let handle: DbHandle;
  let reviewer: SessionUser;
  /** The head as the daily log line recorded it, before anyone tampered. */
  let loggedHead = "";

  beforeAll(async () => {
    url = await freshDatabase();
    // A database from before the chain, with history…
    const client = new Client({ connectionString: url });
    await client.connect();
    await migrate(drizzle(client), { migrationsFolder: migrationsUpTo(BEFORE_CHAIN) });
    await client.query(
      `INSERT INTO audit_events (actor_email, action, entity_type, entity_id, before, after, reason) VALUES
        ('old@example.com', 'software.created', 'software', 'a', NULL, '{"name": "Old tool", "n": 1.50}', 'history'),
        (NULL, 'grant.expired', 'grant', 'b', '{"z": [1, {"y": "ü\\n"}], "a": null}', 'null', NULL),
        ('old@example.com', 'settings.updated', 'settings', 'global', '{}', '{"k": "v"}', 'ünïcode ✓')`,
    );
    await client.end();
    // …then the app's own start applies the rest.
    handle = await openDatabase(loadConfig({ DATABASE_URL: url, AUTH_SECRET: "s".repeat(40) }));
    cleanups.push(() => handle.close());
    const [row] = await handle.db.insert(users).values({ email: "reviewer@chain.test", name: "R", role: "reviewer" }).returning();
    reviewer = { id: row!.id, email: row!.email, name: row!.name, role: row!.role, managerId: null };
  }, 120_000);

  it("chains the history a migrated database already held, and every event after it", async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: 3, head: { position: 3 } });
    await runMutation(createSoftware, reviewer, { name: "Claude Code", kind: "cli", category: "AI coding" }, handle.db);
    await handle.db.transaction((tx) => writeAudit(tx, null, [1, 2, 3].map((n) => ({ action: "test.batch", entityType: "test", entityId: String(n), after: { n } }))));
    const result = await verifyAuditChain(handle.db);
    expect(result).toMatchObject({ ok: true, checked: 7, brokenLink: null });
    expect(result.head).toEqual(await auditChainHead(handle.db));
    expect(result.head.position).toBe(7);
    expect(result.head.hash).toMatch(/^[0-9a-f]{64}$/);
    loggedHead = chainHeadLogLine(result.head);
  });

  it("the verify script exits 0 on an intact chain and prints its head", async () => {
    const { code, out } = await verifyScript(url);
    expect(out).toContain("the chain holds: 7 events; head position 7");
    expect(code).toBe(0);
  }, 60_000);

  it("names the first broken link when the owner rewrites a row's `after` behind the trigger, and the script exits 1", async () => {
    const [victim] = await handle.db.select().from(auditEvents).where(eq(auditEvents.position, 4));
    await tamper(handle.db, sql`UPDATE audit_events SET after = '{"name": "Something harmless"}' WHERE id = ${victim!.id}`);
    // The append-only trigger is back on: the rewrite went through only behind its back.
    await expect(handle.db.execute(sql`UPDATE audit_events SET reason = 'x' WHERE id = ${victim!.id}`)).rejects.toThrow();

    const result = await verifyAuditChain(handle.db);
    expect(result.ok).toBe(false);
    expect(result.brokenLink).toMatchObject({ position: 4, eventId: String(victim!.id) });
    // The time with microseconds; the first 23 characters are what a JS Date holds of it.
    expect(result.brokenLink!.at.slice(0, 23)).toBe(victim!.at.toISOString().slice(0, 23));
    expect(result.brokenLink!.problem).toMatch(/was changed/);

    const { code, out } = await verifyScript(url);
    expect(out).toContain(`BROKEN at position 4: event ${victim!.id}`);
    expect(code).toBe(1);
  }, 60_000);

  it("names an earlier rewritten actor, and a removed event, as the first broken link", async () => {
    const [earlier] = await handle.db.select().from(auditEvents).where(eq(auditEvents.position, 2));
    await tamper(handle.db, sql`UPDATE audit_events SET actor_email = 'someone-else@example.com' WHERE id = ${earlier!.id}`);
    expect((await verifyAuditChain(handle.db)).brokenLink).toMatchObject({ position: 2, eventId: String(earlier!.id) });

    const [first] = await handle.db.select().from(auditEvents).where(eq(auditEvents.position, 1));
    await tamper(handle.db, sql`DELETE FROM audit_events WHERE id = ${first!.id}`);
    const afterDelete = await verifyAuditChain(handle.db);
    expect(afterDelete.brokenLink).toMatchObject({ position: 2, eventId: String(earlier!.id) });
    expect(afterDelete.brokenLink!.problem).toMatch(/events 1 before it are missing/);
  });

  it("a history rewritten wholesale (every position and hash recomputed) verifies, but no longer matches the logged head", async () => {
    await tamper(
      handle.db,
      sql.raw(`DO $$
        DECLARE r audit_events; n bigint := 0; previous text := repeat('0', 64);
        BEGIN
          FOR r IN SELECT * FROM audit_events ORDER BY "position" LOOP
            n := n + 1; r."position" := n; r.hash := audit_event_hash(previous, r);
            UPDATE audit_events SET "position" = r."position", hash = r.hash WHERE id = r.id;
            previous := r.hash;
          END LOOP;
        END $$`),
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: 6 });
    expect(await checkLoggedHead(handle.db, `[audit] ${loggedHead}`)).toMatchObject({ status: "missing", logged: { position: 7 } });
    const { code, out } = await verifyScript(url, ["--logged", loggedHead]);
    expect(out).toContain("logged head position 7 DOES NOT MATCH");
    expect(code).toBe(1);

    const current = chainHeadLogLine(await auditChainHead(handle.db));
    expect(await checkLoggedHead(handle.db, current)).toMatchObject({ status: "matches" });
    expect(await checkLoggedHead(handle.db, "audit chain head: position 6 hash " + "0".repeat(64))).toMatchObject({ status: "differs" });
    expect(await checkLoggedHead(handle.db, "position 6")).toEqual({ status: "unreadable" });
    expect((await verifyScript(url, ["--logged", current])).code).toBe(0);
    expect((await verifyScript(url, ["--logged", "nonsense"])).code).toBe(2);
  }, 60_000);
});

describe("the chain under concurrent writers", () => {
  let db: Db;
  let reviewer: SessionUser;
  beforeAll(async () => {
    db = await getDb();
    reviewer = await makeUser(db, "reviewer");
  });

  it("stays unbroken when 20 mutations and 5 batch writers commit at once", async () => {
    const before = await auditChainHead(db);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => runMutation(createSoftware, reviewer, { name: unique(`Parallel ${i}`), kind: "saas", category: "Testing" })),
      ...Array.from({ length: 5 }, (_, i) =>
        db.transaction((tx) => writeAudit(tx, null, Array.from({ length: 50 }, (_, n) => ({ action: "test.parallel", entityType: "test", entityId: `${i}-${n}` })))),
      ),
    ]);
    const result = await verifyAuditChain(db);
    expect(result.brokenLink).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.head.position).toBe(before.position + 20 + 5 * 50);
    const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(auditEvents);
    expect(result.checked).toBe(n);
  });
});

/** The messages the structured log writes until `stop()`, which sends it back to stdout. */
function captureLog(): { stop: () => string[] } {
  const messages: string[] = [];
  setLogDestination({ write: (line: string) => void messages.push((JSON.parse(line) as { msg: string }).msg) });
  return {
    stop: () => {
      setLogDestination(process.stdout);
      return messages;
    },
  };
}

describe("the chain head in the log", () => {
  it("is written by the pg-boss runner when it starts (and by its daily schedule), as one structured line", async () => {
    const db = await getDb();
    await db.transaction((tx) => writeAudit(tx, null, [{ action: "test.logged", entityType: "test", entityId: "head" }]));
    const logged = captureLog();
    const runner = await startJobRunner({ db, database: { kind: "postgres", url: process.env.DATABASE_URL! }, channels: channels(null) });
    await runner.stop();
    const lines = logged.stop().filter((line) => line.includes("audit chain head"));
    expect(lines).toHaveLength(1);
    const [, position, hash] = /^audit chain head: position (\d+) hash ([0-9a-f]{64})$/.exec(lines[0]!)!;
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.position, Number(position)));
    expect(event?.hash).toBe(hash);
    // …and the daily schedule is in pg-boss's own table.
    const schedules = (await db.execute(sql`SELECT cron, options->>'tz' AS tz FROM pgboss.schedule WHERE name = 'audit-chain-head'`)) as unknown as { rows: { cron: string; tz: string }[] };
    expect(schedules.rows).toEqual([{ cron: "0 0 * * *", tz: "UTC" }]);
  }, 60_000);
});

describe("the chain on the embedded database (PGlite)", () => {
  it("chains, verifies and names a rewritten row", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "vetted-chain-")), "data");
    cleanups.push(async () => rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    const handle = await openDatabase(loadConfig({ VETTED_DATA_DIR: dataDir, NODE_ENV: "test" }));
    try {
      const [row] = await handle.db.insert(users).values({ email: "r@embedded.test", name: "R", role: "reviewer" }).returning();
      const actor = { id: row!.id, email: row!.email, name: row!.name, role: row!.role, managerId: null };
      await runMutation(createSoftware, actor, { name: "Embedded tool", kind: "cli", category: "Testing" }, handle.db);
      await handle.db.transaction((tx) => writeAudit(tx, null, [1, 2].map((n) => ({ action: "test.batch", entityType: "test", entityId: String(n), after: { n, text: "ü\u2028\"" } }))));
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: 3, head: { position: 3 } });

      // The in-process job runner writes the head to the log on its first tick of the day.
      const logged = captureLog();
      const runner = await startJobRunner({ db: handle.db, database: { kind: "embedded" }, channels: channels(null), intervalMs: 3_600_000 });
      let lines: string[];
      try {
        await runner.runSweepNow();
        await runner.runSweepNow();
      } finally {
        await runner.stop();
        lines = logged.stop().filter((line) => line.includes("audit chain head"));
      }
      const head = await auditChainHead(handle.db);
      expect(lines).toEqual([`audit chain head: position 3 hash ${head.hash}`]);

      const [second] = await handle.db.select().from(auditEvents).orderBy(asc(auditEvents.position)).offset(1).limit(1);
      await tamper(handle.db, sql`UPDATE audit_events SET after = '{"n": 9}' WHERE id = ${second!.id}`);
      expect((await verifyAuditChain(handle.db)).brokenLink).toMatchObject({ position: 2, eventId: String(second!.id) });
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe("no-op mutations write no event", () => {
  it("25 \"mark all read\" with nothing unread add no audit event, and one with something unread adds one", async () => {
    const db = await getDb();
    const employee = await makeUser(db, "employee");
    const before = await auditChainHead(db);
    for (let i = 0; i < 25; i++) {
      expect(await runMutation(markAllNotificationsRead, employee, {})).toEqual({ count: 0 });
    }
    expect(await auditChainHead(db)).toEqual(before);

    await db.insert(notifications).values({ userId: employee.id, title: "Hello", body: "Unread." });
    expect(await runMutation(markAllNotificationsRead, employee, {})).toEqual({ count: 1 });
    expect((await auditChainHead(db)).position).toBe(before.position + 1);
  });

  it("marking a notification read twice, or saving settings, a user, a software, a vendor or an edition unchanged, audits only the real change", async () => {
    const db = await getDb();
    const admin = await makeUser(db, "admin");
    const reviewer = await makeUser(db, "reviewer");
    const employee = await makeUser(db, "employee");
    const [notice] = await db.insert(notifications).values({ userId: employee.id, title: "Once", body: "Read me." }).returning();
    const vendor = await runMutation(createVendor, reviewer, { name: unique("Vendor") });
    const tool = await runMutation(createSoftware, reviewer, { name: unique("Unchanged tool"), kind: "saas", category: "Testing", description: "kept" });
    const edition = await runMutation(addEdition, reviewer, { softwareId: tool.id, name: "Team", description: "for teams" });
    const settings = await getSettings(db);
    const settingsInput = { labels: settings.dataClassLabels, intervals: settings.reviewIntervalMonths, reassessment: settings.reassessmentMonths, requests: settings.requests };
    const userInput = { id: employee.id, role: "employee", managerId: "", active: "on" };
    const softwareInput = { id: tool.id, name: tool.name, kind: "saas", category: "Testing", description: "kept", vendorId: "", expectedUpdatedAt: tool.updatedAt.toISOString() };
    const vendorInput = { id: vendor.id, name: vendor.name, certifications: "", subprocessors: "" };
    const editionInput = { id: edition.id, name: "Team", description: "for teams" };

    const before = await auditChainHead(db);
    await runMutation(markNotificationRead, employee, { id: notice!.id });
    expect((await auditChainHead(db)).position).toBe(before.position + 1);
    const changed = await auditChainHead(db);
    await runMutation(markNotificationRead, employee, { id: notice!.id });
    await runMutation(updateSettings, admin, settingsInput);
    await runMutation(updateUser, admin, userInput);
    await runMutation(updateSoftware, reviewer, softwareInput);
    await runMutation(updateVendor, reviewer, vendorInput);
    await runMutation(updateEdition, reviewer, editionInput);
    expect(await auditChainHead(db)).toEqual(changed);

    // A real change is still a change, audited.
    await runMutation(updateEdition, reviewer, { ...editionInput, description: "for bigger teams" });
    await runMutation(updateUser, admin, { ...userInput, role: "manager" });
    expect((await auditChainHead(db)).position).toBe(changed.position + 2);
  });

  it("still rolls back a mutation that wrote without reporting an audit event", async () => {
    const db = await getDb();
    const admin = await makeUser(db, "admin");
    const email = `silent-${Date.now()}@test.example`;
    const silent = defineMutation({
      name: "silentWrite",
      action: "users.manage",
      input: z.object({}),
      async run({ tx }) {
        await tx.insert(users).values({ email, name: "Silent" });
        return { result: null, audit: [] };
      },
    });
    const before = await auditChainHead(db);
    await expect(runMutation(silent, admin, {})).rejects.toThrow(/audit event/);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await auditChainHead(db)).toEqual(before);
  });
});
