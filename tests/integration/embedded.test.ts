import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { emailOutbox, users } from "@/lib/db/schema";
import { addIdentifier, createSoftware } from "@/lib/mutations/catalogue";
import { createMailer } from "@/lib/delivery/email";
import { channels } from "@/lib/delivery/outbox";
import { startJobRunner } from "@/lib/jobs/runner";
import { notify } from "@/lib/notifications";
import { getDashboard } from "@/lib/queries/dashboard";
import { searchSoftware } from "@/lib/queries/software";
import { runMutation } from "@/lib/server/guard";
import { startMailbox } from "../support/mailbox";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("embedded database (PGlite)", () => {
  it("creates its data folder, migrates, searches with trigrams, and keeps a generated secret", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "vetted-")), "nested", "data");
    dirs.push(path.dirname(path.dirname(dataDir)));
    const cfg = loadConfig({ VETTED_DATA_DIR: dataDir, NODE_ENV: "test" });
    expect(cfg.database.kind).toBe("embedded");
    expect(cfg.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(loadConfig({ VETTED_DATA_DIR: dataDir }).authSecret).toBe(readFileSync(path.join(dataDir, "auth-secret"), "utf8"));

    const handle = await openDatabase(cfg);
    try {
      expect(handle.kind).toBe("embedded");
      const [row] = await handle.db.insert(users).values({ email: "r@embedded.test", name: "R", role: "reviewer" }).returning();
      const actor = { id: row!.id, email: row!.email, name: row!.name, role: row!.role, managerId: null };
      const created = await runMutation(createSoftware, actor, { name: "Claude Code", kind: "cli", category: "AI coding" }, handle.db);
      await runMutation(addIdentifier, actor, { softwareId: created.id, type: "npm", value: "@anthropic-ai/claude-code" }, handle.db);
      expect((await searchSoftware(handle.db, "cluade"))[0]?.name).toBe("Claude Code");
      expect((await searchSoftware(handle.db, "@anthropic-ai/claude-code"))[0]?.match).toBe("identifier");
      // The dashboard's aggregates (enum max, jsonb) run on PGlite too.
      const dashboard = await getDashboard(handle.db, new Date().toISOString().slice(0, 10));
      expect(dashboard.software.byStatus.find((b) => b.key === "unclassified")?.count).toBe(1);
      expect(dashboard.software.byTier.find((b) => b.key === "not_assessed")?.count).toBe(1);
    } finally {
      await handle.close();
    }
    // Re-opening the same folder finds the data and applies no migration twice.
    const again = await openDatabase(cfg);
    try {
      expect((await searchSoftware(again.db, "claude"))[0]?.name).toBe("Claude Code");
    } finally {
      await again.close();
    }
  }, 120_000);
});

/** Every folder and file under `root` (itself included) whose mode lets its group or others in, as "mode path". */
function openToOthers(root: string): string[] {
  const open: string[] = [];
  const walk = (entry: string) => {
    const stats = lstatSync(entry);
    if (stats.mode & 0o077) open.push(`${(stats.mode & 0o777).toString(8)} ${path.relative(root, entry) || "."}`);
    if (stats.isDirectory()) for (const name of readdirSync(entry)) walk(path.join(entry, name));
  };
  walk(root);
  return open;
}

describe("the embedded data folder", () => {
  it("is private to its owner — folder, secret, database files — fresh, and when an older version left it open", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "vetted-private-")), "data");
    dirs.push(path.dirname(dataDir));
    const cfg = loadConfig({ VETTED_DATA_DIR: dataDir, NODE_ENV: "test" });
    const handle = await openDatabase(cfg);
    try {
      // Password hashes live here.
      await handle.db.insert(users).values({ email: "p@embedded.test", name: "P", role: "admin", passwordHash: "scrypt$not-a-real-hash" });
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await handle.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);

    // As an older version left it: everything readable by all.
    const loosen = (entry: string) => {
      const stats = lstatSync(entry);
      chmodSync(entry, stats.isDirectory() ? 0o755 : 0o644);
      if (stats.isDirectory()) for (const name of readdirSync(entry)) loosen(path.join(entry, name));
    };
    loosen(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(100);
    const reopened = await openDatabase(loadConfig({ VETTED_DATA_DIR: dataDir, NODE_ENV: "test" }));
    try {
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});

