import type { Metadata } from "next";
import { BulkCheckForm } from "@/components/bulk-check-form";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { MAX_BULK_ITEMS } from "@/lib/domain/manifests";
import { getSettings } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "Check many at once — Vetted" };

export default async function BulkCheckPage() {
  await requirePermission("catalogue.read");
  const { dataClassLabels } = await getSettings(await getDb());
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-2 text-3xl font-bold">Check many at once</h1>
      <p className="mb-6 text-slate-600">
        Upload a package.json, package-lock.json, requirements.txt or CycloneDX JSON SBOM, or paste names, one per line
        (up to {MAX_BULK_ITEMS.toLocaleString("en")}). You get the company&apos;s answer for each, and can download it as CSV.
      </p>
      <BulkCheckForm dataClassLabels={dataClassLabels} />
    </div>
  );
}
