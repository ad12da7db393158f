import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TemplateSummary } from "@/components/template-summary";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listTemplateVersions } from "@/lib/queries/templates";
import { TemplateKey } from "@/lib/validation/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates.version"))("metaTitle") };
}

export default async function TemplateVersionPage({ params }: { params: Promise<{ key: string; version: string }> }) {
  await requirePermission("template.write");
  const { key, version } = await params;
  if (!TemplateKey.safeParse(key).success || !/^\d{1,6}$/.test(version)) notFound();
  const found = (await listTemplateVersions(await getDb(), key)).find((v) => v.version === Number(version));
  if (!found) notFound();
  const [t, format] = await Promise.all([getTranslations("templates.version"), getFormatter()]);
  return (
    <div className="space-y-6">
      <p><Link href={`/manage/templates/${key}`}>← {found.title}</Link></p>
      <h1 className="text-2xl font-bold">{found.title} <span className="text-base font-normal text-slate-500">{t("version", { version: found.version })}</span></h1>
      <p className="text-sm text-slate-600">
        {found.createdAt ? t("savedBy", { date: format.dateTime(found.createdAt, "day"), name: found.createdBy ?? "—" }) : t("builtIn")} · {t("usedBy", { count: found.used })}
      </p>
      <TemplateSummary template={found.definition} headingLevel={2} />
    </div>
  );
}
