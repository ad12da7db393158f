import AxeBuilder from "@axe-core/playwright";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { USERS } from "./support/constants";
import Loading from "../app/(browse)/loading";
import { ROLES, openSettled, pagesFor, walkIds, type WalkIds } from "./support/main-pages";

let ids: WalkIds;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  ids = await walkIds(page);
  await page.close();
});

/**
 * axe-core on every main page of every role, at desktop and phone width: no serious or
 * critical violation (contrast, names, nested controls, ARIA misuse, landmarks…).
 */
for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width > 600 ? 800 : 844 } });

    for (const role of ROLES) {
      test(`the ${role}'s main pages have no serious or critical accessibility violations`, async ({ page }) => {
        test.setTimeout(300_000);
        await signInRequest(page.request, USERS[role]);
        const problems: string[] = [];
        for (const walked of pagesFor(role, ids)) {
          await openSettled(page, walked);
          const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
          for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
            problems.push(`${walked.name} (${walked.path}): ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });
}

test("the catalogue's loading skeleton is a named, busy region with the page's heading", async ({ page }) => {
  // What the catalogue shows while it loads is on screen too briefly to catch: render it alone.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Catalogue</title></head><body><main>${renderToStaticMarkup(<Loading />)}</main></body></html>`);
  await expect(page.getByRole("region", { name: "Loading…" })).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loading…");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "best-practice"]).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
});
