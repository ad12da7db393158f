import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { USERS } from "./support/constants";

test("a new token's secret has a Copy button that says Copied; revoking asks first, by keyboard too, and Escape keeps the token", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, USERS.admin, { callbackPath: "/admin/tokens" });
  const form = page.getByRole("form", { name: "New API token" });
  const name = `Trust check ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /check:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();

  const secret = form.getByTestId("token-secret");
  await expect(secret).toHaveText(/^vt_[A-Za-z0-9_-]{43}$/);
  await form.getByRole("button", { name: "Copy" }).click();
  await expect(form.getByTestId("copy-status")).toHaveText("Copied");
  await expect(form.getByTestId("copy-status")).toHaveAttribute("aria-live", "polite");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await secret.textContent());

  const row = page.getByTestId("token-row").filter({ hasText: name });
  const revoke = row.getByRole("button", { name: "Revoke", exact: true });
  // One press only asks; Escape steps back and nothing is revoked.
  await revoke.click();
  await expect(row.getByRole("group", { name: `Revoke ${name}? Scripts using it stop working at once.` })).toBeVisible();
  await expect(row.getByRole("button", { name: "Yes, revoke" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(row.getByRole("button", { name: "Yes, revoke" })).toHaveCount(0);
  await expect(revoke).toBeFocused();
  await page.reload();
  await expect(row).toHaveAttribute("data-state", "active");

  // Cancel does the same; then by keyboard: Enter asks, Enter confirms.
  await revoke.click();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveAttribute("data-state", "active");
  await revoke.focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("button", { name: "Yes, revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row).toHaveAttribute("data-state", "revoked");
  await expect(page.getByTestId("flash")).toHaveText(`✓ Token "${name}" revoked.`);
});
