import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateEditor } from "@/components/template-editor";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listTemplateVersions } from "@/lib/queries/templates";
import { TemplateKey } from "@/lib/validation/templates";

export const metadata: Metadata = { title: "Edit questionnaire" };

export default async function TemplatePage({ params }: { params: Promise<{ key: string }> }) {
  await requirePermission("template.write");
  const { key } = await params;
  if (!TemplateKey.safeParse(key).success) notFound();
  const versions = await listTemplateVersions(await getDb(), key);
  const latest = versions[0];
  if (!latest) notFound();
  return (
    <div className="space-y-6">
      <p><Link href="/manage/templates">← Questionnaires</Link></p>
      <h1 className="text-2xl font-bold">{latest.title} <span className="text-base font-normal text-slate-500">version {latest.version}</span></h1>
      <section className="card space-y-2" aria-labelledby="history">
        <h2 id="history" className="font-semibold">Versions</h2>
        <ul className="space-y-1 text-sm">
          {versions.map((v) => (
            <li key={v.version}>
              <Link href={`/manage/templates/${key}/${v.version}`}>Version {v.version}</Link>
              {" · "}{v.createdAt ? `${v.createdAt.toISOString().slice(0, 10)} by ${v.createdBy ?? "—"}` : "built in"}
              {" · "}{v.definition.questions.length} questions · used by {v.used} assessment{v.used === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      </section>
      <TemplateEditor template={latest.definition} isNew={false} />
    </div>
  );
}
