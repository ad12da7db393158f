import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { HeadlineBadge, StatusBadge, VerdictBadge } from "@/components/badges";
import { computeHeadline, headlineByEdition, headlineLeadStatus } from "@/lib/domain/headline";
import { AlternativeLink, editionAnchor } from "@/components/alternative-link";
import { AssessedRiskSummary } from "@/components/assessed-risk";
import { GrantTermsPanel } from "@/components/grant-terms";
import { grantTerms } from "@/lib/domain/grant-terms";
import { completedAssessmentsBySoftware } from "@/lib/queries/assessments";
import { decisionsInEffect } from "@/lib/domain/verdict";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { DATA_CLASSES, type DataClass } from "@/lib/domain/vocabulary";
import { inRequestLocale } from "@/lib/auth/locale";
import { getSoftwareBySlug } from "@/lib/queries/software";
import { answersForSoftware, assessedRisksForPage, heldGrant, type EditionAnswer } from "@/lib/services/verdicts";
import { now } from "@/lib/clock";
import { activeGrantFacts } from "@/lib/queries/requests";
import { exceptionApplies } from "@/lib/domain/requests";
import { TableScroll } from "@/components/table-scroll";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function SoftwarePage({ params }: Props) {
  const user = await requireUser();
  const { slug } = await params;
  const db = await getDb();
  const [detail, t, words, format] = await Promise.all([getSoftwareBySlug(db, slug), getTranslations("software.page"), getTranslations("vocabulary"), getFormatter()]);
  if (!detail) notFound();
  // The company's labels for this language (settings laid over the catalogue).
  const labels = Object.fromEntries(DATA_CLASSES.map((d) => [d, words(`dataClass.${d}`)])) as Record<DataClass, string>;
  const day = (date: Date | string) => format.dateTime(typeof date === "string" ? new Date(`${date}T00:00:00Z`) : date, "day");
  const at = now();
  const [grants, assessments] = await Promise.all([activeGrantFacts(db, user.id, detail.id, at), completedAssessmentsBySoftware(db, [detail.id])]);
  const answers = answersForSoftware(detail, at, grants);
  // What an agent can do is worded in lib (the check API says it too): in the page's language.
  const risks = await inRequestLocale(() => assessedRisksForPage(answers, assessments.get(detail.id) ?? [], detail));
  const headline = computeHeadline(detail.editions, decisionsInEffect(detail.classifications), at);
  const editionName = (id: string | null) => detail.editions.find((e) => e.id === id)?.name ?? t("allEditions");

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-start gap-4">
        {/* A basis, not 0: on a phone the title takes the line and the badge and buttons wrap below it. */}
        <div className="min-w-0 flex-[1_1_18rem]">
          <h1 className="text-3xl font-bold break-words">{detail.name}</h1>
          <p className="mt-1 text-slate-600">
            {detail.vendor ? <Link href={`/vendors/${detail.vendor.slug}`}>{detail.vendor.name}</Link> : t("unknownVendor")} · {words(`kind.${detail.kind}`)} · {detail.category}
            {detail.owner ? t("ownedBy", { owner: detail.owner }) : ""}
          </p>
        </div>
        <HeadlineBadge status={headlineLeadStatus(headline)} byEdition={headlineByEdition(headline)} />
        {can(user.role, "request.create") && answers.some((a) => a.matrix.some((m) => exceptionApplies(m.result.verdict))) && (
          <Link href={`/requests/new?software=${detail.slug}`} className="btn no-underline text-white">{t("askException")}</Link>
        )}
        {can(user.role, "catalogue.write") && (
          <Link href={`/manage/software/${detail.slug}`} className="btn-secondary no-underline">{t("editAndClassify")}</Link>
        )}
        {can(user.role, "audit.read") && (
          <Link href={`/software/${detail.slug}/audit`} className="btn-secondary no-underline">{t("auditTrail")}</Link>
        )}
      </header>

      {detail.classifications.some((c) => c.confirmationReason !== null && c.confirmedAt === null) && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="pending-notice">
          {t("pendingNotice")}
        </p>
      )}
      {detail.description && <p className="max-w-3xl text-slate-700">{detail.description}</p>}
      {detail.homepage && (
        <p className="text-sm">
          {t("homepage")}<a href={detail.homepage} rel="noopener noreferrer nofollow" target="_blank">{detail.homepage}</a>
        </p>
      )}

      {answers.map((answer) => (
        <section key={answer.editionId ?? "all"} id={editionAnchor(detail.editions.find((e) => e.id === answer.editionId)?.slug ?? null)} className="card space-y-4 scroll-mt-4" aria-labelledby={`ed-${answer.editionId ?? "all"}`}>
          <div className="flex flex-wrap items-center gap-3">
            <h2 id={`ed-${answer.editionId ?? "all"}`} className="text-xl font-semibold">
              {answer.editionName ? `${detail.name} ${answer.editionName}` : t("allEditions")}
            </h2>
            <StatusBadge status={answer.decision?.status ?? null} />
          </div>
          <p className="text-slate-700" data-testid="status-meaning">
            {answer.decision ? words(`statusMeaning.${answer.decision.status}`) : t("notClassified")}
            {heldGrant(answer) && t("holdException")}
          </p>
          <HeldGrant answer={answer} toolName={answer.editionName ? `${detail.name} ${answer.editionName}` : detail.name} dataClassLabels={labels} now={at} />

          <TableScroll label={t("matrixLabel")}>
          <table className="w-full max-w-xl text-left text-sm" aria-label={t("matrixLabel")}>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4">{t("dataClass")}</th>
                <th scope="col" className="py-1">{t("yourAnswer")}</th>
              </tr>
            </thead>
            <tbody>
              {answer.matrix.map(({ dataClass, result }) => (
                <tr key={dataClass}>
                  <th scope="row" className="py-1 pr-4 font-medium">{labels[dataClass]}</th>
                  <td className="py-1"><VerdictBadge verdict={result.verdict} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>

          {answer.decision && (
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              {answer.decision.conditions.length > 0 && (
                <div>
                  <dt className="font-semibold">{t("conditions")}</dt>
                  <dd>
                    <ul className="ml-5 list-disc">
                      {answer.decision.conditions.map((c) => <li key={c}>{c}</li>)}
                    </ul>
                  </dd>
                </div>
              )}
              {answer.decision.alternatives.length > 0 && (
                <div>
                  <dt className="font-semibold">{t("alternatives")}</dt>
                  <dd>
                    <ul className="ml-5 list-disc">
                      {answer.decision.alternatives.map(({ alternative }) => (
                        <li key={alternative.id}><AlternativeLink alternative={alternative} now={at} /></li>
                      ))}
                    </ul>
                  </dd>
                </div>
              )}
              <div className="sm:col-span-2">
                <dt className="font-semibold">{t("why")}</dt>
                <dd className="whitespace-pre-line text-slate-700">{answer.decision.rationale}</dd>
              </div>
              <div>
                <dt className="font-semibold">{t("decided")}</dt>
                <dd>{t("decidedBy", { date: day(answer.decision.decidedAt), name: answer.decision.decidedBy.name })}</dd>
              </div>
              <div>
                <dt className="font-semibold">{t("reviewDue")}</dt>
                <dd>{answer.decision.reviewDueOn ? <time dateTime={answer.decision.reviewDueOn}>{day(answer.decision.reviewDueOn)}</time> : null}</dd>
              </div>
            </dl>
          )}
        </section>
      ))}

      {risks.length > 0 && (
        <section className="card space-y-3" aria-labelledby="why-risky">
          <h2 id="why-risky" className="text-lg font-semibold">{t("whyRated")}</h2>
          {risks.map(({ scope, risk }) => <AssessedRiskSummary key={risk.assessmentId} risk={risk} scope={scope} />)}
        </section>
      )}

      {detail.identifiers.length > 0 && (
        <section className="card" aria-labelledby="identifiers">
          <h2 id="identifiers" className="mb-2 text-lg font-semibold">{t("knownAs")}</h2>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {detail.identifiers.map((i) => (
              <li key={i.id}>
                <span className="text-slate-500">{t("identifierType", { type: words(`identifierType.${i.type}`) })}</span> <code className="break-all">{i.value}</code>
                {i.editionId ? <span className="text-slate-500">{t("identifierEdition", { edition: editionName(i.editionId) })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-semibold">{t("history")}</h2>
        {detail.classifications.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noDecisions")}</p>
        ) : (
          <ol className="space-y-3 text-sm">
            {detail.classifications.map((c) => (
              <li key={c.id} className="border-l-2 border-slate-200 pl-3" data-testid="history-entry">
                <p>
                  <strong><time dateTime={c.decidedAt.toISOString()}>{day(c.decidedAt)}</time></strong> · {editionName(c.editionId)} · {words(`status.${c.status}`)}
                  {c.maxDataClass ? t("historyUpTo", { dataClass: labels[c.maxDataClass] }) : ""}{t("historyBy", { name: c.decidedBy.name })}
                  {c.confirmationReason !== null && (c.confirmedAt ? t("historyConfirmedBy", { name: c.confirmedBy?.name ?? t("aSecondReviewer") }) : t("historyPending"))}
                </p>
                <p className="whitespace-pre-line text-slate-600">{c.rationale}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="text-xs text-slate-500">{t("dataClassOrder", { classes: DATA_CLASSES.map((d) => labels[d]).join(t("dataClassOrderSeparator")) })}</p>
    </article>
  );
}

function HeldGrant({ answer, toolName, dataClassLabels, now: at }: { answer: EditionAnswer; toolName: string; dataClassLabels: Record<DataClass, string>; now: Date }) {
  const grant = heldGrant(answer);
  return grant ? <GrantTermsPanel terms={grantTerms(grant, at)} toolName={toolName} dataClassLabels={dataClassLabels} /> : null;
}
