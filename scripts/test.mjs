#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, the unit and integration tests (Vitest), then the end-to-end journeys
 * (build + Playwright) — in that order, stopping at the first failure, like a `&&` chain.
 *
 * With TEST_ALSO_ON_NODE (paths to other `node` binaries, separated by ":"; `.ci/run` sets it to
 * Node.js 22), the unit and integration tests also run on each of them, beside the Playwright run:
 * that run mostly waits on the browser, and Vitest runs its files one after another, so on two
 * cores the second run costs little wall time. Their output goes to a log, printed when they end.
 * Plain Node.js, no dependencies: it must run before anything else is known to work.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs a command; resolves with its exit code. Output goes to the terminal, or to `log` when given. */
function run(command, args, { env = process.env, log } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: log ? ["ignore", "pipe", "pipe"] : "inherit" });
    if (log) {
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
    }
    child.on("error", (error) => {
      log?.write(`${error.message}\n`);
      if (!log) console.error(error.message);
      resolve(127);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function fail(step, code) {
  console.error(`\nnpm test: ${step} failed (exit code ${code})`);
  process.exit(code || 1);
}

/** The other Node.js binaries to run Vitest on, each checked to exist. */
function otherNodes() {
  const list = (process.env.TEST_ALSO_ON_NODE ?? "").split(":").map((p) => p.trim()).filter(Boolean);
  for (const node of list) {
    if (!existsSync(node)) fail(`TEST_ALSO_ON_NODE (${node}: no such file)`, 2);
  }
  return list;
}

/**
 * Vitest on another Node.js: that node first on PATH, so Vitest's workers and every process the
 * tests start (tsx, node) run on it too.
 */
async function vitestOn(node, dir) {
  const version = await new Promise((resolve) => {
    const child = spawn(node, ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("close", () => resolve(out.trim() || "unknown version"));
    child.on("error", () => resolve("unknown version"));
  });
  const file = path.join(dir, `vitest-node-${version}.log`);
  const log = createWriteStream(file);
  const started = Date.now();
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}` };
  const code = await run(node, [path.join(root, "node_modules/vitest/vitest.mjs"), "run"], { env, log });
  await new Promise((resolve) => log.end(resolve));
  return { node, version, file, code, seconds: Math.round((Date.now() - started) / 1000) };
}

function report(leg) {
  const text = readFileSync(leg.file, "utf8");
  const lines = text.trimEnd().split("\n");
  // The whole log when it failed (the failures are in it); else Vitest's summary.
  const shown = leg.code === 0 ? lines.slice(-6) : lines;
  console.log(`\n── unit and integration tests on Node.js ${leg.version}: ${leg.code === 0 ? "passed" : `FAILED (exit code ${leg.code})`} in ${leg.seconds} s (log: ${leg.file})`);
  console.log(shown.join("\n"));
}

const nodes = otherNodes();
for (const script of ["typecheck", "lint", "test:unit", "build"]) {
  const code = await run(npm, ["run", script]);
  if (code !== 0) fail(script, code);
}

const dir = nodes.length ? mkdtempSync(path.join(tmpdir(), "vetted-test-")) : "";
if (nodes.length) console.log(`\nnpm test: unit and integration tests on ${nodes.join(", ")} run beside the end-to-end tests; their logs are in ${dir}`);
const legs = Promise.all(nodes.map((node) => vitestOn(node, dir)));
const e2e = await run("npx", ["playwright", "test"]);
const others = await legs;
others.forEach(report);
if (e2e !== 0) fail("test:e2e (playwright test)", e2e);
const failed = others.find((leg) => leg.code !== 0);
if (failed) fail(`the unit and integration tests on Node.js ${failed.version}`, failed.code);
