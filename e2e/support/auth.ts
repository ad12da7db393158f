import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./constants";

/** The main navigation, in either language of the interface. */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: /^(Main|主导航)$/ });
}

/** The sign-out button's name in either language (components/sign-out-button.tsx). */
export const SIGN_OUT = /^(Sign out|退出登录)$/;

/** Follows a link of the main navigation, opening its "Admin" group first when the link is in it (components/main-nav.tsx). */
export async function followNavLink(page: Page, name: string): Promise<void> {
  const link = mainNav(page).getByRole("link", { name, exact: true });
  const admin = mainNav(page).getByRole("button", { name: "Admin" });
  if (!(await link.isVisible()) && (await admin.isVisible())) await admin.click();
  await link.click();
}

/**
 * Signs a demo user in for a journey that is not about signing in: posts the credentials to
 * next-auth the way the sign-in form does (the session cookie lands in the page's browser
 * context), then opens `callbackPath` and waits for the signed-in header. The sign-in form
 * itself is exercised in sign-in.spec.ts.
 */
export async function signIn(page: Page, email: string, { password = DEMO_PASSWORD, callbackPath = "/" } = {}): Promise<void> {
  await signInRequest(page.request, email, password);
  await page.goto(callbackPath);
  // Attached rather than visible: on a narrow screen it is behind the "Menu" button.
  await expect(mainNav(page).getByRole("button", { name: SIGN_OUT, includeHidden: true })).toBeAttached();
}

/** Signs a request context (a page's, a browser context's or a standalone one) in with credentials. */
export async function signInRequest(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${email}`).toBe(200);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, `session for ${email}`).toBe(email);
}

/** Fills in and submits the email-and-password form on /signin (the page must be open). */
export async function submitSignInForm(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in with email and password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  await answered;
}
