/**
 * Every role's main pages, for the walks that look at each of them as that person would
 * (accessibility.spec.tsx: axe at 1280 and 390 px, and at 390 px nothing scrolls sideways).
 * Which role opens which page comes from the policy table, so a role walks exactly what it may open.
 */
import { expect, type Page } from "@playwright/test";
import { DEFAULT_TEMPLATE } from "../../lib/domain/default-template";
import { can, type Action } from "../../lib/domain/policy";
import { ROLES, type Role } from "../../lib/domain/vocabulary";
import { signInRequest } from "./auth";
import { USERS } from "./constants";
import { query } from "./db";

export { ROLES };

/** Real rows of the demo data that the dynamic pages need; see `walkIds`. */
export interface WalkIds {
  vendorSlug: string;
  templateKey: string;
  assessmentId: string;
  requestId: string;
}

interface MainPage {
  name: string;
  path: (ids: WalkIds) => string;
  /** Anyone signed in, or a role that may do the action. */
  allow: "signed-in" | Action;
  /** Brings the page to the state worth looking at, once open. */
  prepare?: (page: Page) => Promise<void>;
}

export const MAIN_PAGES: MainPage[] = [
  { name: "home search", path: () => "/", allow: "signed-in", prepare: searchSlack },
  { name: "catalogue", path: () => "/software", allow: "signed-in" },
  { name: "software page (editions differ)", path: () => "/software/slack", allow: "signed-in" },
  { name: "software page (AI agent)", path: () => "/software/claude-code", allow: "signed-in" },
  { name: "software audit", path: () => "/software/claude-code/audit", allow: "audit.read" },
  { name: "vendor page", path: (ids) => `/vendors/${ids.vendorSlug}`, allow: "signed-in" },
  { name: "check", path: () => "/check", allow: "catalogue.read" },
  { name: "requests", path: () => "/requests", allow: "request.create" },
  { name: "new request", path: () => "/requests/new?software=claude-code", allow: "request.create" },
  { name: "a request", path: (ids) => `/requests/${ids.requestId}`, allow: "request.create" },
  { name: "inbox", path: () => "/requests/inbox", allow: "request.decide" },
  { name: "grants", path: () => "/requests/grants", allow: "grants.read" },
  { name: "reports", path: () => "/requests/reports", allow: "grants.read" },
  { name: "manage", path: () => "/manage", allow: "catalogue.write" },
  { name: "manage a tool", path: () => "/manage/software/claude-code", allow: "catalogue.write" },
  { name: "new software", path: () => "/manage/software/new", allow: "catalogue.write" },
  { name: "dashboard", path: () => "/manage/dashboard", allow: "dashboard.read" },
  { name: "queue", path: () => "/manage/queue", allow: "assessment.write" },
  { name: "an assessment", path: (ids) => `/manage/assessments/${ids.assessmentId}`, allow: "assessment.write" },
  { name: "import", path: () => "/manage/import", allow: "catalogue.import" },
  { name: "templates", path: () => "/manage/templates", allow: "template.write" },
  { name: "a template", path: (ids) => `/manage/templates/${ids.templateKey}`, allow: "template.write" },
  { name: "users", path: () => "/admin/users", allow: "users.manage" },
  { name: "settings", path: () => "/admin/settings", allow: "settings.manage" },
  { name: "tokens", path: () => "/admin/tokens", allow: "tokens.own" },
  { name: "webhooks", path: () => "/admin/webhooks", allow: "webhooks.manage" },
  { name: "outbox", path: () => "/admin/outbox", allow: "outbox.read" },
  { name: "audit", path: () => "/admin/audit", allow: "audit.verify" },
  { name: "notifications", path: () => "/notifications", allow: "notifications.own" },
  { name: "help", path: () => "/help", allow: "signed-in" },
  { name: "API reference", path: () => "/help/api", allow: "signed-in" },
];

/** The home search with its results listed. */
async function searchSlack(page: Page): Promise<void> {
  await page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" }).fill("slack");
  await expect(page.getByRole("listbox", { name: "Matching software" }).getByRole("option").first()).toBeVisible();
}

