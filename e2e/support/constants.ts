/** Shared by the Playwright config, the servers it starts and the tests. */
/** Overridable so that two suites can run side by side on one machine. */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const APP_URL = `http://localhost:${APP_PORT}`;
/** Where `next start` itself listens, behind the contract proxy on APP_PORT (e2e/support/contract-proxy.ts). */
export const APP_UPSTREAM_PORT = APP_PORT + 50;

export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "vetted-e2e";
export const OIDC_CLIENT_SECRET = "vetted-e2e-client-secret-not-for-production";
export const OIDC_DISPLAY_NAME = "Test SSO";

/** Demo accounts created by `db/seed.ts --demo-users`. */
export const DEMO_PASSWORD = "vetted-demo";
export const USERS = {
  employee: "employee@example.com",
  manager: "manager@example.com",
  reviewer: "reviewer@example.com",
  reviewer2: "reviewer2@example.com",
  admin: "admin@example.com",
} as const;

/**
 * The harness's SMTP server (e2e/support/mail-server.ts) and the HTTP view of what it received;
 * by default beside the app's port (3197 and 3198 for 3100), so moving E2E_APP_PORT moves them.
 */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? APP_PORT + 97);
export const SMTP_USER = "vetted-e2e";
export const SMTP_PASSWORD = "vetted-e2e-smtp-password";
export const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? APP_PORT + 98);
export const MAILBOX_URL = `http://127.0.0.1:${MAILBOX_PORT}`;
