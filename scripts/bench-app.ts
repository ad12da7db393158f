/**
 * The built app for a browser benchmark (bench:keystroke, bench:first-load-js): `next start` on a
 * fresh PostgreSQL database seeded with the demo catalogue and users, stopped and dropped
 * afterwards. Build first (`next build`). With BENCH_URL set, uses that running app instead
 * (it must have the demo users: `db/seed.ts --demo-users`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { Client } from "pg";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROOT = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export const DEMO_PASSWORD = "vetted-demo";
export const EMPLOYEE = "employee@example.com";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}`))));
  });
}

async function admin(sql: string) {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function withApp<T>(work: (baseUrl: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_URL) return work(process.env.BENCH_URL.replace(/\/$/, ""));
  const port = Number(process.env.BENCH_PORT ?? 3800);
  const baseUrl = `http://127.0.0.1:${port}`;
  const name = `vetted_bench_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(32).toString("hex"),
    VETTED_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "error",
  };
  delete env.PORT;
  delete env.VETTED_DATA_DIR;
  if (await fetch(`${baseUrl}/api/health`).then(() => true, () => false)) throw new Error(`port ${port} is taken: set BENCH_PORT, or BENCH_URL to use that app`);
  await admin(`CREATE DATABASE "${name}"`);
  let server: ChildProcess | undefined;
  try {
    console.log(`[bench] seeding ${name} with the demo…`);
    await run(bin("tsx"), ["--conditions=react-server", "db/seed.ts", "--demo-users"], env);
    // Its own process group, so that stopping it stops next-server too.
    server = spawn(bin("next"), ["start", "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error("next start exited");
      const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 240) throw new Error("the app did not start in 120 s");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return await work(baseUrl);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      process.kill(-server.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** Chromium with a signed-in demo employee's context. */
export async function signedInBrowser(baseUrl: string, email = EMPLOYEE): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ baseURL: baseUrl });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" }, maxRedirects: 0 });
  if (response.status() !== 200) throw new Error(`sign-in as ${email} answered ${response.status()}`);
  return { browser, context };
}

export function summary(values: number[]): { median: number; p95: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
