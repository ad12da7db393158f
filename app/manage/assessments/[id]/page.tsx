import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessmentForm } from "@/components/assessment-form";
import { EvidenceSection } from "@/components/evidence-list";
import { requirePermission } from "@/lib/auth/require";
import { isAiTool } from "@/lib/domain/assessment";
import { can } from "@/lib/domain/policy";
import { getDb } from "@/lib/db/client";
import { getAssessment, listEvidence } from "@/lib/queries/assessments";
import { uuid } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("assessment.write");
  const { id } = await params;
  if (!uuid("Assessment").safeParse(id).success) notFound();
  const db = await getDb();
  const assessment = await getAssessment(db, id);
  if (!assessment) notFound();
  const [previous, evidenceItems] = await Promise.all([
    assessment.previousId ? getAssessment(db, assessment.previousId) : undefined,
    listEvidence(db, { assessmentId: assessment.id }),
  ]);
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/manage/software/${assessment.software.slug}`}>← {assessment.software.name}</Link></p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">
          Assessment: {assessment.software.name}{assessment.edition ? ` ${assessment.edition.name}` : ""}
        </h1>
        <span className="text-sm text-slate-600" data-testid="assessment-status">
          {assessment.status.replace("_", " ")} · {assessment.template.title} v{assessment.template.version} · assigned to {assessment.assignee?.name ?? "nobody"}
        </span>
      </div>
      <p className="text-sm"><Link href="/help#scoring">How the score is calculated</Link></p>
      {previous && <p className="text-sm text-slate-600">Started from the assessment completed {previous.completedAt?.toISOString().slice(0, 10)}; answers that differ from it are marked.</p>}
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
