import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { DATA_CLASSES, type DataClass, IDENTIFIER_TYPE_LABELS, KIND_LABELS, STATUS_LABELS, STATUS_MEANINGS } from "@/lib/domain/vocabulary";
import { getSettings } from "@/lib/queries/settings";
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
  const [detail, settings] = await Promise.all([getSoftwareBySlug(db, slug), getSettings(db)]);
  if (!detail) notFound();
  const labels = settings.dataClassLabels;
  const at = now();
  const [grants, assessments] = await Promise.all([activeGrantFacts(db, user.id, detail.id, at), completedAssessmentsBySoftware(db, [detail.id])]);
  const answers = answersForSoftware(detail, at, grants);
  const risks = assessedRisksForPage(answers, assessments.get(detail.id) ?? [], detail);
  const headline = computeHeadline(detail.editions, decisionsInEffect(detail.classifications), at);
  const editionName = (id: string | null) => detail.editions.find((e) => e.id === id)?.name ?? "All editions";

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-start gap-4">
        {/* A basis, not 0: on a phone the title takes the line and the badge and buttons wrap below it. */}
        <div className="min-w-0 flex-[1_1_18rem]">
          <h1 className="text-3xl font-bold break-words">{detail.name}</h1>
          <p className="mt-1 text-slate-600">
            {detail.vendor ? <Link href={`/vendors/${detail.vendor.slug}`}>{detail.vendor.name}</Link> : "Unknown vendor"} · {KIND_LABELS[detail.kind]} · {detail.category}
            {detail.owner ? ` · owned internally by ${detail.owner}` : ""}
          </p>
        </div>
        <HeadlineBadge status={headlineLeadStatus(headline)} byEdition={headlineByEdition(headline)} />
        {can(user.role, "request.create") && answers.some((a) => a.matrix.some((m) => exceptionApplies(m.result.verdict))) && (
          <Link href={`/requests/new?software=${detail.slug}`} className="btn no-underline text-white">Ask for an exception</Link>
        )}
        {can(user.role, "catalogue.write") && (
          <Link href={`/manage/software/${detail.slug}`} className="btn-secondary no-underline">Edit and classify</Link>
        )}
        {can(user.role, "audit.read") && (
          <Link href={`/software/${detail.slug}/audit`} className="btn-secondary no-underline">Audit trail</Link>
        )}
      </header>

      {detail.classifications.some((c) => c.confirmationReason !== null && c.confirmedAt === null) && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="pending-notice">
          A new decision is awaiting confirmation by a second reviewer. Until then, the answer below stands.
        </p>
      )}
      {detail.description && <p className="max-w-3xl text-slate-700">{detail.description}</p>}
      {detail.homepage && (
        <p className="text-sm">
          Homepage: <a href={detail.homepage} rel="noopener noreferrer nofollow" target="_blank">{detail.homepage}</a>
        </p>
      )}

      {answers.map((answer) => (
        <section key={answer.editionId ?? "all"} id={editionAnchor(detail.editions.find((e) => e.id === answer.editionId)?.slug ?? null)} className="card space-y-4 scroll-mt-4" aria-labelledby={`ed-${answer.editionId ?? "all"}`}>
          <div className="flex flex-wrap items-center gap-3">
            <h2 id={`ed-${answer.editionId ?? "all"}`} className="text-xl font-semibold">
              {answer.editionName ? `${detail.name} ${answer.editionName}` : "All editions"}
            </h2>
            <StatusBadge status={answer.decision?.status ?? null} />
          </div>
          <p className="text-slate-700" data-testid="status-meaning">
            {answer.decision ? STATUS_MEANINGS[answer.decision.status] : "Not yet classified: treat it as not allowed yet."}
            {heldGrant(answer) && " You hold an exception: its terms are below."}
          </p>
          <HeldGrant answer={answer} toolName={answer.editionName ? `${detail.name} ${answer.editionName}` : detail.name} dataClassLabels={labels} now={at} />

          <TableScroll label="Which data classes are allowed">

          <table className="w-full max-w-xl text-left text-sm" aria-label="Which data classes are allowed">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4">Data class</th>
                <th scope="col" className="py-1">Your answer</th>
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
                  <dt className="font-semibold">Conditions</dt>
                  <dd>
                    <ul className="ml-5 list-disc">
                      {answer.decision.conditions.map((c) => <li key={c}>{c}</li>)}
                    </ul>
                  </dd>
                </div>
              )}
              {answer.decision.alternatives.length > 0 && (
                <div>
                  <dt className="font-semibold">Approved alternatives</dt>
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
                <dt className="font-semibold">Why</dt>
                <dd className="whitespace-pre-line text-slate-700">{answer.decision.rationale}</dd>
              </div>
              <div>
                <dt className="font-semibold">Decided</dt>
                <dd>{answer.decision.decidedAt.toISOString().slice(0, 10)} by {answer.decision.decidedBy.name}</dd>
              </div>
              <div>
                <dt className="font-semibold">Due for review</dt>
                <dd>{answer.decision.reviewDueOn}</dd>
              </div>
            </dl>
          )}
        </section>
      ))}

      {risks.length > 0 && (
        <section className="card space-y-3" aria-labelledby="why-risky">
          <h2 id="why-risky" className="text-lg font-semibold">Why it is rated this way</h2>
          {risks.map(({ scope, risk }) => <AssessedRiskSummary key={risk.assessmentId} risk={risk} scope={scope} />)}
        </section>
      )}

      {detail.identifiers.length > 0 && (
        <section className="card" aria-labelledby="identifiers">
          <h2 id="identifiers" className="mb-2 text-lg font-semibold">Known as</h2>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {detail.identifiers.map((i) => (
              <li key={i.id}>
                <span className="text-slate-500">{IDENTIFIER_TYPE_LABELS[i.type]}:</span> <code className="break-all">{i.value}</code>
                {i.editionId ? <span className="text-slate-500"> ({editionName(i.editionId)})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-semibold">Decision history</h2>
        {detail.classifications.length === 0 ? (
          <p className="text-sm text-slate-600">No decisions yet.</p>
        ) : (
          <ol className="space-y-3 text-sm">
            {detail.classifications.map((c) => (
              <li key={c.id} className="border-l-2 border-slate-200 pl-3" data-testid="history-entry">
                <p>
                  <strong>{c.decidedAt.toISOString().slice(0, 10)}</strong> · {editionName(c.editionId)} · {STATUS_LABELS[c.status]}
                  {c.maxDataClass ? ` up to ${labels[c.maxDataClass]}` : ""} · by {c.decidedBy.name}
                  {c.confirmationReason !== null && (c.confirmedAt ? ` · confirmed by ${c.confirmedBy?.name ?? "a second reviewer"}` : " · pending a second reviewer")}
                </p>
                <p className="whitespace-pre-line text-slate-600">{c.rationale}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="text-xs text-slate-500">Data classes, least to most sensitive: {DATA_CLASSES.map((d) => labels[d]).join(" < ")}.</p>
    </article>
  );
}

function HeldGrant({ answer, toolName, dataClassLabels, now: at }: { answer: EditionAnswer; toolName: string; dataClassLabels: Record<DataClass, string>; now: Date }) {
  const grant = heldGrant(answer);
  return grant ? <GrantTermsPanel terms={grantTerms(grant, at)} toolName={toolName} dataClassLabels={dataClassLabels} /> : null;
}
