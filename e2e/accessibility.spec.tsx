import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { APP_PORT, USERS } from "./support/constants";
import Loading from "../app/(browse)/loading";
import { ROLES, mainPagesOf, openSettled, walkIds, type WalkIds } from "./support/main-pages";

/** Each role signs in once; its pages then open with its saved session. */
const SESSIONS = path.join(os.tmpdir(), "vetted-e2e", `axe-sessions-${APP_PORT}`);
const sessionOf = (role: string, worker: number) => path.join(SESSIONS, `${role}-${worker}.json`);

// Pages are many and axe is slow: spread them over the workers.
test.describe.configure({ mode: "parallel" });

let ids: WalkIds;

test.beforeAll(async ({ browser }, testInfo) => {
  // Signed out: the describe blocks' saved sessions are not written yet.
  const signedOut = { storageState: { cookies: [], origins: [] } };
  const page = await browser.newPage(signedOut);
  ids = await walkIds(page);
  await page.close();
  mkdirSync(SESSIONS, { recursive: true });
  for (const role of ROLES) {
    const context = await browser.newContext(signedOut);
    await signInRequest(context.request, USERS[role]);
    await context.storageState({ path: sessionOf(role, testInfo.parallelIndex) });
    await context.close();
  }
});

/**
 * axe-core on every main page of every role, at desktop and phone width: no serious or
 * critical violation (contrast, names, nested controls, ARIA misuse, landmarks…).
 */
for (const role of ROLES) {
  for (const width of [1280, 390]) {
    test.describe(`the ${role} at ${width} px`, () => {
      test.use({ viewport: { width, height: width > 600 ? 800 : 844 }, storageState: async ({}, provide, testInfo) => provide(sessionOf(role, testInfo.parallelIndex)) });

      for (const main of mainPagesOf(role)) {
        test(`${main.name}: no serious or critical accessibility violations`, async ({ page }) => {
          test.setTimeout(120_000);
          await openSettled(page, { name: main.name, path: main.path(ids), prepare: main.prepare });
          const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
          const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          expect(serious.map((v) => `${v.id} (${v.impact}) — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
        });
      }
    });
  }
}

test("the catalogue's loading skeleton is a named, busy region with the page's heading", async ({ page }) => {
  // What the catalogue shows while it loads is on screen too briefly to catch: render it alone.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Catalogue</title></head><body><main>${renderToStaticMarkup(<Loading />)}</main></body></html>`);
  await expect(page.getByRole("region", { name: "Loading…" })).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loading…");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "best-practice"]).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
});
