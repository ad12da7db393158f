import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { BulkCheckForm } from "@/components/bulk-check-form";
import { requirePermission } from "@/lib/auth/require";
import { MAX_BULK_ITEMS } from "@/lib/domain/manifests";
import { DATA_CLASSES, type DataClass } from "@/lib/domain/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("browse.check"))("metaTitle") };
}

export default async function BulkCheckPage() {
  await requirePermission("catalogue.read");
  const [t, words, format] = await Promise.all([getTranslations("browse.check"), getTranslations("vocabulary"), getFormatter()]);
  const dataClassLabels = Object.fromEntries(DATA_CLASSES.map((d) => [d, words(`dataClass.${d}`)])) as Record<DataClass, string>;
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-600">{t("intro", { max: format.number(MAX_BULK_ITEMS) })}</p>
      <BulkCheckForm dataClassLabels={dataClassLabels} />
    </div>
  );
}
