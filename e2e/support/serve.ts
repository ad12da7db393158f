/**
 * The app under test, started by playwright.config.ts: a fresh PostgreSQL database for this
 * run, the demo seed (with demo users), then `next start` on the built app, with its jobs on,
 * email to the harness's SMTP server and a clock the tests can move, behind a proxy that checks
 * every /api/v1 response against the OpenAPI document. On SIGINT/SIGTERM it stops the server
 * and drops the database.
 *
 * Does not build: run `next build` first (`npm run test:e2e` does).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { CLOCK_FILE, resetClock } from "./clock";
import { APP_PORT, APP_UPSTREAM_PORT, APP_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_DISPLAY_NAME, OIDC_ISSUER, SMTP_PASSWORD, SMTP_PORT, SMTP_USER } from "./constants";
import { openApiContract } from "../../tests/support/openapi-contract";
import { startContractProxy } from "./contract-proxy";
import { ADMIN_URL, DB_STATE_FILE, writeDbState } from "./db";

const ROOT = path.resolve(__dirname, "..", "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

const dbName = `vetted_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomBytes(48).toString("base64url"),
  VETTED_URL: APP_URL,
  NEXTAUTH_URL: APP_URL,
  NEXT_TELEMETRY_DISABLED: "1",
  OIDC_ISSUER,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_DISPLAY_NAME,
  OIDC_ROLE_GROUPS: "reviewer=appsec",
  // The harness's SMTP server (mail-server.ts), with credentials like a company relay.
  SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${SMTP_PORT}`,
  MAIL_FROM: "Vetted <vetted@e2e.example>",
  // Tests move time with e2e/support/clock.ts.
  VETTED_CLOCK_FILE: CLOCK_FILE,
  VETTED_JOBS: "on",
  // Unexpected errors only: the journeys provoke hundreds of security events (refusals, failed sign-ins) by design.
  LOG_LEVEL: "error",
  // Journeys start webhook receivers on http://127.0.0.1: an internal receiver the address policy must be told about.
  WEBHOOK_ALLOW_HTTP: "true",
  WEBHOOK_ALLOWED_CIDRS: "127.0.0.1/32",
  // The harness's contract proxy (contract-proxy.ts) stands where a load balancer would.
  TRUSTED_PROXIES: "127.0.0.1",
};
delete env.PORT;
delete env.VETTED_DATA_DIR;

let server: ChildProcess | undefined;
let stopping = false;

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Databases left behind by runs that were killed outright (older than a day). */
async function dropStaleDatabases(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'vetted\\_e2e\\_%'");
    const dayAgo = Date.now() - 86_400_000;
    for (const { datname } of rows) {
      const started = Number(datname.split("_")[2]);
      if (Number.isFinite(started) && started < dayAgo) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Stops the server and drops the database, once: the signal may arrive twice (group kill + tsx relaying it). */
let stopped: Promise<void> | undefined;
function shutdown(exitCode: number): Promise<void> {
  stopped ??= (async () => {
    stopping = true;
    const running = server && server.exitCode === null && server.signalCode === null ? server : undefined;
    const exited = running ? new Promise((resolve) => running.once("exit", resolve)) : Promise.resolve();
    running?.kill("SIGTERM");
    try {
      // FORCE ends the server's connections: no need to wait for it first.
      await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      console.log(`[e2e] dropped database ${dbName}`);
    } catch (error) {
      console.error(`[e2e] could not drop database ${dbName}:`, (error as Error).message);
    }
    rmSync(DB_STATE_FILE, { force: true });
    rmSync(CLOCK_FILE, { force: true });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (running && running.exitCode === null && running.signalCode === null) running.kill("SIGKILL");
    process.exit(exitCode);
  })();
  return stopped;
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  await dropStaleDatabases().catch((error: unknown) => console.warn("[e2e] stale database clean-up skipped:", (error as Error).message));
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  console.log(`[e2e] created database ${dbName}`);
  writeDbState({ databaseUrl });
  resetClock();

  await run(bin("tsx"), ["--conditions=react-server", "db/seed.ts", "--demo-users"]);

  server = spawn(bin("next"), ["start", "-p", String(APP_UPSTREAM_PORT)], { cwd: ROOT, env, stdio: "inherit" });
  server.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[e2e] next start exited unexpectedly (${signal ?? code})`);
    void shutdown(1);
  });
  startContractProxy({ port: APP_PORT, upstreamPort: APP_UPSTREAM_PORT, check: openApiContract(APP_URL).check });
}

main().catch((error: unknown) => {
  console.error("[e2e] failed to start the app:", error instanceof Error ? error.message : error);
  void shutdown(1);
});
