/**
 * The authorisation matrix for pages: every app/**\/page.tsx, found on disk, × anonymous and each
 * role, with real ids from the seeded demo data, plus own/other for requests. What each cell
 * expects comes from the policy table through the entries below; a page without an entry fails.
 * Server actions and route handlers are in tests/integration/authorisation-matrix.test.ts.
 */
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { can, type Action } from "../lib/domain/policy";
import { ROLES, type Role } from "../lib/domain/vocabulary";
import { signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";
import { query } from "./support/db";

type Who = Role | "anonymous";
const EVERYONE: Who[] = ["anonymous", ...ROLES];

interface Ids {
  slug: string;
  vendorSlug: string;
  template: { key: string; version: number } | null;
  assessmentId: string | null;
  webhookId: string | null;
}

/**
 * Who may open a page: anyone ("public"), anyone signed in, or a role that may do an action.
 * `path` fills the route's dynamic segments with real rows; `missing` says the row the path
 * names does not exist in this run, so an allowed role gets the 404 page rather than 200.
 */
interface PageRule {
  allow: "public" | "signed-in" | Action;
  path?: (ids: Ids) => string;
  missing?: (ids: Ids) => boolean;
}

const PAGES: Record<string, PageRule> = {
  "/": { allow: "signed-in" },
  "/check": { allow: "catalogue.read" },
  "/software": { allow: "signed-in" },
  "/software/[slug]": { allow: "signed-in", path: (ids) => `/software/${ids.slug}` },
  "/software/[slug]/audit": { allow: "audit.read", path: (ids) => `/software/${ids.slug}/audit` },
  "/vendors/[slug]": { allow: "signed-in", path: (ids) => `/vendors/${ids.vendorSlug}` },
  "/help": { allow: "signed-in" },
  "/help/api": { allow: "signed-in" },
  "/signin": { allow: "public" },
  "/notifications": { allow: "notifications.own" },
  "/requests": { allow: "request.create" },
  "/requests/new": { allow: "request.create", path: (ids) => `/requests/new?software=${ids.slug}` },
  "/requests/inbox": { allow: "request.decide" },
  "/requests/grants": { allow: "grants.read" },
  "/requests/reports": { allow: "grants.read" },
  // Own and other requests are their own cells below.
  "/requests/[id]": { allow: "signed-in", path: () => `/requests/${randomUUID()}`, missing: () => true },
  "/manage": { allow: "catalogue.write" },
  "/manage/software/new": { allow: "catalogue.write" },
  "/manage/software/[slug]": { allow: "catalogue.write", path: (ids) => `/manage/software/${ids.slug}` },
  "/manage/queue": { allow: "assessment.write" },
  "/manage/assessments/[id]": { allow: "assessment.write", path: (ids) => `/manage/assessments/${ids.assessmentId ?? randomUUID()}`, missing: (ids) => !ids.assessmentId },
  "/manage/dashboard": { allow: "dashboard.read" },
  "/manage/import": { allow: "catalogue.import" },
  "/manage/templates": { allow: "template.write" },
  "/manage/templates/new": { allow: "template.write" },
  "/manage/templates/[key]": { allow: "template.write", path: (ids) => `/manage/templates/${ids.template?.key ?? "no-such-template"}`, missing: (ids) => !ids.template },
  "/manage/templates/[key]/[version]": {
    allow: "template.write",
    path: (ids) => `/manage/templates/${ids.template?.key ?? "no-such-template"}/${ids.template?.version ?? 1}`,
    missing: (ids) => !ids.template,
  },
  "/admin/users": { allow: "users.manage" },
  "/admin/settings": { allow: "settings.manage" },
  "/admin/tokens": { allow: "tokens.own" },
  "/admin/webhooks": { allow: "webhooks.manage" },
  "/admin/webhooks/[id]": { allow: "webhooks.manage", path: (ids) => `/admin/webhooks/${ids.webhookId ?? randomUUID()}`, missing: (ids) => !ids.webhookId },
  "/admin/outbox": { allow: "outbox.read" },
  "/admin/audit": { allow: "audit.verify" },
};

/** app/**\/page.tsx on disk, as the paths Next serves them at (route groups dropped). */
function discoverPages(): string[] {
  const app = path.resolve(__dirname, "..", "app");
  return readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)page\.tsx$/.test(file))
    .map((file) => `/${path.dirname(file)}`.replace(/\/\([^)]+\)/g, "").replace(/^\/\.$/, "/").replace(/^$/, "/") || "/");
}

const contexts = new Map<Who, APIRequestContext>();
let ids: Ids;
let ownRequest: string;
let strangersRequest: string;

