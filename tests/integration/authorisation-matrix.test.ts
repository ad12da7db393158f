/**
 * The authorisation matrix, in process: every server action (the exports of lib/actions/*.ts)
 * and every route handler (app/**\/route.ts, found on disk) × anonymous, each role and, for
 * the API, each token scope; and own/other where a row has an owner. What each cell expects
 * comes from the policy table (lib/domain/policy.ts) and the endpoint table (lib/api/endpoints.ts)
 * through the entries below; an action or route without an entry fails the test. The pages
 * are in e2e/authorisation-matrix.spec.ts, which needs a real server.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API, type Access } from "@/lib/api/endpoints";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/domain/api-tokens";
import { can, type Action } from "@/lib/domain/policy";
import { addDays, isoDay } from "@/lib/domain/requests";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { IDLE, type ActionState } from "@/lib/forms";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { requestException, requestNewSoftware } from "@/lib/mutations/requests";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";
import { signInCookie, withRequest } from "../support/session";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ANONYMOUS = "anonymous";
type Who = Role | typeof ANONYMOUS;
const EVERYONE: Who[] = [ANONYMOUS, ...ROLES];

/** Every server action → the policy action its mutation is authorised by. */
const SERVER_ACTIONS: Record<string, Action> = {
  "api-tokens.createApiTokenAction": "tokens.own",
  "api-tokens.revokeApiTokenAction": "tokens.own",
  "assessments.startAssessmentAction": "assessment.write",
  "assessments.saveAssessmentDraftAction": "assessment.write",
  "assessments.submitAssessmentAction": "assessment.write",
  "assessments.completeAssessmentAction": "assessment.write",
  "catalogue.createSoftwareAction": "catalogue.write",
  "catalogue.updateSoftwareAction": "catalogue.write",
  "catalogue.createVendorAction": "catalogue.write",
  "catalogue.updateVendorAction": "catalogue.write",
  "catalogue.addEditionAction": "catalogue.write",
  "catalogue.updateEditionAction": "catalogue.write",
  "catalogue.removeEditionAction": "catalogue.write",
  "catalogue.addIdentifierAction": "catalogue.write",
  "catalogue.removeIdentifierAction": "catalogue.write",
  "catalogue.recordClassificationAction": "classification.decide",
  "catalogue.confirmClassificationAction": "classification.decide",
  "evidence.addEvidenceAction": "evidence.write",
  "notifications.markNotificationReadAction": "notifications.own",
  "notifications.markAllNotificationsReadAction": "notifications.own",
  "requests.requestExceptionAction": "request.create",
  "requests.requestNewSoftwareAction": "request.create",
  "requests.joinRequestAction": "request.create",
  "requests.commentOnRequestAction": "request.create",
  "requests.withdrawRequestAction": "request.create",
  "requests.decideRequestAction": "request.decide",
  "requests.revokeGrantAction": "grant.revoke",
  "sessions.endMySessionsAction": "sessions.own",
  "preferences.setMyLocaleAction": "preferences.own",
  "settings.updateSettingsAction": "settings.manage",
  "settings.setChatWebhookAction": "settings.manage",
  "templates.saveTemplateAction": "template.write",
  "users.createUserAction": "users.manage",
  "users.updateUserAction": "users.manage",
  "webhooks.createWebhookAction": "webhooks.manage",
  "webhooks.updateWebhookAction": "webhooks.manage",
  "webhooks.setWebhookEnabledAction": "webhooks.manage",
  "webhooks.rotateWebhookSecretAction": "webhooks.manage",
  "webhooks.sendTestWebhookAction": "webhooks.manage",
  "webhooks.redeliverWebhookAction": "webhooks.manage",
  "webhooks.deleteWebhookAction": "webhooks.manage",
};

/** How a route handler is reached: the API's entries carry their access; the rest say it here. */
type RouteRule = { kind: "public" } | { kind: "api"; access: Access } | { kind: "session"; action: Action } | { kind: "token"; access: Access };

/** SCIM (lib/scim/http.ts): a bearer token of scope scim and nothing else; a session is no credential there (401). */
const SCIM: RouteRule = { kind: "token", access: { action: "users.provision", scope: "scim" } };

