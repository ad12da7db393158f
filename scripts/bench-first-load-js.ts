/**
 * npm run bench:first-load-js — JavaScript a first visit downloads, gzipped as served.
 *
 * Against the built app (scripts/bench-app.ts, or BENCH_URL), signed in as the demo employee,
 * loads each page in a fresh Chromium context with an empty cache, collects every JavaScript
 * response, gzips each body and sums them. Prints each page's total and its largest chunks.
 */
import { gzipSync } from "node:zlib";
import { signedInBrowser, withApp } from "./bench-app";

const PAGES = (process.env.BENCH_PAGES ?? "/,/software/claude-code,/software/zoom").split(",");

async function main() {
  await withApp(async (baseUrl) => {
    const { browser, context } = await signedInBrowser(baseUrl);
    try {
      for (const path of PAGES) {
        const page = await context.newPage();
        const scripts: Promise<{ url: string; raw: number; gzip: number }>[] = [];
        page.on("response", (response) => {
          const type = response.headers()["content-type"] ?? "";
          if (response.request().resourceType() !== "script" && !type.includes("javascript")) return;
          scripts.push(response.body().then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body).length }), () => ({ url: response.url(), raw: 0, gzip: 0 })));
        });
        await page.goto(path, { waitUntil: "networkidle" });
        const all = await Promise.all(scripts);
        const total = all.reduce((n, s) => n + s.gzip, 0);
        const raw = all.reduce((n, s) => n + s.raw, 0);
        console.log(`[bench] ${path}: ${(total / 1024).toFixed(1)} kB gzipped (${(raw / 1024).toFixed(0)} kB raw) in ${all.length} scripts`);
        for (const s of all.sort((a, b) => b.gzip - a.gzip).slice(0, Number(process.env.BENCH_TOP ?? 6))) {
          console.log(`  ${(s.gzip / 1024).toFixed(1).padStart(6)} kB  ${new URL(s.url).pathname}`);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
