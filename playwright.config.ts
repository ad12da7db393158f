import { defineConfig, devices } from "@playwright/test";
import { APP_URL, MAILBOX_URL, OIDC_ISSUER } from "./e2e/support/constants";

/**
 * End-to-end journeys against the built app (`next build` first: `npm run test:e2e`), a fresh
 * PostgreSQL database seeded with the demo catalogue and users, a real OIDC provider and a real
 * SMTP server whose mail the tests read.
 */
const CHROMIUM = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: ["clock/**", "contract/**"],
      use: CHROMIUM,
    },
    {
      // Journeys that change what every test running beside them would see (the app's clock, the company's
      // default language and labels): after all the others, alone.
      name: "clock",
      testMatch: "clock/**/*.spec.ts",
      dependencies: ["chromium"],
      // One at a time: each changes what the other would see.
      workers: 1,
      use: CHROMIUM,
    },
    {
      // The OpenAPI check of every /api/v1 response the journeys above caused (e2e/support/contract-proxy.ts): last.
      name: "contract",
      testMatch: "contract/**/*.spec.ts",
      dependencies: ["clock"],
      use: CHROMIUM,
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx e2e/support/mail-server.ts",
      url: `${MAILBOX_URL}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx e2e/support/serve.ts",
      url: `${APP_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      // Let serve.ts stop `next start` and drop its database.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    },
  ],
});