interface RouteCase {
  /** A concrete path to call, with real-looking ids. */
  path: string;
  params?: Record<string, string | string[]>;
  body?: string;
  contentType?: string;
  /** Only for routes outside lib/api/endpoints.ts. */
  rule?: RouteRule;
  /** Answers 501 by design once past the door (what the protocol has and Vetted does not do: SCIM's Bulk). */
  notImplemented?: true;
}

const SOME_ID = "00000000-0000-4000-8000-000000000000";
const importBody = JSON.stringify({ format: "vetted-catalogue", version: 1, exportedAt: new Date().toISOString(), filters: {}, software: [] });

/** Every route handler and method (the file's route, as Next names it) → how the matrix calls it. */
const ROUTES: Record<string, RouteCase> = {
  "GET /api/auth/[...nextauth]": { path: "/api/auth/csrf", params: { nextauth: ["csrf"] }, rule: { kind: "public" } },
  "POST /api/auth/[...nextauth]": { path: "/api/auth/_log", params: { nextauth: ["_log"] }, rule: { kind: "public" } },
  "GET /api/evidence/[id]": { path: `/api/evidence/${SOME_ID}`, params: { id: SOME_ID }, rule: { kind: "session", action: "evidence.read" } },
  "GET /api/health": { path: "/api/health", rule: { kind: "public" } },
  "GET /api/requests/suggestions": { path: "/api/requests/suggestions?q=claude", rule: { kind: "api", access: { action: "request.create", scope: "requests:write" } } },
  "GET /api/v1/catalogue/export": { path: "/api/v1/catalogue/export" },
  "POST /api/v1/catalogue/import": { path: "/api/v1/catalogue/import?mode=dry-run", body: importBody, contentType: "application/json" },
  "GET /api/v1/check": { path: "/api/v1/check?q=claude" },
  "POST /api/v1/check": { path: "/api/v1/check", body: JSON.stringify({ items: [{ q: "claude" }] }), contentType: "application/json" },
  "GET /api/v1/exports/chrome": { path: "/api/v1/exports/chrome" },
  "GET /api/v1/exports/domains": { path: "/api/v1/exports/domains" },
  "GET /api/v1/exports/npm": { path: "/api/v1/exports/npm" },
  "GET /api/v1/exports/pypi": { path: "/api/v1/exports/pypi" },
  "GET /api/v1/exports/santa": { path: "/api/v1/exports/santa" },
  "GET /api/v1/openapi.json": { path: "/api/v1/openapi.json" },
  "GET /api/v1/software": { path: "/api/v1/software" },
  "GET /api/v1/software/[slug]": { path: "/api/v1/software/no-such-tool", params: { slug: "no-such-tool" } },
  "GET /scim/v2/Users": { path: "/scim/v2/Users?count=1", rule: SCIM },
  "POST /scim/v2/Users": { path: "/scim/v2/Users", body: "{}", contentType: "application/scim+json", rule: SCIM },
  "GET /scim/v2/Users/[id]": { path: `/scim/v2/Users/${SOME_ID}`, params: { id: SOME_ID }, rule: SCIM },
  "PUT /scim/v2/Users/[id]": { path: `/scim/v2/Users/${SOME_ID}`, params: { id: SOME_ID }, body: "{}", contentType: "application/scim+json", rule: SCIM },
  "PATCH /scim/v2/Users/[id]": { path: `/scim/v2/Users/${SOME_ID}`, params: { id: SOME_ID }, body: "{}", contentType: "application/scim+json", rule: SCIM },
  "DELETE /scim/v2/Users/[id]": { path: `/scim/v2/Users/${SOME_ID}`, params: { id: SOME_ID }, rule: SCIM },
  "GET /scim/v2/Groups": { path: "/scim/v2/Groups?count=1", rule: SCIM },
  "POST /scim/v2/Groups": { path: "/scim/v2/Groups", body: "{}", contentType: "application/scim+json", rule: SCIM },
  "GET /scim/v2/Groups/[id]": { path: `/scim/v2/Groups/${SOME_ID}`, params: { id: SOME_ID }, rule: SCIM },
  "PUT /scim/v2/Groups/[id]": { path: `/scim/v2/Groups/${SOME_ID}`, params: { id: SOME_ID }, body: "{}", contentType: "application/scim+json", rule: SCIM },
  "PATCH /scim/v2/Groups/[id]": { path: `/scim/v2/Groups/${SOME_ID}`, params: { id: SOME_ID }, body: "{}", contentType: "application/scim+json", rule: SCIM },
  "DELETE /scim/v2/Groups/[id]": { path: `/scim/v2/Groups/${SOME_ID}`, params: { id: SOME_ID }, rule: SCIM },
  "GET /scim/v2/ServiceProviderConfig": { path: "/scim/v2/ServiceProviderConfig", rule: SCIM },
  "GET /scim/v2/Schemas": { path: "/scim/v2/Schemas", rule: SCIM },
  "GET /scim/v2/Schemas/[id]": { path: "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", params: { id: "urn:ietf:params:scim:schemas:core:2.0:User" }, rule: SCIM },
  "GET /scim/v2/ResourceTypes": { path: "/scim/v2/ResourceTypes", rule: SCIM },
  "GET /scim/v2/ResourceTypes/[id]": { path: "/scim/v2/ResourceTypes/User", params: { id: "User" }, rule: SCIM },
  "POST /scim/v2/Bulk": { path: "/scim/v2/Bulk", body: "{}", contentType: "application/scim+json", rule: SCIM, notImplemented: true },
  "GET /scim/v2/Me": { path: "/scim/v2/Me", rule: SCIM, notImplemented: true },
  "POST /scim/v2/Users/[id]": { path: "/scim/v2/Users/.search", params: { id: ".search" }, body: "{}", contentType: "application/scim+json", rule: SCIM, notImplemented: true },
  "POST /scim/v2/Groups/[id]": { path: `/scim/v2/Groups/${SOME_ID}`, params: { id: SOME_ID }, body: "{}", contentType: "application/scim+json", rule: SCIM },
};

