import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { API } from "@/lib/api/endpoints";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { addDays, isoDay } from "@/lib/domain/requests";
import type { ActionState } from "@/lib/forms";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { runMutation } from "@/lib/server/guard";
import { openApiContract } from "../support/openapi-contract";
import { makeUser } from "../support/fixtures";
import { inRequestAs } from "../support/request-context";
import { auditChainHead } from "@/lib/queries/audit-chain";

/**
 * The hostile-input corpus (issue 10, "Proof in CI"): SQL and regex metacharacters, 1 MB
 * strings, NUL and other control characters, invalid UTF-8 and percent-encodings, bidi
 * controls, deeply nested JSON, huge arrays, prototype keys, wrong types and repeated query
 * parameters, sent to every /api route handler (each /api/v1 endpoint of lib/api/endpoints.ts
 * among them), every dynamic path segment (route handlers and pages) and every server action,
 * by callers that may call them, so the input reaches validation. Nothing may answer a 5xx
 * (or throw), and nothing may be written: every table's row count and the latest audit event
 * are the same afterwards. Undecodable percent-encoding in the path itself is Next's to decode:
 * e2e/hostile-paths.spec.ts covers it against the built server.
 */

// Each file runs in its own process: no rate limit in the way of the corpus.
process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MEGABYTE = "x".repeat(1024 * 1024);

const STRINGS: Record<string, string> = {
  sql: "' OR '1'='1' --",
  sqlDrop: "x'); DROP TABLE software; --",
  sqlComment: "*/ SELECT pg_sleep(0) /*",
  likeWildcards: "%_%\\",
  regex: "(a+)+$[(*?{1000000}",
  regexNamed: "(?<=x)\\k<y>\\",
  nul: "a\u0000b",
  control: "\u0001\u0008\u001b[31m\u007f",
  crlf: "a\r\nLocation: https://evil.example/",
  megabyte: MEGABYTE,
  bidi: "\u202Egnp.exe\u202C\u2066x\u2069\u200F",
  loneSurrogate: "a\ud800b",
  replacement: "\ufffd\ufffe\uffff",
  emoji: "😀".repeat(10),
  percent: "%FF%C3%28%ED%A0%80%",
  pathTraversal: "../../../etc/passwd",
  html: "<script>alert(1)</script><!channel>",
  number: "1e309",
  negative: "-1",
  hugeInteger: "99999999999999999999999999",
  notANumber: "NaN",
  empty: "",
  whitespace: " \t \u00a0\u2028",
  protoKey: "__proto__",
  constructorKey: "constructor",
  zeroUuid: "00000000-0000-0000-0000-000000000000",
  json: '{"__proto__":{"polluted":true},"a":[[[[[]]]]]}',
};

const deepArray = "[".repeat(100_000) + "]".repeat(100_000);
const deepObject = '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000);
const hugeItems = JSON.stringify({ items: Array.from({ length: 100_000 }, (_, i) => ({ q: `tool-${i}` })) });

