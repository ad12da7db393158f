import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";

test.describe("enforcement exports", () => {
  test("without a session each export is 401 JSON", async ({ request }) => {
    for (const path of ["/api/v1/exports/santa", "/api/v1/exports/chrome", "/api/v1/exports/domains", "/api/v1/exports/npm", "/api/v1/exports/pypi"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json(), path).toMatchObject({ error: { status: 401 } });
    }
  });

  test.describe("signed in as a reviewer", () => {
    let api: APIRequestContext;
    test.beforeAll(async ({ playwright }) => {
      api = await playwright.request.newContext({ baseURL: APP_URL });
      await signInRequest(api, USERS.reviewer);
    });
    test.afterAll(async () => {
      await api.dispose();
    });

    test("Santa rules are JSON, private and uncached", async () => {
      const response = await api.get("/api/v1/exports/santa");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(response.headers()["cache-control"]).toBe("private, no-store");
      const body = await response.json();
      expect(Array.isArray(body.rules)).toBe(true);
      for (const rule of body.rules) {
        expect(rule).toMatchObject({ policy: "BLOCKLIST", custom_url: expect.stringContaining("/software/") });
        expect(["TEAMID", "SIGNINGID", "BINARY"]).toContain(rule.rule_type);
      }
    });

    test("the domain blocklist is plain text with a header", async () => {
      const response = await api.get("/api/v1/exports/domains");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
      expect(response.headers()["cache-control"]).toBe("private, no-store");
      expect((await response.text()).split("\n")[0]).toMatch(/^# Vetted domain blocklist, generated \S+, \d+ domains?$/);
    });

    test("a bad include answers 400 naming the parameter", async () => {
      const response = await api.get("/api/v1/exports/chrome", { params: { include: "everything" } });
      expect(response.status()).toBe(400);
      expect(Object.keys((await response.json()).error.fields)).toEqual(["include"]);
    });
  });
});