test.beforeAll(async ({ playwright }) => {
  for (const who of EVERYONE) {
    const context = await playwright.request.newContext({ baseURL: APP_URL });
    if (who !== "anonymous") await signInRequest(context, USERS[who]);
    contexts.set(who, context);
  }
  const [vendor] = await query<{ slug: string }>("SELECT slug FROM vendors ORDER BY slug LIMIT 1");
  const [template] = await query<{ key: string; version: number }>("SELECT key, version FROM questionnaire_templates ORDER BY created_at LIMIT 1");
  const [assessment] = await query<{ id: string }>("SELECT id FROM assessments ORDER BY created_at LIMIT 1");
  const [webhook] = await query<{ id: string }>("SELECT id FROM webhook_endpoints ORDER BY created_at LIMIT 1");
  ids = { slug: "claude-code", vendorSlug: vendor!.slug, template: template ?? null, assessmentId: assessment?.id ?? null, webhookId: webhook?.id ?? null };

  // Two exceptions: the demo employee's own, and one of a stranger to the demo employee and their manager.
  const [employee] = await query<{ id: string; password_hash: string }>("SELECT id, password_hash FROM users WHERE email = $1", [USERS.employee]);
  const [stranger] = await query<{ id: string }>(
    "INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Matrix stranger', 'employee', $2) RETURNING id",
    [`stranger-${Date.now().toString(36)}@example.com`, employee!.password_hash],
  );
  const [tool] = await query<{ id: string }>("SELECT id FROM software WHERE slug = $1", [ids.slug]);
  const ask = async (requesterId: string) =>
    (
      await query<{ id: string }>(
        `INSERT INTO requests (kind, status, requester_id, manager_id, software_id, data_class, purpose, justification, ends_on, step_entered_at, idempotency_key)
         SELECT 'exception', 'awaiting_manager', u.id, u.manager_id, $2, 'internal', 'Matrix', 'Matrix', (now() + interval '30 days')::date, now(), gen_random_uuid() FROM users u WHERE u.id = $1 RETURNING id`,
        [requesterId, tool!.id],
      )
    )[0]!.id;
  ownRequest = await ask(employee!.id);
  strangersRequest = await ask(stranger!.id);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

/** What a page answered: the page, the 403 page, the 404 page, or a redirect to sign-in (or elsewhere). */
async function open(who: Who, pagePath: string): Promise<string> {
  const response = await contexts.get(who)!.get(pagePath, { maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  if (response.status() >= 300 && response.status() < 400) return new URL(location, APP_URL).pathname === "/signin" ? "signin" : `redirect ${new URL(location, APP_URL).pathname}`;
  return String(response.status());
}

test("every page has an entry in the matrix", () => {
  expect(discoverPages().sort()).toEqual(Object.keys(PAGES).sort());
});

test("every page × anonymous and each role: allowed, refused (403) or sent to sign in", async () => {
  test.setTimeout(150_000);
  const problems: string[] = [];
  for (const [route, rule] of Object.entries(PAGES)) {
    const pagePath = rule.path ? rule.path(ids) : route;
    for (const who of EVERYONE) {
      let expected: string;
      if (rule.allow === "public") expected = who === "anonymous" ? "200" : "redirect /";
      else if (who === "anonymous") expected = "signin";
      else if (rule.allow === "signed-in" || can(who, rule.allow)) expected = rule.missing?.(ids) ? "404" : "200";
      else expected = "403";
      const actual = await open(who, pagePath);
      if (actual !== expected) problems.push(`${pagePath} as ${who}: expected ${expected}, got ${actual}`);
    }
  }
  expect(problems).toEqual([]);
});

test("requests: own and other", async () => {
  // The requester, their manager and security see it; nobody else learns it exists.
  const expectations: [string, Who, string][] = [
    [ownRequest, "employee", "200"],
    [ownRequest, "manager", "200"],
    [ownRequest, "reviewer", "200"],
    [ownRequest, "admin", "200"],
    [ownRequest, "anonymous", "signin"],
    [strangersRequest, "employee", "404"],
    [strangersRequest, "manager", "404"],
    [strangersRequest, "reviewer", "200"],
    [strangersRequest, "admin", "200"],
  ];
  const problems: string[] = [];
  for (const [id, who, expected] of expectations) {
    const actual = await open(who, `/requests/${id}`);
    if (actual !== expected) problems.push(`${id === ownRequest ? "own" : "a stranger's"} request as ${who}: expected ${expected}, got ${actual}`);
  }
  expect(problems).toEqual([]);
});
