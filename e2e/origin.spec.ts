import type { Page, Request } from "@playwright/test";
import { signIn } from "./support/auth";
import { APP_PORT, APP_URL, USERS } from "./support/constants";
import { query } from "./support/db";
import { expect, test } from "./support/test";

/** Submits the reviewer's "New software" form in the browser and keeps the server action request it sent. */
async function captureCreateSoftware(page: Page, name: string): Promise<Request> {
  await signIn(page, USERS.reviewer, { callbackPath: "/manage" });
  await page.getByRole("link", { name: "New software" }).click();
  const form = page.getByRole("form", { name: "New software" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Kind").selectOption({ label: "SaaS" });
  await form.getByLabel("Category").fill("Origin checks");
  const sent = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByRole("button", { name: "Create software" }).click();
  return sent;
}

async function softwareNamed(name: string): Promise<number> {
  const rows = await query<{ n: number }>("SELECT count(*)::int AS n FROM software WHERE name = $1", [name]);
  return rows[0]!.n;
}

test.describe("every change comes from Vetted's own address", () => {
  test("a server action from a foreign origin, another scheme or with a forged X-Forwarded-Host is 403 and writes nothing", async ({ page }) => {
    const stamp = Date.now().toString(36);
    const original = `Origin A ${stamp}`;
    const action = await captureCreateSoftware(page, original);
    await expect.poll(() => softwareNamed(original)).toBe(1);

    // Replays of that request, each with a new name of the same length.
    const replay = async (letter: string, headers: Record<string, string>) => {
      const name = `Origin ${letter} ${stamp}`;
      const body = action.postDataBuffer()!.toString("latin1").replace(original, name);
      const sentHeaders = { ...(await action.allHeaders()) };
      for (const key of Object.keys(sentHeaders)) if (key.startsWith(":") || key === "cookie" || key === "content-length") delete sentHeaders[key];
      const response = await page.request.post(action.url(), { headers: { ...sentHeaders, ...headers }, data: Buffer.from(body, "latin1"), maxRedirects: 0 });
      return { response, written: await softwareNamed(name) };
    };

    const foreign = await replay("B", { origin: "http://evil.example" });
    expect.soft(foreign.response.status()).toBe(403);
    expect.soft(await foreign.response.text()).toContain(`Open Vetted at ${APP_URL} to make changes`);
    expect.soft(foreign.written).toBe(0);

    const otherScheme = await replay("C", { origin: `https://localhost:${APP_PORT}` });
    expect.soft(otherScheme.response.status()).toBe(403);
    expect.soft(otherScheme.written).toBe(0);

    const forgedHost = await replay("D", { origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    expect.soft(forgedHost.response.status()).toBe(403);
    expect.soft(forgedHost.written).toBe(0);

    // The same replay from Vetted's own origin does write: the refusals above are the origin's doing.
    const own = await replay("E", { origin: new URL(APP_URL).origin });
    expect(own.response.status()).toBe(200);
    expect(own.written).toBe(1);
  });

  test("a page opened at another address of the same server says which address to use", async ({ page }) => {
    await page.goto(`http://127.0.0.1:${APP_PORT}/signin`);
    const banner = page.getByRole("alert").filter({ hasText: "Open Vetted at" });
    await expect(banner).toHaveText(new RegExp(`You opened Vetted at http://127\\.0\\.0\\.1:${APP_PORT}\\..*Open Vetted at ${APP_URL.replace(/\./g, "\\.")} to make changes`));
    await expect(banner.getByRole("link", { name: APP_URL })).toHaveAttribute("href", `${APP_URL}/signin`);

    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in to Vetted" })).toBeVisible();
    await expect(page.getByText("Open Vetted at")).toHaveCount(0);
  });

  test("a form submitted at that other address says which address to use, and changes nothing", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${APP_PORT}` });
    try {
      const page = await context.newPage();
      await signIn(page, USERS.reviewer, { callbackPath: "/manage" });
      await expect(page.getByRole("alert").filter({ hasText: "Open Vetted at" })).toBeVisible();
      await page.getByRole("link", { name: "New software" }).click();
      const form = page.getByRole("form", { name: "New software" });
      const name = `Elsewhere ${Date.now().toString(36)}`;
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Kind").selectOption({ label: "SaaS" });
      await form.getByRole("button", { name: "Create software" }).click();
      await expect(form.getByTestId("form-message")).toHaveText(`Open Vetted at ${APP_URL} to make changes.`);
      expect(await softwareNamed(name)).toBe(0);
    } finally {
      await context.close();
    }
  });
});
