#!/usr/bin/env node
// Vetted's command-line client: `vetted check <file|name…>` asks POST /api/v1/check and fails a
// pipeline when anything is at or beyond a threshold. Plain Node (20.19+), no dependencies.
// Its messages are in messages/<locale>/cli.json (English and Simplified Chinese), chosen by the
// environment, and the server is asked for its messages in the same language.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";

const VERDICTS = ["allowed", "allowed_by_exception", "allowed_with_conditions", "unknown", "under_review", "exception_required", "prohibited"];
// Strictness, least to most strict: the same order as the server's (lib/domain/verdict.ts VERDICT_STRICTNESS).
const STRICTNESS = Object.fromEntries(VERDICTS.map((verdict, index) => [verdict, index]));
const DATA_CLASSES = ["public", "internal", "confidential", "restricted"];

const LOCALES = ["en", "zh-CN"];

/**
 * The language of the messages: VETTED_LANG, else the first of LC_ALL, LC_MESSAGES, LANG that is
 * set (POSIX order): "zh_CN.UTF-8", "zh-CN", "zh" or "zh_Hans" → zh-CN; anything else → en.
 */
export function localeFrom(env) {
  const value = [env.VETTED_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => typeof v === "string" && v.trim() !== "");
  if (!value) return "en";
  const tag = value.trim().split(/[.@]/)[0].replace(/_/g, "-").toLowerCase();
  return tag === "zh" || tag.startsWith("zh-") ? "zh-CN" : "en";
}

const catalogues = new Map();

/** The CLI's messages in `locale` (messages/<locale>/cli.json), as `t(key, values)`. */
export function translatorFor(locale) {
  const chosen = LOCALES.includes(locale) ? locale : "en";
  if (!catalogues.has(chosen)) catalogues.set(chosen, JSON.parse(readFileSync(new URL(`../messages/${chosen}/cli.json`, import.meta.url), "utf8")));
  const messages = catalogues.get(chosen);
  return (key, values = {}) => {
    const message = key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), messages);
    if (typeof message !== "string") return key;
    // The messages use plain {placeholders} only (valid ICU, checked by tests/unit/catalogue.test.ts).
    return message.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  };
}

let t = translatorFor("en");

const usage = () =>
  t("usage", { targets: "<file|name…>", verdictArg: "<verdict>", classArg: "<class>", verdicts: VERDICTS.join(", "), classes: DATA_CLASSES.join(", ") });

class UsageError extends Error {}

/** Parses the command line; throws UsageError. */
export function parseArgs(argv) {
  const options = { json: false, failOn: "prohibited", dataClass: undefined, targets: [] };
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") return { help: true };
  if (command !== "check") throw new UsageError(command ? t("unknownCommand", { command }) : t("noCommand"));
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(t("needsValue", { option: arg }));
      return next;
    };
    if (arg === "--json") options.json = true;
    else if (arg === "--fail-on") options.failOn = value();
    else if (arg.startsWith("--fail-on=")) options.failOn = arg.slice("--fail-on=".length);
    else if (arg === "--data-class") options.dataClass = value();
    else if (arg.startsWith("--data-class=")) options.dataClass = arg.slice("--data-class=".length);
    else if (arg === "--help" || arg === "-h") return { help: true };
    else if (arg === "--") options.targets.push(...rest.splice(i + 1));
    else if (arg.startsWith("--")) throw new UsageError(t("unknownOption", { option: arg }));
    else options.targets.push(arg);
  }
  if (!VERDICTS.includes(options.failOn)) throw new UsageError(t("failOnOneOf", { values: VERDICTS.join(", ") }));
  if (options.dataClass !== undefined && !DATA_CLASSES.includes(options.dataClass)) throw new UsageError(t("dataClassOneOf", { values: DATA_CLASSES.join(", ") }));
  if (options.targets.length === 0) throw new UsageError(t("noTargets"));
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
    item.software ? item.software.name : t("notInCatalogue"),
    item.url ?? "",
  ]);
  const header = ["verdict", "asked", "software", "details"].map((column) => t(`column.${column}`));
  const widths = header.map((h, column) => Math.min(60, Math.max(width(h), ...rows.map((row) => width(row[column])))));
  const line = (row) => row.map((cell, column) => (column === row.length - 1 ? cell : pad(clip(cell, widths[column]), widths[column]))).join("  ").trimEnd();
  const summary = summarise(items);
  const counts = VERDICTS.filter((v) => summary.byVerdict[v] > 0).reverse().map((v) => t("count", { count: summary.byVerdict[v], verdict: v })).join(t("separator"));
  const failing = items.filter((item) => STRICTNESS[item.verdict] >= STRICTNESS[failOn]).length;
  return [
    line(header),
    ...rows.map(line),
    "",
    t("checked", { total: summary.total, counts: counts || t("nothing") }),
    failing > 0 ? t("failing", { count: failing, failOn }) : t("passing", { failOn }),
  ].join("\n");
}

/** Columns as a terminal shows them: a CJK or full-width character takes two. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (text) => [...text].reduce((sum, c) => sum + (WIDE.test(c) ? 2 : 1), 0);
const pad = (text, to) => text + " ".repeat(Math.max(0, to - width(text)));

function clip(text, to) {
  if (width(text) <= to) return text;
  let out = "";
  for (const c of text) {
    if (width(out + c) > to - 1) break;
    out += c;
  }
  return `${out}…`;
}

async function post(baseUrl, token, path, body, contentType, locale) {
  // The server's messages (a refused file, a bad token) in the CLI's language.
  const headers = { "Content-Type": contentType, Accept: "application/json", "Accept-Language": locale };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(new URL(path, baseUrl), { method: "POST", headers, body });
  } catch (error) {
    throw new Error(t("cannotReach", { url: baseUrl, reason: error.cause?.message ?? error.message }));
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(t("notJson", { url: baseUrl, status: response.status }));
  }
  if (!response.ok) throw new Error(t("httpError", { status: response.status, message: json?.error?.message ?? t("requestFailed") }));
  return json;
}

/** Runs the CLI; returns the exit code. `io` is injectable for tests. */
export async function main(argv, env = process.env, io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) }) {
  const locale = localeFrom(env);
  t = translatorFor(locale);
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`vetted: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (options.help) {
    io.out(usage());
    return 0;
  }
  const baseUrl = env.VETTED_URL;
  if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
    io.err(`vetted: ${t("setUrl")}`);
    return 2;
  }
  const path = `/api/v1/check${options.dataClass ? `?dataClass=${encodeURIComponent(options.dataClass)}` : ""}`;
  const files = options.targets.filter((target) => existsSync(target) && statSync(target).isFile());
  const names = options.targets.filter((target) => !files.includes(target));
  const items = [];
  try {
    for (const file of files) {
      const answer = await post(baseUrl, env.VETTED_TOKEN, path, readFileSync(file, "utf8"), "text/plain; charset=utf-8", locale);
      items.push(...answer.items.map((item) => ({ ...item, file })));
    }
    if (names.length > 0) {
      const answer = await post(baseUrl, env.VETTED_TOKEN, path, JSON.stringify({ items: names.map((q) => ({ q })) }), "application/json", locale);
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
