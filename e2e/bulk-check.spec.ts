import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { signIn, signInRequest } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";

test.describe("bulk check", () => {
  test("an employee uploads a package.json, reads a verdict per package and downloads the CSV", async ({ page }) => {
    await signIn(page, USERS.employee);
    await page.getByRole("link", { name: /check a package.json/ }).click();
    await expect(page.getByRole("heading", { name: "Check many at once" })).toBeVisible();

    const manifest = { name: "app", dependencies: { "@anthropic-ai/claude-code": "^1.0.0", "surely-not-catalogued-pkg": "1.3.0" }, devDependencies: { ngrok: "^5" } };
    await page.getByLabel("Manifest or SBOM file").setInputFiles({ name: "deps.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(manifest)) });
    await page.getByRole("button", { name: "Check" }).click();

    await expect(page.getByRole("heading", { name: "3 checked from a package.json" })).toBeVisible();
    // The same answer as the single check gives.
    const single = await (await page.request.get("/api/v1/check?q=%40anthropic-ai%2Fclaude-code")).json();
    const claudeRow = page.getByRole("row").filter({ hasText: "@anthropic-ai/claude-code" });
    await expect(claudeRow.locator(`[data-verdict="${single.verdict}"]`)).toBeVisible();
    await expect(claudeRow.getByRole("link", { name: "Claude Code" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "surely-not-catalogued-pkg" }).locator('[data-verdict="unknown"]')).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "ngrok" })).toContainText("(npm, dev)");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("vetted-check.csv");
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("query,type,version,data class,verdict,software,vendor,match,conditions,reasons,url");
    expect(lines).toHaveLength(4);
    // A scoped package name starts with @, which a spreadsheet would read as a formula.
    expect(lines[1]).toMatch(new RegExp(`^'@anthropic-ai/claude-code,npm,'?\\^1\\.0\\.0,,${single.verdict},Claude Code,`));
  });

  test("an unreadable file is refused with the line named", async ({ page }) => {
    await signIn(page, USERS.employee, { callbackPath: "/check" });
    await page.getByLabel("Manifest or SBOM file").setInputFiles({ name: "requirements.txt", mimeType: "text/plain", buffer: Buffer.from("django==5\n$$$\n") });
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Cannot read the file: line 2:" })).toBeVisible();
  });

  test("the API refuses without a session, over 1,000 items, and over 5 MB", async ({ playwright, request }) => {
    expect((await request.post("/api/v1/check", { data: { items: [{ q: "cursor" }] } })).status()).toBe(401);
    const api = await playwright.request.newContext({ baseURL: APP_URL });
    await signInRequest(api, USERS.employee);
    try {
      const tooMany = await api.post("/api/v1/check", { data: { items: Array.from({ length: 1001 }, (_, i) => ({ q: `tool-${i}` })) } });
      expect(tooMany.status()).toBe(400);
      expect((await tooMany.json()).error.message).toContain("Items may list at most 1000");
      const huge = await api.post("/api/v1/check", { headers: { "Content-Type": "text/plain" }, data: "x".repeat(5 * 1024 * 1024 + 1) });
      expect(huge.status()).toBe(413);
      const names = await api.post("/api/v1/check?dataClass=internal", { data: { items: [{ q: "cursor" }, { q: "@anthropic-ai/claude-code", dataClass: "public" }] } });
      expect(names.status()).toBe(200);
      const body = await names.json();
      expect(body.items.map((i: { dataClass: string }) => i.dataClass)).toEqual(["internal", "public"]);
      expect(body.summary.total).toBe(2);
    } finally {
      await api.dispose();
    }
  });
});