export interface WalkPage {
  name: string;
  path: string;
  prepare?: (page: Page) => Promise<void>;
}

/** The pages `role` may open, with their paths. */
export function pagesFor(role: Role, ids: WalkIds): WalkPage[] {
  return mainPagesOf(role).map((p) => ({ name: p.name, path: p.path(ids), prepare: p.prepare }));
}

/** The pages `role` may open, before the rows their paths name are known. */
export function mainPagesOf(role: Role): MainPage[] {
  return MAIN_PAGES.filter((p) => p.allow === "signed-in" || can(role, p.allow));
}

/**
 * The rows the dynamic pages open: the demo's first vendor and questionnaire, the employee's
 * own exception request (asked for here when the demo has none), and an assessment (started
 * here, as a reviewer would, when the demo has none).
 */
export async function walkIds(page: Page): Promise<WalkIds> {
  const [vendor] = await query<{ slug: string }>("SELECT slug FROM vendors WHERE slug = 'anthropic' UNION ALL (SELECT slug FROM vendors ORDER BY slug LIMIT 1)");
  const [employee] = await query<{ id: string }>("SELECT id FROM users WHERE email = $1", [USERS.employee]);
  let [request] = await query<{ id: string }>("SELECT id FROM requests WHERE requester_id = $1 ORDER BY created_at LIMIT 1", [employee!.id]);
  if (!request) {
    [request] = await query<{ id: string }>(
      `INSERT INTO requests (kind, status, requester_id, manager_id, software_id, data_class, purpose, justification, ends_on, step_entered_at, idempotency_key)
       SELECT 'exception', 'awaiting_manager', u.id, u.manager_id, s.id, 'internal', 'Pairing on the billing service', 'The approved assistant lacks the refactoring we need', (now() + interval '30 days')::date, now(), gen_random_uuid()
       FROM users u, software s WHERE u.id = $1 AND s.slug = 'claude-code' RETURNING id`,
      [employee!.id],
    );
  }
  const firstAssessment = async () => (await query<{ id: string }>("SELECT id FROM assessments ORDER BY created_at LIMIT 1"))[0]?.id;
  let assessmentId = await firstAssessment();
  if (!assessmentId) {
    // Both walks may start one at once; either's will do.
    await signInRequest(page.request, USERS.reviewer);
    await page.goto("/manage/software/aider");
    await page.getByRole("form", { name: "Start an assessment" }).getByRole("button", { name: "Start assessment" }).click();
    await expect.poll(firstAssessment).toBeTruthy();
    assessmentId = await firstAssessment();
    await page.context().clearCookies();
  }
  return { vendorSlug: vendor!.slug, templateKey: DEFAULT_TEMPLATE.key, assessmentId: assessmentId!, requestId: request!.id };
}

/** Opens a page, waits until it has settled (client components hydrated) and prepares it. */
export async function openSettled(page: Page, { path, prepare }: WalkPage): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} opens`).toBe(200);
  await page.waitForLoadState("networkidle");
  await prepare?.(page);
}

/** How wide the page is, and the innermost elements that reach past the screen's edge (by their box or their content). */
export async function sideways(page: Page): Promise<string> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = Array.from(document.body.querySelectorAll<HTMLElement>("*")).filter((element) => {
      const box = element.getBoundingClientRect();
      // Content past an element's box widens the page only when the element lets it show (not a control's own text).
      const showsOverflow = getComputedStyle(element).overflowX === "visible" && !/^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName);
      return box.right > width + 0.5 || (showsOverflow && box.left + element.scrollWidth > width + 0.5);
    });
    const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
    const describe = (element: HTMLElement) =>
      `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}">${(element.textContent ?? "").trim().slice(0, 30)} to ${Math.round(element.getBoundingClientRect().left + element.scrollWidth)} px`;
    return `${document.documentElement.scrollWidth} px wide: ${innermost.slice(0, 4).map(describe).join("; ")}`;
  });
}
