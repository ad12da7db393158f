import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TemplateEditor } from "@/components/template-editor";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listTemplateVersions } from "@/lib/queries/templates";
import { TemplateKey } from "@/lib/validation/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates.edit"))("metaTitle") };
}

export default async function TemplatePage({ params }: { params: Promise<{ key: string }> }) {
  await requirePermission("template.write");
  const { key } = await params;
  if (!TemplateKey.safeParse(key).success) notFound();
  const versions = await listTemplateVersions(await getDb(), key);
  const latest = versions[0];
  if (!latest) notFound();
  const [t, format] = await Promise.all([getTranslations("templates.edit"), getFormatter()]);
  return (
    <div className="space-y-6">
      <p><Link href="/manage/templates">{t("back")}</Link></p>
      <h1 className="text-2xl font-bold">{latest.title} <span className="text-base font-normal text-slate-500">{t("version", { version: latest.version })}</span></h1>
      <section className="card space-y-2" aria-labelledby="history">
        <h2 id="history" className="font-semibold">{t("versions")}</h2>
        <ul className="space-y-1 text-sm">
          {versions.map((v) => (
            <li key={v.version}>
              <Link href={`/manage/templates/${key}/${v.version}`}>{t("versionLink", { version: v.version })}</Link>
              {" · "}{v.createdAt ? t("savedBy", { date: format.dateTime(v.createdAt, "day"), name: v.createdBy ?? "—" }) : t("builtIn")}
              {" · "}{t("questions", { count: v.definition.questions.length })} · {t("usedBy", { count: v.used })}
            </li>
          ))}
        </ul>
      </section>
      <TemplateEditor template={latest.definition} isNew={false} />
    </div>
  );
}
