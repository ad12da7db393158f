import { signIn } from "./support/auth";
import { USERS } from "./support/constants";
import { expect, test } from "./support/test";

test.describe("Content-Security-Policy", () => {
  test("scripts need this response's nonce: no 'unsafe-inline', a fresh nonce per response", async ({ request }) => {
    const first = (await request.get("/signin")).headers()["content-security-policy"] ?? "";
    const second = (await request.get("/signin")).headers()["content-security-policy"] ?? "";
    const scriptSrc = first.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=_-]{16,}'/);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(first).toContain("frame-ancestors 'none'");
    expect(first).not.toBe(second);
  });

  test("an injected inline script does not run, and is reported as a violation", async ({ page, cspViolations }) => {
    await signIn(page, USERS.employee);
    // A response for the page with markup injected into it, as a stored XSS would put it there.
    await page.route("**/software/cursor", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</main>", "<script>window.__injected = true</script></main>");
      await route.fulfill({ response, body: html });
    });
    await page.goto("/software/cursor");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cursor");
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false)).toBe(false);
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(cspViolations.splice(0).every((v) => v.startsWith("script-src"))).toBe(true);
  });
});
