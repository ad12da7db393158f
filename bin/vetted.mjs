#!/usr/bin/env node
// Vetted's command-line client: `vetted check <file|name…>` asks POST /api/v1/check and fails a
// pipeline when anything is at or beyond a threshold. Plain Node (20.19+), no dependencies.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";

const VERDICTS = ["allowed", "allowed_by_exception", "allowed_with_conditions", "unknown", "under_review", "exception_required", "prohibited"];
// Strictness, least to most strict: the same order as the server's (lib/domain/verdict.ts VERDICT_STRICTNESS).
const STRICTNESS = Object.fromEntries(VERDICTS.map((verdict, index) => [verdict, index]));
const DATA_CLASSES = ["public", "internal", "confidential", "restricted"];

const USAGE = `Usage: vetted check <file|name…> [--json] [--fail-on <verdict>] [--data-class <class>]

Checks names, identifiers or manifests (package.json, package-lock.json, requirements.txt,
CycloneDX JSON SBOM) against Vetted. An argument that is an existing file is sent as a manifest;
anything else is a name or identifier.

  --json                 print the server's answer as JSON (for pipelines)
  --fail-on <verdict>    exit 1 when any item is this strict or stricter (default: prohibited):
                         ${VERDICTS.join(", ")}
  --data-class <class>   answer for this data class: ${DATA_CLASSES.join(", ")}

Environment: VETTED_URL (the server, e.g. https://vetted.example.com), VETTED_TOKEN (an API token).
Exit codes: 0 nothing at or beyond the threshold, 1 something is, 2 usage or request error.`;

class UsageError extends Error {}

/** Parses the command line; throws UsageError. */
export function parseArgs(argv) {
  const options = { json: false, failOn: "prohibited", dataClass: undefined, targets: [] };
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") return { help: true };
  if (command !== "check") throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === "--json") options.json = true;
    else if (arg === "--fail-on") options.failOn = value();
    else if (arg.startsWith("--fail-on=")) options.failOn = arg.slice("--fail-on=".length);
    else if (arg === "--data-class") options.dataClass = value();
    else if (arg.startsWith("--data-class=")) options.dataClass = arg.slice("--data-class=".length);
    else if (arg === "--help" || arg === "-h") return { help: true };
    else if (arg === "--") options.targets.push(...rest.splice(i + 1));
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.`);
    else options.targets.push(arg);
  }
  if (!VERDICTS.includes(options.failOn)) throw new UsageError(`--fail-on must be one of ${VERDICTS.join(", ")}.`);
  if (options.dataClass !== undefined && !DATA_CLASSES.includes(options.dataClass)) throw new UsageError(`--data-class must be one of ${DATA_CLASSES.join(", ")}.`);
  if (options.targets.length === 0) throw new UsageError("Name at least one file, name or identifier to check.");
  return options;
}

/** 1 when any item is at or beyond the threshold, else 0. */
export function exitCodeFor(items, failOn) {
  return items.some((item) => STRICTNESS[item.verdict] >= STRICTNESS[failOn]) ? 1 : 0;
}

export function summarise(items) {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  let worst = null;
  for (const item of items) {
    byVerdict[item.verdict] = (byVerdict[item.verdict] ?? 0) + 1;
    if (worst === null || STRICTNESS[item.verdict] > STRICTNESS[worst]) worst = item.verdict;
  }
  return { total: items.length, byVerdict, worst };
}

/** A plain-text table, widest first column trimmed so that lines stay readable. */
export function formatTable(items, failOn) {
  const rows = items.map((item) => [
    item.verdict,
    `${item.query}${item.version ? `@${item.version}` : ""}`,
    item.software ? item.software.name : "(not in the catalogue)",
    item.url ?? "",
  ]);
  const header = ["VERDICT", "ASKED", "SOFTWARE", "DETAILS"];
  const widths = header.map((h, column) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[column].length))));
  const line = (row) => row.map((cell, column) => (column === row.length - 1 ? cell : clip(cell, widths[column]).padEnd(widths[column]))).join("  ").trimEnd();
  const summary = summarise(items);
  const counts = VERDICTS.filter((v) => summary.byVerdict[v] > 0).reverse().map((v) => `${summary.byVerdict[v]} ${v}`).join(", ");
  const failing = items.filter((item) => STRICTNESS[item.verdict] >= STRICTNESS[failOn]).length;
  return [
    line(header),
    ...rows.map(line),
    "",
    `${summary.total} checked: ${counts || "nothing"}.`,
    failing > 0 ? `${failing} at or beyond "${failOn}": failing.` : `Nothing at or beyond "${failOn}".`,
  ].join("\n");
}

function clip(text, width) {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

async function post(baseUrl, token, path, body, contentType) {
  const headers = { "Content-Type": contentType, Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(new URL(path, baseUrl), { method: "POST", headers, body });
  } catch (error) {
    throw new Error(`Cannot reach ${baseUrl}: ${error.cause?.message ?? error.message}`);
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${baseUrl} answered HTTP ${response.status} with something that is not JSON.`);
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${json?.error?.message ?? "request failed"}`);
  return json;
}

/** Runs the CLI; returns the exit code. `io` is injectable for tests. */
export async function main(argv, env = process.env, io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) }) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`vetted: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  const baseUrl = env.VETTED_URL;
  if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
    io.err("vetted: set VETTED_URL to the server's address, e.g. https://vetted.example.com");
    return 2;
  }
  const path = `/api/v1/check${options.dataClass ? `?dataClass=${encodeURIComponent(options.dataClass)}` : ""}`;
  const files = options.targets.filter((target) => existsSync(target) && statSync(target).isFile());
  const names = options.targets.filter((target) => !files.includes(target));
  const items = [];
  try {
    for (const file of files) {
      const answer = await post(baseUrl, env.VETTED_TOKEN, path, readFileSync(file, "utf8"), "text/plain; charset=utf-8");
      items.push(...answer.items.map((item) => ({ ...item, file })));
    }
    if (names.length > 0) {
      const answer = await post(baseUrl, env.VETTED_TOKEN, path, JSON.stringify({ items: names.map((q) => ({ q })) }), "application/json");
      items.push(...answer.items);
    }
  } catch (error) {
    io.err(`vetted: ${error.message}`);
    return 2;
  }
  const code = exitCodeFor(items, options.failOn);
  if (options.json) io.out(JSON.stringify({ items, summary: summarise(items), failOn: options.failOn, failed: code === 1 }, null, 2));
  else io.out(formatTable(items, options.failOn));
  return code;
}

// Run when executed (directly, through npx or a symlinked bin), not when imported.
const invokedAs = process.argv[1] ? realpathSync(process.argv[1]) : "";
if (invokedAs && import.meta.url === pathToFileURL(invokedAs).href) {
  process.exitCode = await main(process.argv.slice(2));
}