/** Request bodies for the endpoints that take one: [label, content type, bytes]. */
const BODIES: Array<[string, string, Uint8Array | string]> = [
  ["deep array", "application/json", deepArray],
  ["deep object", "application/json", deepObject],
  ["deep items", "application/json", `{"items":${deepArray}}`],
  ["huge items array", "application/json", hugeItems],
  ["prototype keys", "application/json", '{"items":[{"q":"x","__proto__":{"polluted":true}}],"__proto__":{"polluted":true}}'],
  ["constructor key", "application/json", '{"constructor":{"prototype":{"polluted":true}},"items":[{"q":"x"}]}'],
  ["import prototype", "application/json", '{"format":"vetted-catalogue","version":1,"software":[{"__proto__":{"polluted":true},"slug":"x","name":"x"}]}'],
  ["import constructor", "application/json", '{"format":"vetted-catalogue","version":1,"constructor":{"prototype":{"polluted":true}},"software":[]}'],
  ["wrong types", "application/json", '{"items":"claude","dataClass":7,"format":["x"],"version":"1","software":{"a":1}}'],
  ["wrong item types", "application/json", '{"items":[1,null,true,{},[],{"q":{"$ne":""}}],"format":"vetted-catalogue","version":1,"software":[1,null,"x",[]]}'],
  ["null", "application/json", "null"],
  ["number", "application/json", "1e309"],
  ["string", "application/json", '"x"'],
  ["empty", "application/json", ""],
  ["truncated", "application/json", '{"items":[{"q":"x"'],
  ["lone surrogate escapes", "application/json", '{"items":[{"q":"\\ud800\\udfff\\ud800"}],"format":"vetted-catalogue","version":1,"software":[{"slug":"\\ud800","name":"\\u0000"}]}'],
  ["megabyte string", "application/json", JSON.stringify({ items: [{ q: MEGABYTE }], format: "vetted-catalogue", version: 1, software: [{ slug: MEGABYTE, name: MEGABYTE }] })],
  ["NUL in JSON", "application/json", '{"items":[{"q":"a\\u0000b"}],"format":"vetted-catalogue","version":1,"software":[{"slug":"a\\u0000","name":"a\\u0000b","kind":"cli","category":"x"}]}'],
  ["invalid UTF-8 JSON", "application/json", new Uint8Array([0x7b, 0x22, 0x69, 0x74, 0x65, 0x6d, 0x73, 0x22, 0x3a, 0x5b, 0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d, 0x5d, 0x7d])],
  ["invalid UTF-8 text", "text/plain", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x3d, 0x3d, 0x31, 0x2e, 0x30, 0x0a, 0xff, 0xfe, 0x00])],
  ["NUL text", "text/plain", "requests==2.0\u0000\nnumpy==1"],
  ["binary", "application/octet-stream", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))],
  ["megabyte line", "text/plain", MEGABYTE],
  ["regex requirements", "text/plain", "(a+)+$==1\n.*==2\n[==3\n\\==4\n' OR 1=1 --==5\n"],
  ["bidi requirements", "text/plain", "\u202Erequests==2\n"],
  ["CSV formulas", "text/csv", 'slug,name,kind,category\n=cmd|" /C calc"!A0,@SUM(1+1),cli,+x\n'],
  ["CSV NUL and quotes", "text/csv", 'slug,name\n"unterminated,\u0000\n'],
  ["CSV huge cell", "text/csv", `slug,name,kind,category\nx,${MEGABYTE},cli,x\n`],
  ["CSV many columns", "text/csv", `${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(",")}\n`],
  ["CSV invalid UTF-8", "text/csv", new Uint8Array([0x73, 0x6c, 0x75, 0x67, 0x0a, 0xff, 0xc3, 0x28, 0x0a])],
  ["form encoded", "application/x-www-form-urlencoded", "items=1&__proto__[polluted]=1"],
  ["multipart garbage", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"__proto__\"\r\n\r\n1\r\n--x--"],
  ["no content type", "", '{"items":[{"q":"x"}]}'],
];

/** A path segment for the request URL (the handler reads the decoded value from `params`); a lone surrogate has no UTF-8 form. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "x";
  }
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string> | undefined> }) => Promise<Response> | Response;
interface RouteFile {
  /** URL with [segments], e.g. /api/v1/software/[slug]. */
  template: string;
  file: string;
  params: string[];
}

function findFiles(dir: string, name: RegExp, segments: string[] = []): Array<{ file: string; segments: string[] }> {
  const found: Array<{ file: string; segments: string[] }> = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...findFiles(full, name, /^\(.*\)$/.test(entry) ? segments : [...segments, entry]));
    else if (name.test(entry)) found.push({ file: full, segments });
  }
  return found;
}

const dynamicName = (segment: string) => /^\[(?:\.\.\.)?(.+)\]$/.exec(segment)?.[1] ?? null;

/** Every route handler under app/api but next-auth's own and the health check. */
const ROUTES: RouteFile[] = findFiles(path.join(ROOT, "app", "api"), /^route\.ts$/, ["api"])
  .map(({ file, segments }) => ({ template: `/${segments.join("/")}`, file, params: segments.map(dynamicName).filter((n): n is string => n !== null) }))
  .filter((r) => !r.template.startsWith("/api/auth/") && r.template !== "/api/health");

/** Every page with a dynamic segment. */
const DYNAMIC_PAGES: RouteFile[] = findFiles(path.join(ROOT, "app"), /^page\.tsx$/)
  .map(({ file, segments }) => ({ template: `/${segments.join("/")}`, file, params: segments.map(dynamicName).filter((n): n is string => n !== null) }))
  .filter((r) => r.params.length > 0);