/** The rule of a route: from the endpoint table for /api/v1, else from its entry. */
function ruleOf(key: string): RouteRule {
  const [method, route] = key.split(" ") as [string, string];
  const endpoint = Object.values(API).find((e) => e.method === method.toLowerCase() && e.path === route.replace(/\[(\w+)\]/g, "{$1}"));
  if (endpoint) return endpoint.access ? { kind: "api", access: endpoint.access } : { kind: "public" };
  const rule = ROUTES[key]?.rule;
  if (!rule) throw new Error(`${key} is neither in lib/api/endpoints.ts nor given a rule here`);
  return rule;
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]> | undefined> }) => Promise<Response>;

/** app/**\/route.ts on disk, as "METHOD /route" with their handlers. */
async function discoverRoutes(): Promise<Map<string, Handler>> {
  const found = new Map<string, Handler>();
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)route\.ts$/.test(f));
  for (const file of files) {
    const route = `/${path.dirname(file)}`.replace(/\/\([^)]+\)/g, "");
    const exports = (await import(path.join(ROOT, "app", file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) if (typeof exports[method] === "function") found.set(`${method} ${route}`, exports[method] as Handler);
  }
  return found;
}

type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** The exports of lib/actions/*.ts, as "module.name". */
async function discoverServerActions(): Promise<Map<string, ServerAction>> {
  const found = new Map<string, ServerAction>();
  for (const file of readdirSync(path.join(ROOT, "lib/actions")).filter((f) => f.endsWith(".ts"))) {
    const exports = (await import(path.join(ROOT, "lib/actions", file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (typeof value === "function") found.set(`${file.replace(/\.ts$/, "")}.${name}`, value as ServerAction);
  }
  return found;
}

let db: Db;
const people = {} as Record<Role, SessionUser>;
const tokens = {} as Record<TokenScope, string>;
let routes: Map<string, Handler>;
let serverActions: Map<string, ServerAction>;

/** A fresh session cookie for `who` (fresh, because signing out ends the ones before). */
const cookieOf = async (who: Who) => (who === ANONYMOUS ? null : signInCookie(people[who]));

/** Headers a browser sends with a server action from the app's own page. */
const sameOrigin = () => ({ origin: new URL(config().baseUrl).origin, host: new URL(config().baseUrl).host });

type Outcome = "passed" | "unauthenticated" | "forbidden";

/** Runs a server action as `who` with a form; "passed" means it got past authorisation (whatever the input then did). */
async function callAction(action: ServerAction, who: Who, form: Record<string, string> = {}): Promise<{ outcome: Outcome; state: ActionState | null }> {
  const formData = new FormData();
  for (const [key, value] of Object.entries(form)) formData.set(key, value);
  let state: ActionState | null = null;
  try {
    state = await withRequest(await cookieOf(who), () => action(IDLE, formData), sameOrigin());
  } catch (error) {
    if (!ranPastTheDoor(error)) throw error;
    return { outcome: "passed", state: null };
  }
  if (state.status === "error" && state.message === "Sign in first.") return { outcome: "unauthenticated", state };
  if (state.status === "error" && state.message === "Your role does not allow this.") return { outcome: "forbidden", state };
  return { outcome: "passed", state };
}

function statusOutcome(status: number): Outcome {
  return status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : "passed";
}

async function callRoute(key: string, handler: Handler, cookie: string | null, bearer: string | null): Promise<number> {
  const route = ROUTES[key]!;
  const headers = new Headers();
  if (bearer) headers.set("authorization", `Bearer ${bearer}`);
  if (route.contentType) headers.set("content-type", route.contentType);
  const method = key.split(" ")[0]!;
  const request = new NextRequest(`${config().baseUrl.replace(/\/$/, "")}${route.path}`, { method, headers, body: route.body });
  const response = await withRequest(cookie, () => handler(request, { params: Promise.resolve(route.params) }));
  if (!(route.notImplemented && response.status === 501)) expect(response.status, `${key} answered a server error`).toBeLessThan(500);
  return response.status;
}

beforeAll(async () => {
  db = await getDb();
  for (const role of ROLES) people[role] = await makeUser(db, role);
  // Reviewers may hold every scope but scim, which is an admin's.
  for (const scope of TOKEN_SCOPES) tokens[scope] = (await runMutation(createApiToken, scope === "scim" ? people.admin : people.reviewer, { name: unique(`Matrix ${scope}`), scopes: [scope], expiresOn: addDays(isoDay(new Date()), 7) })).secret;
  [routes, serverActions] = await Promise.all([discoverRoutes(), discoverServerActions()]);
});
afterAll(() => closeDb());

describe("authorisation matrix: every entry point has an entry", () => {
  it("lists every server action of lib/actions, and nothing else", () => {
    expect([...serverActions.keys()].sort()).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  it("lists every route handler of app/, and nothing else", () => {
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
    for (const key of routes.keys()) expect(() => ruleOf(key)).not.toThrow();
  });
});

describe("authorisation matrix: server actions × anonymous and each role", () => {
  for (const [name, action] of Object.entries(SERVER_ACTIONS)) {
    it(`${name} (${action})`, async () => {
      const fn = serverActions.get(name);
      expect(fn, `${name} is not exported by lib/actions`).toBeDefined();
      for (const who of EVERYONE) {
        const expected: Outcome = who === ANONYMOUS ? "unauthenticated" : can(who, action) ? "passed" : "forbidden";
        const { outcome, state } = await callAction(fn!, who);
        expect(outcome, `${name} as ${who}: ${JSON.stringify(state)}`).toBe(expected);
      }
    });
  }
});

describe("authorisation matrix: route handlers × anonymous, each role and each token scope", () => {
  for (const key of Object.keys(ROUTES)) {
    it(key, async () => {
      const handler = routes.get(key);
      expect(handler, `${key} has no handler in app/`).toBeDefined();
      const rule = ruleOf(key);
      for (const who of EVERYONE) {
        const expected: Outcome =
          rule.kind === "public" ? "passed" : who === ANONYMOUS || rule.kind === "token" ? "unauthenticated" : can(who, rule.kind === "api" ? rule.access.action : rule.action) ? "passed" : "forbidden";
        expect(statusOutcome(await callRoute(key, handler!, await cookieOf(who), null)), `${key} as ${who}`).toBe(expected);
      }
      for (const scope of TOKEN_SCOPES) {
        // A token counts only where the API takes one; a session-only route refuses it (403: it is for signed-in people).
        const expected: Outcome = rule.kind === "public" ? "passed" : rule.kind === "session" ? "forbidden" : rule.access.scope === scope ? "passed" : "forbidden";
        // (A token rule — SCIM — is the API's rule without sessions: the same cell for tokens.)
        expect(statusOutcome(await callRoute(key, handler!, null, tokens[scope])), `${key} with a ${scope} token`).toBe(expected);
      }
    });
  }
});

describe("authorisation matrix: own and other rows", () => {
  it("requests: the requester withdraws and comments on their own; another employee cannot see an exception, nor withdraw a review", async () => {
    const tool = await runMutation(createSoftware, people.reviewer, { name: unique("Matrix tool"), kind: "cli", category: "Build" });
    await runMutation(recordClassification, people.reviewer, { softwareId: tool.id, status: "restricted", rationale: "For the matrix." });
    const owner = await makeUser(db, "employee");
    const other = await makeUser(db, "employee");
    const exception = await runMutation(requestException, owner, { idempotencyKey: crypto.randomUUID(), softwareId: tool.id, dataClass: "internal", purpose: "Matrix", justification: "Matrix", endsOn: addDays(isoDay(new Date()), 30) });
    const review = await runMutation(requestNewSoftware, owner, { idempotencyKey: crypto.randomUUID(), proposedName: unique("Matrix review"), purpose: "Matrix", justification: "Matrix" });
    expect(await callOwn(other, "requests.commentOnRequestAction", { requestId: exception.id, body: "Let me in" })).toMatchObject({ status: "error", message: "That request does not exist." });
    expect(await callOwn(other, "requests.withdrawRequestAction", { requestId: exception.id })).toMatchObject({ status: "error", message: "That request does not exist." });
    expect(await callOwn(other, "requests.withdrawRequestAction", { requestId: review.id })).toMatchObject({ status: "error", message: "Only the person who asked can withdraw a request." });
    expect(await callOwn(owner, "requests.commentOnRequestAction", { requestId: exception.id, body: "More detail" })).not.toMatchObject({ status: "error" });
    // The owner's own: passes (the success then revalidates, which a test cannot, so it may throw past the door).
    const own = await callOwn(owner, "requests.withdrawRequestAction", { requestId: review.id });
    expect(own).not.toMatchObject({ status: "error" });
  });

  it("notifications: one's own is marked read; another's is not found", async () => {
    const owner = await makeUser(db, "employee");
    const other = await makeUser(db, "employee");
    const [notice] = await db.insert(notifications).values({ userId: owner.id, title: "Matrix notice", body: "", link: "/" }).returning({ id: notifications.id });
    expect(await callOwn(other, "notifications.markNotificationReadAction", { id: notice!.id })).toMatchObject({ status: "error", message: "No such notification." });
    expect(await callOwn(owner, "notifications.markNotificationReadAction", { id: notice!.id })).not.toMatchObject({ status: "error" });
  });

  it("tokens: a reviewer revokes their own, not another's; an admin revokes anyone's", async () => {
    const make = async (by: SessionUser) => runMutation(createApiToken, by, { name: unique("Owned"), scopes: ["check:read"], expiresOn: addDays(isoDay(new Date()), 7) });
    const otherReviewer = await makeUser(db, "reviewer");
    const reviewers = await make(people.reviewer);
    expect(await callOwn(otherReviewer, "api-tokens.revokeApiTokenAction", { id: reviewers.id })).toMatchObject({ status: "error", message: "That token does not exist." });
    expect(await callOwn(people.reviewer, "api-tokens.revokeApiTokenAction", { id: (await make(people.admin)).id })).toMatchObject({ status: "error", message: "That token does not exist." });
    expect(await callOwn(people.reviewer, "api-tokens.revokeApiTokenAction", { id: reviewers.id })).not.toMatchObject({ status: "error" });
    expect(await callOwn(people.admin, "api-tokens.revokeApiTokenAction", { id: (await make(otherReviewer)).id })).not.toMatchObject({ status: "error" });
  });
});

function toForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

/** A server action as a given person; a success that then needs Next (revalidation) counts as ok. */
async function callOwn(user: SessionUser, action: string, fields: Record<string, string>): Promise<ActionState> {
  try {
    return await withRequest(await signInCookie(user), () => serverActions.get(action)!(IDLE, toForm(fields)), sameOrigin());
  } catch (error) {
    if (!ranPastTheDoor(error)) throw error;
    return { status: "ok", message: "(succeeded, then revalidated or redirected)", at: 0 };
  }
}

/**
 * A server action's success then revalidates or redirects, which needs more of Next than a
 * test gives: those two failures mean the mutation ran. Anything else is a real failure.
 */
function ranPastTheDoor(error: unknown): boolean {
  const text = String(error);
  return text.includes("static generation store missing") || String((error as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT");
}