describe("jobs on the embedded database", () => {
  it("run in-process: the sweep and then outbox delivery, on a timer or when asked", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "vetted-jobs-")), "data");
    dirs.push(path.dirname(dataDir));
    const handle = await openDatabase(loadConfig({ VETTED_DATA_DIR: dataDir, NODE_ENV: "test" }));
    const mailbox = await startMailbox();
    const mailer = createMailer({ host: "127.0.0.1", port: mailbox.port, secure: false, auth: null }, "vetted@embedded.test");
    const runner = await startJobRunner({ db: handle.db, database: { kind: "embedded" }, channels: channels(mailer), intervalMs: 3_600_000 });
    try {
      expect(runner.kind).toBe("in-process");
      const [user] = await handle.db.insert(users).values({ email: "e@embedded.test", name: "E" }).returning();
      await handle.db.transaction((tx) => notify(tx, [{ userId: user!.id, title: "Hello", body: "From the embedded runner." }], "http://localhost:3000"));
      await runner.runSweepNow();
      expect(mailbox.for("e@embedded.test").map((m) => m.subject)).toEqual(["[Vetted] Hello"]);
      const [row] = await handle.db.select().from(emailOutbox);
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
    } finally {
      await runner.stop();
      mailer.close();
      await mailbox.close();
      await handle.close();
    }
  }, 120_000);
});

describe("configuration", () => {
  it("refuses PostgreSQL without a secret, naming the variable", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://localhost/x" })).toThrow(/AUTH_SECRET/);
  });
  it("names a bad variable", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://x", AUTH_SECRET: "s".repeat(40) })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ OIDC_ISSUER: "https://idp.example", AUTH_SECRET: "s".repeat(40), VETTED_DATA_DIR: tmpdir() })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ OIDC_ROLE_GROUPS: "wizard=x", VETTED_DATA_DIR: tmpdir(), AUTH_SECRET: "s".repeat(40) })).toThrow(/OIDC_ROLE_GROUPS/);
  });

  it("reads SMTP from one URL or from parts, and names what is wrong without echoing a password", () => {
    const base = { VETTED_DATA_DIR: tmpdir(), AUTH_SECRET: "s".repeat(40), VETTED_URL: "https://vetted.example.com" };
    const none = loadConfig(base);
    expect(none.smtp).toBeNull();
    expect(none.jobs).toBe(true);
    expect(none.mailFrom).toBe("Vetted <vetted@vetted.example.com>");
    expect(loadConfig({ ...base, SMTP_URL: "smtp://mailer%40corp:p%3Ass@mail.corp.example:2525", MAIL_FROM: "Risk <risk@corp.example>" })).toMatchObject({
      smtp: { host: "mail.corp.example", port: 2525, secure: false, auth: { user: "mailer@corp", pass: "p:ss" } },
      mailFrom: "Risk <risk@corp.example>",
    });
    expect(loadConfig({ ...base, SMTP_URL: "smtps://relay.example" }).smtp).toEqual({ host: "relay.example", port: 465, secure: true, auth: null });
    expect(loadConfig({ ...base, SMTP_HOST: "relay.example", SMTP_USER: "u", SMTP_PASSWORD: "p" }).smtp).toEqual({ host: "relay.example", port: 587, secure: false, auth: { user: "u", pass: "p" } });
    expect(loadConfig({ ...base, SMTP_HOST: "relay.example", SMTP_SECURE: "true" }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({ ...base, VETTED_JOBS: "off" }).jobs).toBe(false);

    expect(() => loadConfig({ ...base, SMTP_URL: "http://user:hunter2@mail.example" })).toThrow(/SMTP_URL must look like/);
    expect(() => loadConfig({ ...base, SMTP_URL: "http://user:hunter2@mail.example" })).not.toThrow(/hunter2/);
    expect(() => loadConfig({ ...base, SMTP_URL: "smtp://a", SMTP_HOST: "b" })).toThrow(/either SMTP_URL or SMTP_HOST/);
    expect(() => loadConfig({ ...base, SMTP_PORT: "25" })).toThrow(/need SMTP_HOST/);
    expect(() => loadConfig({ ...base, SMTP_HOST: "relay.example", SMTP_USER: "u" })).toThrow(/SMTP_USER and SMTP_PASSWORD/);
    expect(() => loadConfig({ ...base, SMTP_HOST: "relay.example", SMTP_PORT: "many" })).toThrow(/SMTP_PORT/);
    expect(() => loadConfig({ ...base, MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...base, VETTED_JOBS: "maybe" })).toThrow(/VETTED_JOBS/);
  });
});

describe("migrations under a lock", () => {
  it("lets two instances start at once on a fresh database", async () => {
    const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `vetted_lock_${Date.now()}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const cfg = loadConfig({ DATABASE_URL: url.toString(), AUTH_SECRET: "s".repeat(40) });
      const [a, b] = await Promise.all([openDatabase(cfg), openDatabase(cfg)]);
      await a.db.insert(users).values({ email: "x@lock.test", name: "X" });
      await Promise.all([a.close(), b.close()]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
