import type { APIRequestContext, APIResponse } from "@playwright/test";
import { signInRequest, submitSignInForm } from "./support/auth";
import { APP_URL, DEMO_PASSWORD, USERS } from "./support/constants";
import { query } from "./support/db";
import { expect, test } from "./support/test";

/**
 * Sign-in floods, over HTTP against the real server. The e2e server trusts the harness's
 * loopback proxy (TRUSTED_PROXIES=127.0.0.1, as a load balancer would be), so each test
 * speaks for a client address of its own through X-Forwarded-For.
 */
let addressCounter = 0;
function testAddress(): string {
  addressCounter += 1;
  return `198.51.100.${(Date.now() % 200) + addressCounter}`;
}

function unknownEmail(n: number): string {
  return `spray-${Date.now().toString(36)}-${n}@example.com`;
}

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

function attempt(request: APIRequestContext, token: string, address: string, email: string, password = "not-the-password"): Promise<APIResponse> {
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken: token, email, password, json: "true" },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
}

async function errorOf(response: APIResponse): Promise<string | null> {
  const body = (await response.json()) as { url?: string };
  return body.url ? new URL(body.url).searchParams.get("error") : null;
}

async function addressFailures(address: string): Promise<number> {
  const rows = await query<{ failures: number }>("SELECT failures FROM sign_in_address_throttle WHERE address = $1", [address]);
  return rows[0]?.failures ?? 0;
}

test.describe("sign-in limits", () => {
  test("40 concurrent attempts from one address: the excess is refused with 429 and Retry-After before any hashing", async ({ request }) => {
    const address = testAddress();
    const token = await csrfToken(request);
    const responses = await Promise.all(Array.from({ length: 40 }, (_, n) => attempt(request, token, address, unknownEmail(n))));
    const refused = responses.filter((r) => r.status() === 429);
    const answered = responses.filter((r) => r.status() === 401);
    expect(refused.length + answered.length, "every answer is a refusal or a sign-in verdict").toBe(40);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      expect(await errorOf(response)).toMatch(/Too many sign-in attempts/);
    }
    // Each attempt that was not refused was hashed and failed, and counted for the address;
    // the refused ones never reached the password check.
    expect(await addressFailures(address)).toBe(answered.length);
  });

  test("spraying 30 emails from one client is refused after the limit; another address still signs in", async ({ request, playwright, browser }) => {
    const address = testAddress();
    const token = await csrfToken(request);
    const statuses: number[] = [];
    for (let n = 0; n < 30; n++) {
      const response = await attempt(request, token, address, unknownEmail(n));
      statuses.push(response.status());
      if (response.status() === 429) {
        expect(Number(response.headers()["retry-after"])).toBeGreaterThan(60);
        expect(await errorOf(response)).toMatch(/Too many sign-in attempts from your network/);
      } else {
        expect(await errorOf(response)).toBe("Wrong email or password.");
      }
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal, `statuses: ${statuses.join(",")}`).toBeGreaterThan(0);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    // Even the right password is refused from that address now, and the form says why.
    expect((await attempt(request, token, address, USERS.employee, DEMO_PASSWORD)).status()).toBe(429);
    const sameClient = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
    try {
      const page = await sameClient.newPage();
      await page.goto("/signin");
      await submitSignInForm(page, USERS.employee, DEMO_PASSWORD);
      await expect(page.getByTestId("signin-error")).toHaveText(/^Too many sign-in attempts from your network\. Try again in \d+ minutes\.$/);
      await expect(page).toHaveURL(/\/signin/);
    } finally {
      await sameClient.close();
    }

    const other = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { "x-forwarded-for": testAddress() } });
    try {
      await signInRequest(other, USERS.employee);
    } finally {
      await other.dispose();
    }
  });

  test("the per-email lockout still holds, from any address", async ({ request }) => {
    const token = await csrfToken(request);
    const email = unknownEmail(99);
    const errors: (string | null)[] = [];
    for (let n = 0; n < 6; n++) errors.push(await errorOf(await attempt(request, token, testAddress(), email)));
    expect(errors.slice(0, 4)).toEqual(Array(4).fill("Wrong email or password."));
    expect(errors.slice(4)).toEqual(Array(2).fill("Too many failed attempts. Try again in 15 minutes."));
  });
});

test.describe("after sign-in, only this app's own pages", () => {
  const hostile = [
    "/%09/evil.example/x",
    "/%0A/evil.example/x",
    "/%0D%0A/evil.example/x",
    "//evil.example/x",
    "/%5Cevil.example/x",
    "/.//evil.example/x",
    "https://evil.example/x",
    "javascript:alert(1)",
  ];

  test("a signed-in visitor's callbackUrl never leaves the origin, and a newline is no 500", async ({ request }) => {
    await signInRequest(request, USERS.employee);
    for (const callback of hostile) {
      const response = await request.get(`/signin?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect.soft(response.status(), callback).toBe(307);
      const location = response.headers()["location"] ?? "";
      expect.soft(new URL(location, APP_URL).origin, `${callback} → ${JSON.stringify(location)}`).toBe(new URL(APP_URL).origin);
      expect.soft(location, callback).not.toMatch(/[\t\r\n\\]/);
    }
    const kept = await request.get(`/signin?callbackUrl=${encodeURIComponent("/software/cursor?tab=history")}`, { maxRedirects: 0 });
    expect(kept.headers()["location"]).toBe("/software/cursor?tab=history");
  });

  test("in a browser, the tab trick lands on Vetted, not on the other host", async ({ page }) => {
    await signInRequest(page.request, USERS.employee);
    await page.goto("/signin?callbackUrl=/%09/evil.example/x");
    expect(new URL(page.url()).origin).toBe(new URL(APP_URL).origin);
  });
});
