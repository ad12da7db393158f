import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AssessmentForm } from "@/components/assessment-form";
import { EvidenceSection } from "@/components/evidence-list";
import { requirePermission } from "@/lib/auth/require";
import { isAiTool } from "@/lib/domain/assessment";
import { can } from "@/lib/domain/policy";
import { getDb } from "@/lib/db/client";
import { getAssessment, listEvidence } from "@/lib/queries/assessments";
import { uuid } from "@/lib/validation/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.page"))("metaTitle") };
}

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("assessment.write");
  const { id } = await params;
  if (!uuid("validation.fields.assessment").safeParse(id).success) notFound();
  const db = await getDb();
  const assessment = await getAssessment(db, id);
  if (!assessment) notFound();
  const [previous, evidenceItems] = await Promise.all([
    assessment.previousId ? getAssessment(db, assessment.previousId) : undefined,
    listEvidence(db, { assessmentId: assessment.id }),
  ]);
  const [t, status, format] = await Promise.all([getTranslations("assessments.page"), getTranslations("assessments.status"), getFormatter()]);
  const software = `${assessment.software.name}${assessment.edition ? ` ${assessment.edition.name}` : ""}`;
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/manage/software/${assessment.software.slug}`}>← {assessment.software.name}</Link></p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">
          {t("heading", { software })}
        </h1>
        <span className="text-sm text-slate-600" data-testid="assessment-status">
          {t("statusLine", { status: status(assessment.status), template: assessment.template.title, version: assessment.template.version, assignee: assessment.assignee?.name ?? t("nobody") })}
        </span>
      </div>
      <p className="text-sm"><Link href="/help#scoring">{t("scoringHelp")}</Link></p>
      {previous?.completedAt && <p className="text-sm text-slate-600">{t("startedFrom", { completedOn: format.dateTime(previous.completedAt, "day") })}</p>}
      <AssessmentForm
        assessment={{
          id: assessment.id,
          version: assessment.version,
          status: assessment.status,
          answers: assessment.answers,
          mitigations: assessment.mitigations,
          previousAnswers: previous?.answers ?? null,
        }}
        template={assessment.template.definition}
        aiTool={isAiTool(assessment.software)}
      />
      <EvidenceSection items={evidenceItems} owner={{ assessmentId: assessment.id }} canAdd={can(user.role, "evidence.write")} />
    </div>
  );
}
