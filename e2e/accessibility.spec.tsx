import AxeBuilder from "@axe-core/playwright";
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { USERS } from "./support/constants";
import Loading from "../app/(browse)/loading";
import { CATALOGUES } from "../lib/i18n/catalogue";
import { ROLES, openSettled, pagesFor, sideways, walkIds, type WalkIds } from "./support/main-pages";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// Eight walks (four roles at two widths), spread over the workers.
test.describe.configure({ mode: "parallel" });

let ids: WalkIds;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  ids = await walkIds(page);
  await page.close();
});

/**
 * One walk per role and width, in one signed-in page: every main page the role may open, with
 * axe-core on each (no serious or critical violation: contrast, names, nested controls, ARIA
 * misuse, landmarks…) and, at phone width, nothing that makes the page scroll sideways. A walk
 * goes on past a failing page (soft assertions), so one run names every page that fails. One
 * walk instead of a test per page: the sign-in, the browser context and the test's set-up are
 * paid once per walk, not per page.
 */
for (const role of ROLES) {
  for (const viewport of [DESKTOP, PHONE]) {
    const phone = viewport.width < 600;
    test(`the ${role} at ${viewport.width} px: every main page has no serious or critical accessibility violations${phone ? " and does not scroll sideways" : ""}`, async ({ page }) => {
      const pages = pagesFor(role, ids);
      test.setTimeout(60_000 + pages.length * 30_000);
      await page.setViewportSize(viewport);
      await signInRequest(page.request, USERS[role]);
      for (const walked of pages) {
        await test.step(walked.name, async () => {
          await openSettled(page, walked);
          // Every rule still runs; only the violations' details are collected (what is read below), which is what takes axe long on large pages.
          const { violations } = await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
            .options({ resultTypes: ["violations"] })
            .analyze();
          const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          expect
            .soft(serious.map((v) => `${v.id} (${v.impact}) — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`), `${walked.name} (${walked.path}): accessibility`)
            .toEqual([]);
          if (phone) {
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            expect.soft(width <= viewport.width ? "" : await sideways(page), `${walked.name} (${walked.path}): at ${viewport.width} px nothing scrolls sideways`).toBe("");
          }
        });
      }
    });
  }
}

test("the catalogue's loading skeleton is a named, busy region with the page's heading", async ({ page }) => {
  // What the catalogue shows while it loads is on screen too briefly to catch: render it alone.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Catalogue</title></head><body><main>${renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={CATALOGUES.en}>
      <Loading />
    </NextIntlClientProvider>,
  )}</main></body></html>`);
  await expect(page.getByRole("region", { name: "Loading…" })).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loading…");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "best-practice"]).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
});
