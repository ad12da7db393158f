import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own, in a temporary folder on a free loopback port, that
 * the test may stop and start at will — never the shared server the other tests use. Run as
 * the `postgres` user when the test runs as root (initdb refuses root).
 */
export interface TemporaryCluster {
  url: string;
  port: number;
  start(): Promise<void>;
  /** "fast": clients are told (57P01) and disconnected; "immediate": the server dies and recovers from its WAL on start. */
  stop(mode: "fast" | "immediate"): Promise<void>;
  /** Stops the server if it runs and removes the folder; safe to call twice. */
  destroy(): void;
}

/** PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin, else what pg_config names. */
function binDir(): string {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv) return fromEnv;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(path.join(debian, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("The fault tests need PostgreSQL's initdb and pg_ctl: install PostgreSQL or set PG_BINDIR");
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTemporaryCluster(): Promise<TemporaryCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const command = (tool: string, args: string[]) => (asRoot ? { file: "runuser", args: ["-u", "postgres", "--", path.join(bin, tool), ...args] } : { file: path.join(bin, tool), args });
  const pgCtl = (args: string[]) => {
    const c = command("pg_ctl", args);
    return run(c.file, c.args, { timeout: 60_000 });
  };

  const folder = mkdtempSync(path.join(tmpdir(), "vetted-faults-"));
  const data = path.join(folder, "data");
  let running = false;
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    if (running) {
      const c = command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      try {
        execFileSync(c.file, c.args, { stdio: "ignore", timeout: 30_000 });
      } catch {
        // Already stopped.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
  // Even when the test fails or the worker exits early, no cluster is left running.
  process.once("exit", destroy);

  try {
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
      chownSync(folder, uid, gid);
    }
    const initdb = command("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    await run(initdb.file, initdb.args, { timeout: 120_000 });
    const port = await freePort();
    // The socket goes in the test's folder, not /var/run/postgresql. fsync off: the faults are the
    // server's, not the machine's — an acknowledged commit survives a server crash in the page cache.
    const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    const cluster: TemporaryCluster = {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async start() {
        running = true; // from the attempt on: a half-started server is stopped by destroy() too
        await pgCtl(["-D", data, "-o", options, "-l", path.join(folder, "server.log"), "-w", "-t", "60", "start"]);
      },
      async stop(mode) {
        await pgCtl(["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
        running = false;
      },
      destroy,
    };
    await cluster.start();
    return cluster;
  } catch (error) {
    destroy();
    throw error;
  }
}
