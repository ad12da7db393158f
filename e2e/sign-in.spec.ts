import { expect, test } from "./support/test";
import { mainNav, submitSignInForm } from "./support/auth";
import { APP_URL, DEMO_PASSWORD, OIDC_ISSUER, USERS } from "./support/constants";

test.describe("signing in", () => {
  test("a signed-out visitor is sent to sign in, and comes back where they were going", async ({ page }) => {
    const response = await page.goto("/software/cursor");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsoftware%2Fcursor$/);
    await expect(page.getByRole("heading", { name: "Sign in to Vetted" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Catalogue" })).toHaveCount(0);

    await submitSignInForm(page, USERS.employee, DEMO_PASSWORD);
    await page.waitForURL("**/software/cursor");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cursor");
    await expect(mainNav(page)).toContainText("Emery Employee (employee)");
  });

  test("opening Vetted signed out, then signing in, lands on search", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
    await submitSignInForm(page, USERS.employee, DEMO_PASSWORD);
    await expect(page).toHaveURL(`${APP_URL}/`, { timeout: 10_000 });
    await expect(page.getByRole("combobox", { name: "Search software by name, vendor, domain or package" })).toBeVisible();
    await expect(mainNav(page)).toContainText("Emery Employee (employee)");
  });

  test("single sign-on through the company identity provider maps the appsec group to reviewer", async ({ page }) => {
    await page.goto("/signin?callbackUrl=%2Fsoftware");
    await page.getByRole("button", { name: "Sign in with Test SSO" }).click();

    // The identity provider's own login page.
    await page.waitForURL(`${OIDC_ISSUER}/interaction/**`);
    await page.locator('input[name="login"]').fill("sso.reviewer");
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();

    // Consent, when the provider asks for it; then back in Vetted, signed in.
    const consent = page.getByRole("button", { name: "Continue" });
    const signedIn = mainNav(page).getByRole("button", { name: "Sign out" });
    await expect(consent.or(signedIn)).toBeVisible();
    if (await consent.isVisible()) await consent.click();
    await page.waitForURL(`${APP_URL}/software`);

    const nav = mainNav(page);
    await expect(nav).toContainText("Sam SSO Reviewer (reviewer)");
    await expect(nav.getByRole("link", { name: "Manage" })).toBeVisible();
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user.email).toBe("sso.reviewer@corp.example");
    const manage = await page.goto("/manage");
    expect(manage?.status()).toBe(200);
  });

  test("a wrong password is refused, and five in a row lock the email out", async ({ page }) => {
    await page.goto("/signin");
    const error = page.getByTestId("signin-error");

    await submitSignInForm(page, USERS.manager, "not-the-password");
    await expect(error).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/signin/);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
    expect((await page.request.get("/api/v1/software")).status()).toBe(401);

    const email = `locked-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitSignInForm(page, email, `wrong-${attempt}`);
      await expect(error).toHaveText(attempt < 5 ? "Wrong email or password." : "Too many failed attempts. Try again in 15 minutes.");
    }
    await expect(page).toHaveURL(/\/signin/);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  });
});
