import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listTemplates } from "@/lib/queries/templates";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Questionnaires" };

export default async function TemplatesPage() {
  await requirePermission("template.write");
  const templates = await listTemplates(await getDb());
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-bold">Questionnaires</h1>
        <Link href="/manage/templates/new" className="btn ml-auto no-underline text-white">New questionnaire</Link>
      </div>
      <p className="max-w-3xl text-slate-600">
        The questions reviewers answer when they assess a tool, and what each answer weighs. Saving a questionnaire makes a new version: new assessments use the latest version, and every assessment keeps the version it was started with.
      </p>
      <TableScroll label="Questionnaires">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr><th scope="col" className="py-2 pr-3">Questionnaire</th><th scope="col" className="py-2 pr-3">Latest version</th><th scope="col" className="py-2 pr-3">Questions</th><th scope="col" className="py-2 pr-3">Last saved</th><th scope="col" className="py-2">Assessments</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {templates.map((t) => (
            <tr key={t.key}>
              <td className="py-2 pr-3"><Link href={`/manage/templates/${t.key}`}>{t.title}</Link> <span className="text-slate-500">({t.key})</span></td>
              <td className="py-2 pr-3">{t.version}</td>
              <td className="py-2 pr-3">{t.definition.questions.length}</td>
              <td className="py-2 pr-3">{t.createdAt ? `${t.createdAt.toISOString().slice(0, 10)} by ${t.createdBy ?? "—"}` : "Built in"}</td>
              <td className="py-2">{t.used}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </div>
  );
}
