import type { Metadata } from "next";
import Link from "next/link";
import { CatalogueImportForm } from "@/components/catalogue-import-form";
import { requirePermission } from "@/lib/auth/require";
import { IMPORT_MAX_BYTES, IMPORT_MAX_SOFTWARE } from "@/lib/domain/catalogue-transfer";

export const metadata: Metadata = { title: "Import and export the catalogue" };

export default async function CatalogueImportPage() {
  await requirePermission("catalogue.import");
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="mb-2 text-2xl font-bold">Import and export the catalogue</h1>
        <p className="text-slate-600">
          Export the catalogue — software, vendors, editions, identifiers and the decisions in effect — as{" "}
          <a href="/api/v1/catalogue/export?format=csv" download>CSV</a> or <a href="/api/v1/catalogue/export?format=json" download>JSON</a>{" "}
          (or a filtered part of it from <Link href="/software">the catalogue</Link>), edit it, and import it here.
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>A row with a slug updates the software with that slug, or creates it; a row without one matches the software of that name, or creates it.</li>
        <li>An import adds and changes, and never removes: editions, identifiers and decisions the file leaves out stay as they are.</li>
        <li>A changed decision is recorded in your name; one that loosens a restriction needs a second reviewer, so it is refused here — record it on the software&apos;s page.</li>
        <li>At most {IMPORT_MAX_BYTES / 1024 / 1024} MB and {IMPORT_MAX_SOFTWARE.toLocaleString("en")} software per file, UTF-8. The check changes nothing; Apply writes everything at once, or nothing.</li>
      </ul>
      <CatalogueImportForm />
    </div>
  );
}
