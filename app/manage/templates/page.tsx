import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listTemplates } from "@/lib/queries/templates";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates.list"))("metaTitle") };
}

export default async function TemplatesPage() {
  await requirePermission("template.write");
  const templates = await listTemplates(await getDb());
  const [t, format] = await Promise.all([getTranslations("templates.list"), getFormatter()]);
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <Link href="/manage/templates/new" className="btn ml-auto no-underline text-white">{t("new")}</Link>
      </div>
      <p className="max-w-3xl text-slate-600">
        {t("intro")}
      </p>
      <TableScroll label={t("tableLabel")}>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr><th scope="col" className="py-2 pr-3">{t("questionnaire")}</th><th scope="col" className="py-2 pr-3">{t("latestVersion")}</th><th scope="col" className="py-2 pr-3">{t("questions")}</th><th scope="col" className="py-2 pr-3">{t("lastSaved")}</th><th scope="col" className="py-2">{t("assessments")}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {templates.map((template) => (
            <tr key={template.key}>
              <td className="py-2 pr-3"><Link href={`/manage/templates/${template.key}`}>{template.title}</Link> <span className="text-slate-500">({template.key})</span></td>
              <td className="py-2 pr-3">{format.number(template.version)}</td>
              <td className="py-2 pr-3">{format.number(template.definition.questions.length)}</td>
              <td className="py-2 pr-3">{template.createdAt ? t("savedBy", { date: format.dateTime(template.createdAt, "day"), name: template.createdBy ?? "—" }) : t("builtIn")}</td>
              <td className="py-2">{format.number(template.used)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </div>
  );
}
