/**
 * npm run bench:transfer — how long a catalogue import and export take at the largest file an
 * import accepts (IMPORT_MAX_SOFTWARE software).
 *
 * In a fresh PostgreSQL database (on BENCH_DATABASE_ADMIN_URL, default the local server): a
 * dry run of a JSON file of that many software (three identifiers and a decision each, one in
 * ten with two editions), its apply in one transaction, the JSON and CSV export of the result,
 * and a dry run of that export (every row unchanged). Drops the database afterwards.
 */
import { catalogueCsv, IMPORT_MAX_SOFTWARE, type TransferDocument, type TransferSoftware } from "../lib/domain/catalogue-transfer";
import { users } from "../lib/db/schema";
import { importCatalogue, previewCatalogueImport } from "../lib/mutations/catalogue-import";
import { exportCatalogue } from "../lib/queries/catalogue-transfer";
import { runDryRun, runMutation } from "../lib/server/guard";
import { withBenchDatabase } from "./bench-database";

const COUNT = Number(process.env.BENCH_TRANSFER_COUNT ?? IMPORT_MAX_SOFTWARE);
const STATUSES = ["prohibited", "restricted", "under_review"] as const;

function software(i: number): TransferSoftware {
  const slug = `bench-tool-${i}`;
  const editions = i % 10 === 0 ? [{ slug: "free", name: "Free", description: "" }, { slug: "enterprise", name: "Enterprise", description: "Company tenant." }] : [];
  return {
    slug,
    name: `Bench Tool ${i}`,
    vendor: { name: `Bench Vendor ${i % 400}`, website: null },
    kind: "saas",
    category: `Category ${i % 20}`,
    description: `A benchmark tool, number ${i}, for timing imports and exports.`,
    homepage: `https://${slug}.example`,
    owner: null,
    editions,
    identifiers: [
      { type: "domain", value: `${slug}.example`, edition: null },
      { type: "npm", value: `bench-pkg-${i}`, edition: null },
      { type: "alias", value: `bench alias ${i}`, edition: null },
    ],
    classifications: [
      { edition: null, status: STATUSES[i % STATUSES.length]!, maxDataClass: null, conditions: [], rationale: "Set by the transfer benchmark.", alternatives: [], reviewDueOn: null },
    ],
  };
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

async function main() {
  await withBenchDatabase(async ({ handle }) => {
    const { db } = handle;
    const [reviewer] = await db.insert(users).values({ email: "bench-reviewer@example.com", name: "Bench Reviewer", role: "reviewer" }).returning();
    const actor = { id: reviewer!.id, email: reviewer!.email, name: reviewer!.name, role: reviewer!.role, managerId: null };
    const document: TransferDocument = { format: "vetted-catalogue", version: 1, exportedAt: new Date().toISOString(), filters: {}, software: Array.from({ length: COUNT }, (_, i) => software(i)) };
    const file = new TextEncoder().encode(JSON.stringify(document));
    const input = { file, contentType: "application/json" };
    console.log(`${COUNT} software, a ${(file.byteLength / 1024 / 1024).toFixed(1)} MB JSON file`);

    const preview = await timed("dry run of the import (JSON)", () => runDryRun(importCatalogue, previewCatalogueImport, actor, input, db));
    if (preview.summary.create !== COUNT) throw new Error(`expected ${COUNT} creates, got ${JSON.stringify(preview.summary)}`);
    await timed("apply, in one transaction", () => runMutation(importCatalogue, actor, input, db));
    const exported = await timed("export as JSON", () => exportCatalogue(db, {}, new Date()));
    const csv = await timed("export as CSV (from the same rows)", async () => catalogueCsv(await exportCatalogue(db, {}, new Date())));
    console.log(`  the CSV is ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB`);
    const again = await timed("dry run of the exported CSV (all unchanged)", () =>
      runDryRun(importCatalogue, previewCatalogueImport, actor, { file: new TextEncoder().encode(csv), contentType: "text/csv" }, db),
    );
    if (again.summary.unchanged !== COUNT || exported.software.length !== COUNT) throw new Error(`round trip: ${JSON.stringify(again.summary)}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
