import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn, signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";

test.describe("API", () => {
  test("pages carry the security headers", async ({ request }) => {
    const response = await request.get("/signin");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
  });

  test("health needs no session and names the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "postgres" });
  });

  test("without a session every /api/v1 call is 401 JSON", async ({ request }) => {
    for (const path of ["/api/v1/check?q=cursor", "/api/v1/software", "/api/v1/software/claude-code"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(response.headers()["content-type"], path).toContain("application/json");
      expect(await response.json(), path).toMatchObject({ error: { status: 401 } });
    }
  });

  test("the OpenAPI document needs no session; the reference page renders it for anyone signed in", async ({ request, page }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect((await response.json()).paths["/api/v1/check"].get.security).toEqual([{ apiToken: ["check:read"] }, { session: [] }]);

    await page.goto("/help/api");
    await expect(page).toHaveURL(/\/signin/);
    await signIn(page, USERS.employee, { callbackPath: "/help/api" });
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    const check = page.getByRole("region", { name: "GET /api/v1/check" });
    await expect(check.getByRole("table", { name: "Parameters" }).getByRole("row", { name: /dataClass/ })).toContainText("one of: public, internal, confidential, restricted");
    await expect(check).toContainText("an API token with the check:read scope, or a session of: employee, manager, reviewer, admin");
    await expect(check.getByRole("table", { name: /Answer: 200/ })).toContainText("alternatives[].url");
    await page.getByRole("navigation", { name: "Endpoints" }).getByRole("link", { name: "GET /api/v1/exports/santa" }).click();
    await expect(page).toHaveURL(/#exportSanta$/);
    await page.getByRole("link", { name: "OpenAPI 3.1 document" }).click();
    await expect(page.locator("body")).toContainText('"openapi":"3.1.1"');
  });

  test.describe("signed in as an employee", () => {
    // Read-only calls: one signed-in client for the group.
    let api: APIRequestContext;
    test.beforeAll(async ({ playwright }) => {
      api = await playwright.request.newContext({ baseURL: APP_URL });
      await signInRequest(api, USERS.employee);
    });
    test.afterAll(async () => {
      await api.dispose();
    });

    test("check refuses bad parameters with a 400 naming the field", async () => {
      const missing = await api.get("/api/v1/check");
      expect(missing.status()).toBe(400);
      const missingBody = await missing.json();
      expect(missingBody.error.status).toBe(400);
      expect(Object.keys(missingBody.error.fields)).toEqual(["q"]);

      const empty = await api.get("/api/v1/check", { params: { q: "   " } });
      expect(empty.status()).toBe(400);
      expect((await empty.json()).error.fields).toHaveProperty("q");

      const bogus = await api.get("/api/v1/check", { params: { q: "cursor", dataClass: "bogus" } });
      expect(bogus.status()).toBe(400);
      const bogusBody = await bogus.json();
      expect(Object.keys(bogusBody.error.fields)).toEqual(["dataClass"]);
      expect(bogusBody.error.message).toContain("dataClass");

      const long = await api.get("/api/v1/check", { params: { q: "a".repeat(10_000) } });
      expect(long.status()).toBe(400);
      expect((await long.json()).error.fields.q.join(" ")).toContain("at most 200 characters");
    });

    test("check treats SQL and regex metacharacters as plain text", async () => {
      for (const q of ["'; DROP TABLE software; --", ".*(", "%_\\", "[[:alpha:]]+$"]) {
        const response = await api.get("/api/v1/check", { params: { q } });
        expect(response.status(), q).toBe(200);
        expect(await response.json(), q).toMatchObject({ query: q, verdict: "unknown", software: null, match: null });
      }
      // The catalogue is still there.
      const after = await api.get("/api/v1/check", { params: { q: "@anthropic-ai/claude-code", dataClass: "confidential" } });
      expect(await after.json()).toMatchObject({
        verdict: "exception_required",
        match: "identifier",
        software: { slug: "claude-code", status: "restricted" },
      });
    });

    test("check answers per edition and data class", async () => {
      const business = await api.get("/api/v1/check", { params: { q: "GitHub Copilot", edition: "Business", dataClass: "internal" } });
      expect(await business.json()).toMatchObject({ verdict: "allowed_with_conditions", edition: { name: "Business" } });
      const free = await api.get("/api/v1/check", { params: { q: "GitHub Copilot", edition: "Free", dataClass: "public" } });
      expect(await free.json()).toMatchObject({ verdict: "prohibited", edition: { name: "Free" } });
      const tooSensitive = await api.get("/api/v1/check", { params: { q: "GitHub Copilot", edition: "Business", dataClass: "restricted" } });
      expect(await tooSensitive.json()).toMatchObject({ verdict: "exception_required" });
    });

    test("the software list filters by status and pages", async () => {
      const response = await api.get("/api/v1/software", { params: { status: "prohibited", pageSize: "5" } });
      expect(response.status()).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ page: 1, pageSize: 5 });
      expect(body.total).toBeGreaterThan(5);
      expect(body.pageCount).toBe(Math.ceil(body.total / 5));
      expect(body.items).toHaveLength(5);
      for (const item of body.items) expect(item.status).toBe("prohibited");

      const second = await (await api.get("/api/v1/software", { params: { status: "prohibited", pageSize: "5", page: "2" } })).json();
      expect(second.page).toBe(2);
      for (const item of second.items) expect(item.status).toBe("prohibited");
      const firstSlugs = new Set(body.items.map((i: { slug: string }) => i.slug));
      for (const item of second.items) expect(firstSlugs.has(item.slug)).toBe(false);

      const bad = await api.get("/api/v1/software", { params: { status: "forbidden", pageSize: "1000" } });
      expect(bad.status()).toBe(400);
      expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["pageSize", "status"]);
    });

    test("a software's detail carries its current answer and history", async () => {
      const response = await api.get("/api/v1/software/claude-code");
      expect(response.status()).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ slug: "claude-code", name: "Claude Code", vendor: { name: "Anthropic" }, kind: "cli", status: "restricted" });
      expect(body.identifiers).toContainEqual({ type: "npm", value: "@anthropic-ai/claude-code", edition: null });
      expect(body.current).toHaveLength(1);
      expect(body.current[0]).toMatchObject({
        status: "restricted",
        verdicts: { public: "exception_required", internal: "exception_required", confidential: "exception_required", restricted: "exception_required" },
      });
      expect(body.current[0].alternatives.map((a: { slug: string }) => a.slug).sort()).toEqual(["continue", "github-copilot"]);
      expect(body.history.map((h: { status: string }) => h.status)).toEqual(expect.arrayContaining(["restricted", "under_review"]));

      const missing = await api.get("/api/v1/software/no-such-tool");
      expect(missing.status()).toBe(404);
      expect((await missing.json()).error.status).toBe(404);

      // Odd bytes in the path are "not found", never a server error.
      for (const path of ["/api/v1/software/%00", "/api/v1/software/%E2%80%AEevil", `/api/v1/software/${"a".repeat(5000)}`]) {
        expect((await api.get(path)).status(), path).toBe(404);
      }
      for (const path of ["/software/%00", "/vendors/%00"]) {
        expect((await api.get(path)).status(), path).toBe(404);
      }
    });
  });
});
