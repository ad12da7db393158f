import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";
import { postServerAction } from "./support/server-actions";

/**
 * Issue 10, finding 10: a dynamic path segment whose percent-encoding is not UTF-8 made Next
 * answer a bare text/plain 500 without the app's security headers. Every dynamic route of the
 * app (found by walking app/, so a new one is covered without editing this file) gets each bad
 * spelling in each dynamic segment, anonymously and signed in, against the real built server:
 * Next's own decoding is what failed, so only the running server can prove it no longer does.
 */
const APP_DIR = path.resolve(__dirname, "..", "app");
const BAD_ENCODINGS = ["%FF", "%C3%28", "%ED%A0%80", "%E0%A4%A", "%", "%G0", "ok%FF"];

/** URL templates of every page and route handler with a dynamic segment, e.g. "/software/[slug]/audit". */
function dynamicRoutes(dir = APP_DIR, segments: string[] = []): string[][] {
  const found: string[][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // Route groups "(browse)" add nothing to the URL.
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      found.push(...dynamicRoutes(path.join(dir, entry.name), next));
    } else if (/^(page|route)\.tsx?$/.test(entry.name) && segments.some((s) => s.startsWith("["))) {
      found.push(segments);
    }
  }
  return found;
}

/** Each route with `bad` in one dynamic segment at a time (the others a plain word). */
function hostilePaths(bad: string): string[] {
  const paths = new Set<string>();
  for (const route of dynamicRoutes()) {
    route.forEach((segment, index) => {
      if (!segment.startsWith("[")) return;
      paths.add(`/${route.map((s, i) => (i === index ? bad : s.startsWith("[") ? "x" : s)).join("/")}`);
    });
  }
  return [...paths].sort();
}

const SIGNIN_CALLBACKS = ["/%0a", "%0A", "/x%0D%0ALocation:%20https://evil.example/", "/%00", "/%FF", "%E0%A4%A", "/%E2%82%AC", "/%F0%9F%98%80"];

function problemsWith(url: string, response: APIResponse): string[] {
  const problems: string[] = [];
  const where = `${url} → ${response.status()}`;
  const headers = response.headers();
  const type = headers["content-type"] ?? "";
  if (response.status() >= 500) problems.push(`${where}: a server error`);
  if (headers["x-content-type-options"] !== "nosniff") problems.push(`${where}: no X-Content-Type-Options`);
  if (headers["x-frame-options"] !== "DENY") problems.push(`${where}: no X-Frame-Options`);
  if (url.startsWith("/api/") && !url.startsWith("/api/auth/") && !type.startsWith("application/json")) problems.push(`${where}: answered ${type || "no content type"}, not JSON`);
  if (type.startsWith("text/html") && !headers["content-security-policy"]) problems.push(`${where}: a page without Content-Security-Policy`);
  return problems;
}

async function sweep(request: APIRequestContext): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = [];
  let checked = 0;
  const urls = [...BAD_ENCODINGS.flatMap(hostilePaths), ...SIGNIN_CALLBACKS.map((c) => `/signin?callbackUrl=${c}`)];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    checked += 1;
    problems.push(...problemsWith(url, response));
  }
  return { checked, problems };
}

test.describe("undecodable paths (issue 10, finding 10)", () => {
  test("the route tree has the dynamic routes this sweep is about", () => {
    const routes = dynamicRoutes().map((r) => `/${r.join("/")}`);
    expect(routes).toContain("/software/[slug]");
    expect(routes).toContain("/api/v1/software/[slug]");
    expect(routes.length).toBeGreaterThanOrEqual(11);
  });

  test("answer 4xx with the app's headers, never a 500, anonymously", async () => {
    const anonymous = await playwrightRequest.newContext({ baseURL: APP_URL });
    try {
      const { checked, problems } = await sweep(anonymous);
      expect(checked).toBeGreaterThan(80);
      expect(problems).toEqual([]);
    } finally {
      await anonymous.dispose();
    }
  });

  for (const role of ["employee", "reviewer", "admin"] as const) {
    test(`answer 4xx with the app's headers, never a 500, signed in as ${role === "employee" || role === "admin" ? "an" : "a"} ${role}`, async () => {
      const signedIn = await playwrightRequest.newContext({ baseURL: APP_URL });
      try {
        await signInRequest(signedIn, USERS[role]);
        const { problems } = await sweep(signedIn);
        expect(problems).toEqual([]);
        // The API answers JSON in its documented error shape, and a page is the app's not-found page.
        const api = await signedIn.get("/api/v1/software/%C3%28");
        expect(api.status()).toBe(404);
        expect(await api.json()).toEqual({ error: { status: 404, message: expect.stringContaining("percent-encoding") } });
        const page = await signedIn.get("/software/%FF");
        expect(page.status()).toBe(404);
        expect(await page.text()).toContain("There is nothing at this address");
        // And the server is still fine.
        expect((await signedIn.get("/software/cursor")).status()).toBe(200);
      } finally {
        await signedIn.dispose();
      }
    });
  }
});

/**
 * Issue 10, finding 1, on the running server: the fields exactly as React's fetch sends them
 * ("_1___proto__.category" on the wire), to a reviewer-only action and to one every role may
 * call. Before the fix, __proto__.category emptied the reviewers' catalogue list and
 * __proto__.name broke every database query (health 503).
 */
test.describe("prototype-shaped form fields on the wire (issue 10, finding 1)", () => {
  for (const role of ["employee", "reviewer"] as const) {
    test(`change nothing in the server process, posted by ${role === "employee" ? "an" : "a"} ${role}`, async () => {
      const signedIn = await playwrightRequest.newContext({ baseURL: APP_URL });
      try {
        await signInRequest(signedIn, USERS[role]);
        const catalogueBefore = (await (await signedIn.get("/api/v1/software?pageSize=100")).json()).total as number;
        expect(catalogueBefore).toBeGreaterThan(0);
        for (const [action, pagePath] of [["addEvidenceAction", "/vendors/zoom-communications"], ["markAllNotificationsReadAction", "/notifications"]] as const) {
          for (const field of ["__proto__.category", "__proto__.name", "constructor.prototype.x", "__proto__[]"]) {
            const response = await postServerAction(signedIn, pagePath, action, { [field]: "polluted", title: "x" });
            expect(response.status(), `${action} with ${field}`).toBeLessThan(500);
            const text = await response.text();
            expect(text, `${action} with ${field}`).toMatch(/is not accepted as a field name|Your role does not allow this/);
          }
        }
        expect((await signedIn.get("/api/health")).status()).toBe(200);
        expect((await (await signedIn.get("/api/v1/software?pageSize=100")).json()).total).toBe(catalogueBefore);
      } finally {
        await signedIn.dispose();
      }
    });
  }
});