/** The keys of an object schema, through the refinements and pipes wrapped around it. */
function schemaKeys(schema: unknown): string[] {
  let current = schema as { shape?: Record<string, unknown>; _zod?: { def: { in?: unknown; innerType?: unknown; schema?: unknown } } } | undefined;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.shape) return Object.keys(current.shape);
    const def = current._zod?.def;
    current = (def?.in ?? def?.innerType ?? def?.schema) as typeof current;
  }
  return [];
}

/** Every field name any mutation takes (its input schema's keys), to fill every server action's form with. */
async function mutationFieldNames(): Promise<string[]> {
  const names = new Set<string>();
  for (const file of readdirSync(path.join(ROOT, "lib", "mutations")).filter((f) => f.endsWith(".ts"))) {
    const exported = (await import(path.join(ROOT, "lib", "mutations", file))) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (value && typeof value === "object" && "input" in value && "action" in value) for (const key of schemaKeys((value as { input: unknown }).input)) names.add(key);
    }
  }
  return [...names].sort();
}

type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
async function serverActions(): Promise<Array<[string, ServerAction]>> {
  const actions: Array<[string, ServerAction]> = [];
  for (const file of readdirSync(path.join(ROOT, "lib", "actions")).filter((f) => f.endsWith(".ts")).sort()) {
    const exported = (await import(path.join(ROOT, "lib", "actions", file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) if (typeof value === "function") actions.push([`${file.replace(/\.ts$/, "")}.${name}`, value as ServerAction]);
  }
  return actions;
}

/** The rows of a raw query (the result's shape differs between node-postgres and PGlite, its rows do not). */
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Rows in every table of the schema (but the per-minute rate windows a token call opens by design), and the latest audit event. */
async function snapshot(db: Db): Promise<Record<string, unknown>> {
  const tables = await rows<{ table_name: string }>(db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const counts: Record<string, unknown> = {};
  for (const { table_name } of tables) {
    if (table_name === "api_rate_windows") continue;
    const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)}`);
    counts[table_name] = row!.n;
  }
  counts["audit chain head"] = await auditChainHead(db);
  return counts;
}

const contract = openApiContract();
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

let db: Db;
let reviewer: SessionUser;
let admin: SessionUser;
let tokenSecret: string | null = null;
let before: Record<string, unknown>;
let problems: string[] = [];
let calls = 0;
let actions: Array<[string, ServerAction]>;
const inputless: string[] = [];

/** A NextRequest as Next builds one; a body as bytes, so invalid UTF-8 stays invalid. */
function hostileRequest(url: string, init: { method?: string; contentType?: string; body?: Uint8Array | string; token?: boolean } = {}): NextRequest {
  const headers = new Headers({ origin: config().baseUrl, "sec-fetch-site": "same-origin" });
  if (init.contentType) headers.set("content-type", init.contentType);
  if (init.token && tokenSecret) {
    headers.set("authorization", `Bearer ${tokenSecret}`);
    headers.delete("origin");
    headers.delete("sec-fetch-site");
  }
  const body = typeof init.body === "string" ? new TextEncoder().encode(init.body) : init.body;
  return new NextRequest(new URL(url, "http://vetted.test"), { method: init.method ?? "GET", headers, body: body as BodyInit | undefined });
}

async function send(label: string, caller: SessionUser | null, handler: Handler, request: NextRequest, params: Record<string, string> | undefined, documented: boolean) {
  calls += 1;
  let response: Response;
  try {
    response = await inRequestAs(caller, () => Promise.resolve(handler(request, { params: Promise.resolve(params) })));
  } catch (error) {
    problems.push(`${label}: threw ${String(error).slice(0, 200)}`);
    return;
  }
  const text = await response.text();
  if (response.status >= 500) problems.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
  // A reviewer may call every endpoint: a refusal would mean the input never reached validation.
  if (caller && (response.status === 401 || response.status === 403)) problems.push(`${label}: ${response.status}, so the corpus did not reach validation`);
  if (documented) {
    const found = contract.check({ method: request.method, url: request.url, status: response.status, contentType: response.headers.get("content-type"), body: text });
    for (const problem of found) problems.push(`${label}: ${problem}`);
  }
}

function queryStrings(keys: string[]): string[] {
  const names = [...new Set([...keys, "q", "page", "__proto__", "constructor"])];
  const queries: string[] = [];
  for (const value of Object.values(STRINGS)) {
    // A megabyte under every name is many megabytes of URL: under the first two is the point.
    const under = value === MEGABYTE ? names.slice(0, 2) : names;
    queries.push(new URLSearchParams(under.map((name) => [name, value])).toString());
  }
  // Repeated parameters, raw invalid percent-encodings and prototype-shaped names.
  queries.push(names.flatMap((name) => [`${name}=a`, `${name}=b`, `${name}=`]).join("&"));
  queries.push(names.map((name) => `${name}=%FF%C3%28`).join("&"));
  queries.push(names.map((name) => `${name}[]=x&${name}[__proto__]=y&${name}.constructor=z`).join("&"));
  queries.push("__proto__[polluted]=1&constructor[prototype][polluted]=1&%00=%00");
  return queries;
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  admin = await makeUser(db, "admin");
  // A token with every scope, from whoever may create one; the reviewer's session reaches every endpoint regardless.
  for (const creator of [admin, reviewer]) {
    try {
      // scim stands alone on its token, and opens nothing under /api.
      tokenSecret = (await runMutation(createApiToken, creator, { name: "Hostile corpus", scopes: TOKEN_SCOPES.filter((scope) => scope !== "scim"), expiresOn: addDays(isoDay(new Date()), 30) })).secret;
      break;
    } catch {
      tokenSecret = null;
    }
  }
  // An action that accepts an empty form takes no input (mark all read, sign out): no input can matter
  // to it, and it may write; it runs once here, before the counts are taken, and not below.
  actions = [];
  for (const [name, action] of await serverActions()) {
    const answers = await Promise.all([reviewer, admin].map((caller) => inRequestAs(caller, () => action({ status: "idle" }, new FormData())).catch((e: unknown) => String(e))));
    if (answers.some((state) => typeof state !== "string" && state.status === "ok")) inputless.push(name);
    else actions.push([name, action]);
  }
  before = await snapshot(db);
});
afterAll(() => closeDb());

describe("the hostile-input corpus", () => {
  beforeEach(() => {
    problems = [];
  });

  it("finds the entry points it is about", () => {
    const v1 = ROUTES.filter((r) => r.template.startsWith("/api/v1/")).map((r) => r.template);
    for (const spec of Object.values(API)) expect(v1, `${spec.path} has a route handler`).toContain(spec.path.replace(/\{(\w+)\}/g, "[$1]"));
    expect(DYNAMIC_PAGES.length).toBeGreaterThanOrEqual(9);
  });

  it("answers no 5xx from any /api route handler, signed in or with a token", async () => {
    for (const route of ROUTES) {
      const handlers = (await import(route.file)) as Record<string, Handler | undefined>;
      const endpoint = Object.values(API).find((spec) => spec.path.replace(/\{(\w+)\}/g, "[$1]") === route.template);
      const documented = Boolean(endpoint);
      const queryKeys = endpoint ? schemaKeys(endpoint.query as z.ZodType) : ["q"];
      const hostileParams: Array<Record<string, string>> = route.params.length
        ? Object.values(STRINGS).map((value) => Object.fromEntries(route.params.map((name) => [name, value])))
        : [];
      const plainParams = route.params.length ? Object.fromEntries(route.params.map((name) => [name, "x"])) : undefined;
      // The request URL carries the segment for the contract check; the handler reads `params`, as under Next.
      const concretePath = (params: Record<string, string> | undefined) =>
        route.template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => (encodeSegment(params?.[name] ?? "x") || "-").slice(0, 2000));
      for (const useToken of tokenSecret ? [false, true] : [false]) {
        const caller = useToken ? null : reviewer;
        const who = useToken ? "token" : "reviewer";
        for (const [method, handler] of Object.entries(handlers)) {
          if (method !== "GET" && method !== "POST") continue;
          if (!handler) continue;
          const body = method === "POST" ? '{"items":[{"q":"x"}]}' : undefined;
          const contentType = body ? "application/json" : undefined;
          // Every hostile query with plain path segments, then every hostile segment with a plain query.
          for (const query of queryStrings(queryKeys)) {
            const request = hostileRequest(`${concretePath(plainParams)}?${query}`, { method, token: useToken, body, contentType });
            await send(`${who} ${method} ${route.template} ?${query.slice(0, 60)}`, caller, handler, request, plainParams, documented);
          }
          for (const params of hostileParams) {
            const request = hostileRequest(concretePath(params), { method, token: useToken, body, contentType });
            await send(`${who} ${method} ${route.template} with ${JSON.stringify(params).slice(0, 60)}`, caller, handler, request, params, documented);
          }
          if (method === "POST") {
            for (const [label, contentType, body] of BODIES) {
              for (const mode of route.template.endsWith("/import") ? ["dry-run", "apply"] : ["dry-run"]) {
                const url = `${concretePath(undefined)}?mode=${mode}`;
                await send(`${who} POST ${route.template} (${label}, ${mode})`, caller, handler, hostileRequest(url, { method, token: useToken, body, contentType }), undefined, documented);
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("answers no 5xx from any page with a dynamic segment", async () => {
    const isNextSignal = (error: unknown) => typeof (error as { digest?: unknown })?.digest === "string" && /^NEXT_(HTTP_ERROR_FALLBACK|REDIRECT|NOT_FOUND)/.test((error as { digest: string }).digest);
    for (const page of DYNAMIC_PAGES) {
      const pageModule = (await import(page.file)) as { default: (props: unknown) => Promise<unknown>; generateMetadata?: (props: unknown) => Promise<unknown> };
      // The role that may open the page, so the segment reaches its lookup.
      const caller = page.template.startsWith("/admin/") ? admin : reviewer;
      for (const [label, value] of Object.entries(STRINGS)) {
        {
          const props = { params: Promise.resolve(Object.fromEntries(page.params.map((name) => [name, value]))), searchParams: Promise.resolve({ q: value, tab: value }) };
          calls += 1;
          try {
            await inRequestAs(caller, async () => {
              await pageModule.generateMetadata?.(props);
              await pageModule.default(props);
            });
          } catch (error) {
            if (!isNextSignal(error)) problems.push(`${caller.role} ${page.template} with ${label}: threw ${String(error).slice(0, 200)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("answers no 5xx from any server action, as a reviewer and as an admin", async () => {
    const fields = await mutationFieldNames();
    expect(fields.length).toBeGreaterThan(20);
    expect(inputless).toEqual(["notifications.markAllNotificationsReadAction", "sessions.endMySessionsAction"]);
    for (const [name, action] of actions) {
      for (const caller of [reviewer, admin]) {
        const hostileForms: Array<[string, FormData]> = Object.entries(STRINGS).map(([label, value]) => {
          const form = new FormData();
          for (const field of fields) {
            form.append(field, value);
            form.append(`${field}[]`, value);
          }
          return [label, form];
        });
        const files = new FormData();
        for (const field of fields) files.append(field, new File([new Uint8Array([0xff, 0xfe, 0x00, 0x3c])], `${STRINGS.bidi}${STRINGS.pathTraversal}${STRINGS.nul}`, { type: "text/html" }));
        hostileForms.push(["files everywhere", files]);
        const wrongShapes = new FormData();
        for (const field of fields) {
          wrongShapes.append(`${field}.nested`, "x");
          wrongShapes.append(field, "a");
          wrongShapes.append(field, "b");
        }
        hostileForms.push(["nested and repeated", wrongShapes]);
        const prototypeKeys = new FormData();
        for (const key of ["__proto__.category", "__proto__.name", "__proto__[]", "constructor.prototype.x", "a.__proto__", "_1___proto__.x"]) prototypeKeys.append(key, "polluted");
        for (const field of fields) prototypeKeys.append(field, "x");
        hostileForms.push(["prototype keys", prototypeKeys]);
        for (const [label, form] of hostileForms) {
          calls += 1;
          let state: ActionState;
          try {
            state = await inRequestAs(caller, () => action({ status: "idle" }, form));
          } catch (error) {
            problems.push(`${caller.role} ${name} with ${label}: threw ${String(error).slice(0, 200)}`);
            continue;
          }
          if (state.status === "error" && state.message.startsWith("Something went wrong")) problems.push(`${caller.role} ${name} with ${label}: ${state.message}`);
          if (state.status === "ok") problems.push(`${caller.role} ${name} with ${label}: accepted (${state.message.slice(0, 100)})`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("wrote nothing and left Object.prototype alone", async () => {
    expect(calls).toBeGreaterThan(1000);
    expect(await snapshot(db)).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });
});
