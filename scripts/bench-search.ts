/**
 * npm run bench:search — measures search and check latency on a large catalogue.
 *
 * Builds a fresh PostgreSQL database (on BENCH_DATABASE_ADMIN_URL, default the local server)
 * with 100,000 software entries and 300,000 identifiers, then times the same query functions
 * the app uses (searchSoftware for search-as-you-type, checkSoftware for /api/v1/check) over a
 * mix of exact names, typos, prefixes, identifiers and unknown names. Prints p50/p95/p99 and
 * drops the database (keep it with --keep).
 */
import { sql } from "drizzle-orm";
import { refreshSearchIndex } from "../lib/db/search-index";
import { searchSoftware } from "../lib/queries/software";
import { checkSoftware } from "../lib/services/verdicts";
import { withBenchDatabase } from "./bench-database";

const SOFTWARE = Number(process.env.BENCH_SOFTWARE ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);

const PREFIXES = "zen vor kal mir ast bel cor dex fin gal hel ion jet kor lum max nov orb pix quo ray syn tal ul vex wav xen yor zap arc bit cod dat echo flux grid hub ink jolt kit loop mesh nod opt pod quill rift sky tide unit vault web xy yak zinc aero brio".split(" ");
const MIDDLES = "tra lix mo na ro sa te vi lo ra ni ko za me du fi go ha ju ke lu mi no pa qu re si tu vo wa xa ye zo bra cri dro fle gri kla pro sta tri ble cla fra glo pla sle spe thri vra ";
const MIDDLE_LIST = MIDDLES.trim().split(" ");
const SUFFIXES = "cloud desk sync notes chat code studio drive mail docs board flow vault scan deploy agent pilot lens meet share".split(" ");

function pick<T>(list: T[], i: number): T {
  return list[i % list.length]!;
}

function typo(word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(Math.random() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  await withBenchDatabase(async ({ name, handle }) => {
    const { db } = handle;
    console.log(`[bench] building ${SOFTWARE.toLocaleString()} software and ${(SOFTWARE * 3).toLocaleString()} identifiers in ${name}…`);
    const started = Date.now();
    await db.execute(sql`
      INSERT INTO vendors (name, slug)
      SELECT 'Vendor ' || initcap(p) || ' ' || g, 'vendor-' || p || '-' || g
      FROM unnest(${sql.param(PREFIXES)}::text[]) AS p, generate_series(1, 50) AS g`);
    await db.execute(sql`
      WITH words AS (SELECT ${sql.param(PREFIXES)}::text[] AS p, ${sql.param(MIDDLE_LIST)}::text[] AS m, ${sql.param(SUFFIXES)}::text[] AS s),
      vendor_ids AS (SELECT array_agg(id ORDER BY slug) AS ids FROM vendors)
      INSERT INTO software (slug, name, vendor_id, kind, category, description, status)
      SELECT
        lower(p[1 + i % array_length(p, 1)] || m[1 + (i / array_length(p, 1)) % array_length(m, 1)] || '-' || s[1 + (i / (array_length(p, 1) * array_length(m, 1))) % array_length(s, 1)]) || '-' || i,
        initcap(p[1 + i % array_length(p, 1)] || m[1 + (i / array_length(p, 1)) % array_length(m, 1)]) || ' ' || initcap(s[1 + (i / (array_length(p, 1) * array_length(m, 1))) % array_length(s, 1)]) || CASE WHEN i >= array_length(p, 1) * array_length(m, 1) * array_length(s, 1) THEN ' ' || i ELSE '' END,
        ids[1 + i % array_length(ids, 1)],
        (ARRAY['saas','desktop_app','cli','browser_extension','npm_package','ai_assistant']::software_kind[])[1 + i % 6],
        (ARRAY['Collaboration','Developer tools','AI coding','Security','Productivity','Design'])[1 + i % 6],
        'A tool for ' || s[1 + i % array_length(s, 1)] || ' work used by teams for ' || p[1 + (i * 7) % array_length(p, 1)] || ' projects.',
        (ARRAY['approved','approved_with_conditions','restricted','prohibited','under_review']::classification_status[])[1 + i % 5]
      FROM generate_series(0, ${SOFTWARE - 1}) AS i, words, vendor_ids`);
    await db.execute(sql`
      INSERT INTO identifiers (software_id, type, value)
      SELECT id, 'domain'::identifier_type, slug || '.example.com' FROM software
      UNION ALL SELECT id, 'npm'::identifier_type, '@' || split_part(slug, '-', 1) || '/' || slug FROM software
      UNION ALL SELECT id, 'sha256'::identifier_type, encode(sha256(convert_to(slug, 'UTF8')), 'hex') FROM software`);
    await refreshSearchIndex(db);
    await db.execute(sql`VACUUM ANALYZE software`).catch(() => db.execute(sql`ANALYZE`));
    await db.execute(sql`ANALYZE identifiers`);
    console.log(`[bench] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const sample = (await db.execute(sql`SELECT name, slug FROM software ORDER BY random() LIMIT ${SAMPLES}`)) as unknown as { rows: { name: string; slug: string }[] };
    const KINDS = ["exact name", "misspelt", "prefix", "identifier", "unknown"] as const;
    const queries = sample.rows.map((row, i) => {
      const first = row.name.split(" ")[0]!.toLowerCase();
      const kind = KINDS[i % KINDS.length]!;
      const q = {
        "exact name": row.name,
        misspelt: `${typo(first)} ${row.name.split(" ")[1] ?? ""}`.trim(),
        prefix: first.slice(0, 4),
        identifier: i % 2 ? `${row.slug}.example.com` : `https://www.${row.slug}.example.com/login`,
        unknown: `${pick(["unheard", "mystery", "nonexistent"], i)} ${pick(["gadget", "widget"], i)} ${i}`,
      }[kind];
      return { kind, q };
    });

    const now = new Date();
    for (const { q } of queries.slice(0, 30)) { // warm-up
      await searchSoftware(db, q);
      await checkSoftware(db, { q }, "http://bench", now);
    }
    const timings: { op: "search" | "check"; kind: string; ms: number }[] = [];
    for (const { kind, q } of queries) {
      let t = performance.now();
      await searchSoftware(db, q);
      timings.push({ op: "search", kind, ms: performance.now() - t });
      t = performance.now();
      await checkSoftware(db, { q, dataClass: "internal" }, "http://bench", now);
      timings.push({ op: "check", kind, ms: performance.now() - t });
    }
    const report = (label: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(
        `[bench] ${label.padEnd(24)} n=${String(sorted.length).padStart(3)} p50=${percentile(sorted, 50).toFixed(1)} ms p95=${percentile(sorted, 95).toFixed(1)} ms p99=${percentile(sorted, 99).toFixed(1)} ms max=${sorted[sorted.length - 1]!.toFixed(1)} ms`,
      );
    };
    for (const op of ["search", "check"] as const) {
      report(op, timings.filter((t) => t.op === op).map((t) => t.ms));
      for (const kind of KINDS) report(`  ${op} ${kind}`, timings.filter((t) => t.op === op && t.kind === kind).map((t) => t.ms));
    }
  }, { keep: process.argv.includes("--keep"), env: { DB_POOL_MAX: "4", DB_STATEMENT_TIMEOUT_MS: "600000" } });
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error);
  process.exitCode = 1;
});
