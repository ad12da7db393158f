import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TemplateEditor } from "@/components/template-editor";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { getCurrentDefaultTemplate } from "@/lib/queries/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates.new"))("metaTitle") };
}

export default async function NewTemplatePage() {
  await requirePermission("template.write");
  // A new questionnaire starts as a copy of the default one: easier to trim than to write from nothing.
  const start = await getCurrentDefaultTemplate(await getDb());
  const t = await getTranslations("templates.new");
  return (
    <div className="space-y-6">
      <p><Link href="/manage/templates">{t("back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <TemplateEditor template={{ ...start, key: "", title: "" }} isNew />
    </div>
  );
}
