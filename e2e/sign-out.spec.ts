import { expect, test } from "./support/test";
import { mainNav, signIn } from "./support/auth";
import { APP_URL, USERS } from "./support/constants";
import { query } from "./support/db";

/**
 * Signing out ends every session of the person, so this journey has a person of its own: the
 * demo users' sessions in journeys running beside it must live on.
 */
async function personOfOwn(): Promise<string> {
  const email = `sign-out-${Date.now().toString(36)}@example.com`;
  await query("INSERT INTO users (email, name, role, password_hash) SELECT $1, 'Sasha Sign-out', 'employee', password_hash FROM users WHERE email = $2", [email, USERS.employee]);
  return email;
}

test("signing out ends the session: a cookie saved before opens no page and no API call", async ({ page, playwright }) => {
  const email = await personOfOwn();
  await signIn(page, email);
  const saved = await page.context().storageState();
  const replay = await playwright.request.newContext({ baseURL: APP_URL, storageState: saved });
  try {
    // While signed in, the saved cookie is as good as the browser's.
    expect((await replay.get("/requests", { maxRedirects: 0 })).status()).toBe(200);

    await mainNav(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);

    // Replayed after sign-out, the same cookie is refused: pages send it to sign in, the API answers 401.
    const pageAfter = await replay.get("/requests", { maxRedirects: 0 });
    expect(pageAfter.status()).toBe(307);
    expect(new URL(pageAfter.headers()["location"]!, APP_URL).pathname).toBe("/signin");
    expect((await replay.get("/api/v1/check?q=claude-code")).status()).toBe(401);
  } finally {
    await replay.dispose();
  }

  // Signing in again works.
  await signIn(page, email);
});
