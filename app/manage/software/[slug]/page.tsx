import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { HeadlineBadge } from "@/components/badges";
import { ClassificationForm, ConfirmDecisionForm, EditionForm, IdentifierForm, RemoveButton, SoftwareForm } from "@/components/catalogue-forms";
import { LevelBadge } from "@/components/risk-breakdown";
import { StartAssessmentForm } from "@/components/start-assessment-form";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { decisionDrafts } from "@/lib/domain/decision-draft";
import { computeHeadline, headlineByEdition, headlineLeadStatus } from "@/lib/domain/headline";
import { decisionsInEffect } from "@/lib/domain/verdict";
import { can } from "@/lib/domain/policy";
import { DATA_CLASSES, type DataClass } from "@/lib/domain/vocabulary";
import { listAssessmentsForSoftware, listReviewers } from "@/lib/queries/assessments";
import { listTemplates } from "@/lib/queries/templates";
import { getSoftwareBySlug, listApprovedSoftware, listVendors } from "@/lib/queries/software";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.softwarePage");
  return { title: t("title") };
}

export default async function EditSoftwarePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePermission("catalogue.write");
  const { slug } = await params;
  const db = await getDb();
  const [detail, vendorList, approved, reviewers, templates] = await Promise.all([
    getSoftwareBySlug(db, slug),
    listVendors(db),
    listApprovedSoftware(db),
    listReviewers(db),
    listTemplates(db),
  ]);
  if (!detail) notFound();
  const [assessmentList, t, vocabulary, assessmentStatus, format] = await Promise.all([
    listAssessmentsForSoftware(db, detail.id),
    getTranslations("catalogue.softwarePage"),
    getTranslations("vocabulary"),
    getTranslations("catalogue.assessmentStatus"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, "day");
  const editionOptions = detail.editions.map((e) => ({ id: e.id, name: e.name }));
  const headline = computeHeadline(detail.editions, decisionsInEffect(detail.classifications), clockNow());
  const pending = detail.classifications.filter((c) => c.confirmationReason !== null && c.confirmedAt === null);
  const completedAssessments = assessmentList
    .filter((a) => a.status === "completed")
    .map((a) => ({
      id: a.id,
      name: [a.completedAt ? day(a.completedAt) : "", a.edition?.name ?? t("allEditions"), a.inherentTier ? vocabulary(`level.${a.inherentTier}`) : ""].join(" · "),
    }));

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{detail.name}</h1>
        <HeadlineBadge status={headlineLeadStatus(headline)} byEdition={headlineByEdition(headline)} />
        <Link href={`/software/${detail.slug}`} className="ml-auto">{t("viewAsEmployees")}</Link>
        <Link href={`/software/${detail.slug}/audit`}>{t("auditTrail")}</Link>
      </div>

      {can(user.role, "assessment.write") && (
        <section className="card space-y-4" aria-labelledby="assessments">
          <h2 id="assessments" className="text-lg font-semibold">{t("assessments")}</h2>
          {assessmentList.length > 0 && (
            <ul className="space-y-1 text-sm">
              {assessmentList.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-3" data-testid="assessment-row">
                  <Link href={`/manage/assessments/${a.id}`}>{day(a.createdAt)} · {a.edition?.name ?? t("allEditions")}</Link>
                  <span className="text-slate-600">{assessmentStatus(a.status)} · {a.assignee?.name ?? t("unassigned")}</span>
                  {a.inherentTier && <span>{t("inherent")} <LevelBadge level={a.inherentTier} /></span>}
                  {a.residualTier && <span>{t("residual")} <LevelBadge level={a.residualTier} /></span>}
                </li>
              ))}
            </ul>
          )}
          <StartAssessmentForm softwareId={detail.id} editions={editionOptions} reviewers={reviewers} templates={templates.map((t) => ({ id: t.key, name: t.title }))} />
        </section>
      )}

      {can(user.role, "classification.decide") && pending.length > 0 && (
        <section className="card space-y-3 border-amber-300" aria-labelledby="pending">
          <h2 id="pending" className="text-lg font-semibold">{t("awaitingSecond")}</h2>
          {pending.map((c) => (
            <div key={c.id} className="flex flex-wrap items-center gap-3 text-sm" data-testid="pending-decision">
              <span>
                <strong>{vocabulary(`status.${c.status}`)}</strong>
                {c.maxDataClass ? t("upTo", { dataClass: vocabulary(`dataClass.${c.maxDataClass}`) }) : ""} · {detail.editions.find((e) => e.id === c.editionId)?.name ?? t("allEditions")} ·{" "}
                {t("proposedBy", { name: c.decidedBy.name })} · {c.confirmationReason}
              </span>
              {c.decidedById === user.id ? (
                <span className="text-slate-600">{t("mustConfirmOther")}</span>
              ) : (
                <ConfirmDecisionForm id={c.id} label={t("decisionLabel", { status: vocabulary(`status.${c.status}`) })} />
              )}
            </div>
          ))}
        </section>
      )}

      {can(user.role, "classification.decide") && (
        <section className="card" aria-labelledby="decide">
          <h2 id="decide" className="mb-4 text-lg font-semibold">{t("recordDecision")}</h2>
          <ClassificationForm
            softwareId={detail.id}
            editions={editionOptions}
            alternatives={approved.map((a) => ({ id: a.id, name: a.name }))}
            assessments={completedAssessments}
            dataClassLabels={Object.fromEntries(DATA_CLASSES.map((d) => [d, vocabulary(`dataClass.${d}`)])) as Record<DataClass, string>}
            drafts={decisionDrafts(detail.classifications, [null, ...detail.editions.map((e) => e.id)], clockNow())}
          />
        </section>
      )}

      <section className="card" aria-labelledby="details">
        <h2 id="details" className="mb-4 text-lg font-semibold">{t("details")}</h2>
        <SoftwareForm
          vendors={vendorList.map((v) => ({ id: v.id, name: v.name }))}
          software={{
            id: detail.id,
            name: detail.name,
            vendorId: detail.vendorId,
            kind: detail.kind,
            category: detail.category,
            description: detail.description,
            homepage: detail.homepage,
            owner: detail.owner,
            updatedAt: detail.updatedAt.toISOString(),
          }}
        />
      </section>

      <section className="card space-y-4" aria-labelledby="editions">
        <h2 id="editions" className="text-lg font-semibold">{t("editions")}</h2>
        <ul className="space-y-2">
          {detail.editions.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start gap-3 border-b border-slate-100 pb-2">
              <div className="min-w-0 flex-1"><EditionForm softwareId={detail.id} edition={{ id: e.id, name: e.name, description: e.description }} /></div>
              <div className="pt-6"><RemoveButton kind="edition" id={e.id} label={e.name} /></div>
            </li>
          ))}
        </ul>
        <EditionForm softwareId={detail.id} />
      </section>

      <section className="card space-y-4" aria-labelledby="identifiers">
        <h2 id="identifiers" className="text-lg font-semibold">{t("identifiers")}</h2>
        <ul className="space-y-2">
          {detail.identifiers.map((i) => (
            <li key={i.id} className="flex items-center gap-3 text-sm">
              <span className="text-slate-500">{vocabulary(`identifierType.${i.type}`)}</span>
              <code className="break-all">{i.value}</code>
              <span className="ml-auto"><RemoveButton kind="identifier" id={i.id} label={i.value} /></span>
            </li>
          ))}
        </ul>
        <IdentifierForm softwareId={detail.id} editions={editionOptions} />
      </section>
    </div>
  );
}
