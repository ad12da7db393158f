import type { Metadata } from "next";
import Link from "next/link";
import { TemplateEditor } from "@/components/template-editor";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { getCurrentDefaultTemplate } from "@/lib/queries/templates";

export const metadata: Metadata = { title: "New questionnaire" };

export default async function NewTemplatePage() {
  await requirePermission("template.write");
  // A new questionnaire starts as a copy of the default one: easier to trim than to write from nothing.
  const start = await getCurrentDefaultTemplate(await getDb());
  return (
    <div className="space-y-6">
      <p><Link href="/manage/templates">← Questionnaires</Link></p>
      <h1 className="text-2xl font-bold">New questionnaire</h1>
      <p className="text-slate-600">It starts as a copy of the default questionnaire.</p>
      <TemplateEditor template={{ ...start, key: "", title: "" }} isNew />
    </div>
  );
}
