import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CatalogueImportForm } from "@/components/catalogue-import-form";
import { requirePermission } from "@/lib/auth/require";
import { IMPORT_MAX_BYTES, IMPORT_MAX_SOFTWARE } from "@/lib/domain/catalogue-transfer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.importPage");
  return { title: t("title") };
}

export default async function CatalogueImportPage() {
  await requirePermission("catalogue.import");
  const t = await getTranslations("catalogue.importPage");
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-600">
          {t.rich("intro", {
            csv: (chunks) => <a href="/api/v1/catalogue/export?format=csv" download>{chunks}</a>,
            json: (chunks) => <a href="/api/v1/catalogue/export?format=json" download>{chunks}</a>,
            catalogue: (chunks) => <Link href="/software">{chunks}</Link>,
          })}
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("ruleMatch")}</li>
        <li>{t("ruleNeverRemoves")}</li>
        <li>{t("ruleDecisions")}</li>
        <li>{t("ruleLimits", { mb: IMPORT_MAX_BYTES / 1024 / 1024, max: IMPORT_MAX_SOFTWARE })}</li>
      </ul>
      <CatalogueImportForm />
    </div>
  );
}
