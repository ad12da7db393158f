import { expect, test } from "./support/test";
import { followNavLink, mainNav, signIn } from "./support/auth";
import { USERS } from "./support/constants";

test("an admin creates a token, sees its secret once, a script uses it, and revoking it locks the script out", async ({ page, playwright }) => {
  await signIn(page, USERS.admin);
  await followNavLink(page, "Tokens");
  const form = page.getByRole("form", { name: "New API token" });
  const name = `CI: payments ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.locator('[data-field-error="scopes"]')).toHaveText("Choose at least one scope.");

  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /check:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const message = form.getByTestId("form-message");
  await expect(message).toContainText("Copy it now; it is not shown again");
  const secret = /^vt_[A-Za-z0-9_-]{43}$/.exec((await form.getByTestId("token-secret").textContent()) ?? "")?.[0];
  expect(secret).toBeTruthy();

  // The list shows the prefix only, never the secret.
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText(`${secret!.slice(0, 9)}…`);
  await page.reload();
  await expect(page.locator("body")).not.toContainText(secret!);

  // A script without a session.
  const script = await playwright.request.newContext({ baseURL: page.url().replace(/\/admin\/tokens.*$/, "") });
  try {
    const ok = await script.get("/api/v1/check?q=claude-code", { headers: { Authorization: `Bearer ${secret}` } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).software.slug).toBe("claude-code");
    expect((await script.get("/api/v1/software", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(403);
    expect((await script.get("/api/v1/check?q=claude-code")).status()).toBe(401);

    await page.reload();
    await expect(page.getByTestId("token-row").filter({ hasText: name }).getByTestId("last-used")).not.toHaveText("never");
    await page.getByTestId("token-row").filter({ hasText: name }).getByRole("button", { name: "Revoke" }).click();
    await page.getByTestId("token-row").filter({ hasText: name }).getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByTestId("token-row").filter({ hasText: name })).toHaveAttribute("data-state", "revoked");
    expect((await script.get("/api/v1/check?q=claude-code", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);
  } finally {
    await script.dispose();
  }
});

test("a reviewer creates a catalogue token for a CMDB sync; an admin is not offered one; employees have no tokens", async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto("/admin/tokens");
  const adminForm = page.getByRole("form", { name: "New API token" });
  await expect(adminForm.getByRole("checkbox", { name: /check:read/ })).toBeVisible();
  await expect(adminForm.getByRole("checkbox", { name: /catalogue:write/ })).toHaveCount(0);

  await signIn(page, USERS.reviewer);
  await followNavLink(page, "Tokens");
  const form = page.getByRole("form", { name: "New API token" });
  const name = `CMDB sync ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /catalogue:write/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByTestId("form-message")).toContainText("Copy it now");
  // A reviewer's list holds their own tokens only.
  await expect(page.getByTestId("token-row").filter({ hasText: name })).toHaveAttribute("data-state", "active");
  await expect(page.getByTestId("token-row").filter({ hasText: "CI: payments" })).toHaveCount(0);

  await signIn(page, USERS.employee);
  await expect(mainNav(page).getByRole("link", { name: "Tokens" })).toHaveCount(0);
  expect((await page.goto("/admin/tokens"))?.status()).toBe(403);
});
