/**
 * npm run docs:screenshots — the README's pictures, from the built app and the demo data.
 *
 * Against the built app (scripts/bench-app.ts, or BENCH_URL): the home search, a software page
 * whose editions differ, a software page with the demo employee's exception, and the manager's
 * inbox, each at 1280 and 390 px wide, into docs/screenshots/; and the search and a software page
 * as a reader whose browser asks for Chinese sees them (`*-zh-CN-*.png`).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { signedInBrowser, withApp } from "./bench-app";

const OUT = path.join(process.cwd(), "docs", "screenshots");
const WIDTHS = [1280, 390] as const;

interface Shot {
  name: string;
  email: string;
  path: string;
  /** The browser's language (Accept-Language); English when not given. */
  locale?: string;
  /** Brings the page to the state pictured, after it loaded. */
  prepare?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    name: "home-search",
    email: "employee@example.com",
    path: "/",
    prepare: async (page) => {
      await page.getByRole("combobox").first().fill("slack");
      await page.getByRole("listbox").getByRole("option").first().waitFor();
    },
  },
  { name: "software-editions", email: "employee@example.com", path: "/software/slack" },
  { name: "software-grant", email: "employee@example.com", path: "/software/grammarly" },
  { name: "manager-inbox", email: "manager@example.com", path: "/requests/inbox" },
  {
    name: "home-search-zh-CN",
    email: "employee@example.com",
    path: "/",
    locale: "zh-CN",
    prepare: async (page) => {
      await page.getByRole("combobox").first().fill("slack");
      await page.getByRole("listbox").getByRole("option").first().waitFor();
    },
  },
  { name: "software-editions-zh-CN", email: "employee@example.com", path: "/software/slack", locale: "zh-CN" },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  await withApp(async (baseUrl) => {
    for (const shot of SHOTS) {
      const { browser, context } = await signedInBrowser(baseUrl, shot.email);
      try {
        const state = await context.storageState();
        for (const width of WIDTHS) {
          const sized = await browser.newContext({ baseURL: baseUrl, storageState: state, locale: shot.locale ?? "en-US", viewport: { width, height: width === 390 ? 844 : 900 } });
          const page = await sized.newPage();
          await page.goto(shot.path, { waitUntil: "networkidle" });
          await shot.prepare?.(page);
          const file = path.join(OUT, `${shot.name}-${width}.png`);
          await page.screenshot({ path: file });
          console.log(`[docs] ${path.relative(process.cwd(), file)}`);
          await sized.close();
        }
      } finally {
        await browser.close();
      }
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
