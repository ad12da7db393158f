import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RequestStatusBadge, StatusBadge } from "@/components/badges";
import { CommentForm, DecisionForm, JoinRequestForm, RevokeGrantForm, WithdrawForm } from "@/components/request-forms";
import { LevelBadge } from "@/components/risk-breakdown";
import { inRequestLocale } from "@/lib/auth/locale";
import { requireUser } from "@/lib/auth/session";
import { t as say } from "@/lib/i18n/translate";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { endedGrant } from "@/lib/domain/grant-terms";
import { canViewRequest, checkDecision, dayAsDate, earlierDeciderIds, HOLDER_OF, isOpen } from "@/lib/domain/requests";
import { currentClassification } from "@/lib/domain/verdict";
import { getRequestDetail } from "@/lib/queries/requests";
import { getSoftwareById } from "@/lib/queries/software";
import { classificationFacts } from "@/lib/services/verdicts";
import { uuid } from "@/lib/validation/fields";

// Through lib/i18n (not next-intl) so the title is made before the segment is even checked, wherever the page is rendered.
export async function generateMetadata(): Promise<Metadata> {
  return { title: await inRequestLocale(() => say("requests.titles.request")) };
}

const EVENT_KINDS = ["submitted", "manager_approved", "security_approved", "approved", "rejected", "withdrawn", "comment", "joined", "escalated", "expired", "revoked"] as const;
type EventKind = (typeof EVENT_KINDS)[number];
const isEventKind = (kind: string): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind);

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!uuid("requests.fields.request").safeParse(id).success) notFound();
  const db = await getDb();
  const request = await getRequestDetail(db, id);
  const supporterIds = request?.supporters.map((s) => s.user.id) ?? [];
  if (!request || !canViewRequest({ kind: request.kind, requesterId: request.requesterId, managerId: request.requester.managerId, supporterIds }, user)) notFound();

  const at = now();
  const [t, tv, format, detail] = await Promise.all([
    getTranslations("requests.detail"),
    getTranslations("vocabulary"),
    getFormatter(),
    request.softwareId ? getSoftwareById(db, request.softwareId) : undefined,
  ]);
  const day = (date: Date | null | undefined) => (date ? format.dateTime(date, "day") : "—");
  const calendarDay = (value: string) => format.dateTime(dayAsDate(value), "day");
  const classification = detail ? currentClassification(classificationFacts(detail), request.editionId, at) : null;
  // The server decides again when the form is sent; this only decides whether to show it.
  const decision = can(user.role, "request.decide")
    ? checkDecision(
        {
          status: request.status,
          kind: request.kind,
          requesterId: request.requesterId,
          requesterManagerId: request.requester.managerId,
          softwareStatus: classification?.status ?? null,
          securityDeciderId: request.securityDeciderId,
          supporterIds,
          deciderIds: earlierDeciderIds(request.events),
        },
        user,
        "approve",
      )
    : null;
  const holderRole = HOLDER_OF[request.status];
  const holder = holderRole === "manager" && request.currentManager?.name ? request.currentManager.name : holderRole ? t("holder", { holder: holderRole }) : null;
  const overdue = request.stepDueAt && request.stepDueAt < at && isOpen(request.status);
  const title = request.kind === "exception" ? t("exceptionTitle", { tool: request.software?.name ?? t("removedTool") }) : t("newToolTitle", { name: request.proposedName ?? "" });
  const grant = request.grant;
  // An approved exception whose grant has ended leads with how it ended, not a green "Approved".
  const endedState = request.status === "approved" ? endedGrant(grant, at) : null;
  const ended = endedState ? t(endedState.state === "revoked" ? "endedRevoked" : "endedExpired", { on: calendarDay(endedState.on) }) : null;
  // What the system recorded (no person typed it) is said from the request's facts, in the reader's language.
  const eventBody = (e: (typeof request.events)[number]): string | null => {
    if (e.kind === "submitted") return request.skippedManager ? t("eventBody.skippedManager") : null;
    if (e.kind === "expired") return grant ? t("eventBody.expired", { date: calendarDay(grant.endsOn) }) : null;
    if (e.kind === "escalated") return t("eventBody.escalated");
    return e.body;
  };

  return (
    <article className="space-y-6">
      <p><Link href="/requests">{t("back")}</Link></p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("heading", { number: request.number, title })}</h1>
        {ended ? (
          <span className="inline-flex shrink-0 items-center rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold text-slate-900" data-request-status="ended" data-testid="grant-ended">
            {ended}
          </span>
        ) : <RequestStatusBadge status={request.status} />}
      </header>

      {isOpen(request.status) && (
        <p className="card text-sm" data-testid="request-holder">
          {t.rich("waitingFor", { holder: holder ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
          {request.stepDueAt && <>{t("due", { due: day(request.stepDueAt) })}{overdue && <strong className="text-red-700">{t("overdue")}</strong>}</>}
          {request.queuePosition !== null && t("queuePosition", { position: request.queuePosition })}
          {request.skippedManager && t("skippedManager")}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card space-y-2 lg:col-span-2" aria-labelledby="what">
          <h2 id="what" className="text-lg font-semibold">{tv(`requestKind.${request.kind}`)}</h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div><dt className="font-semibold">{t("askedBy")}</dt><dd>{t("askedByOn", { name: request.requester.name, date: day(request.createdAt) })}</dd></div>
            {request.kind === "exception" ? (
              <>
                <div><dt className="font-semibold">{t("tool")}</dt><dd>{request.software ? <Link href={`/software/${request.software.slug}`}>{request.software.name}</Link> : "—"}{request.edition ? ` ${request.edition.name}` : ""}</dd></div>
                <div><dt className="font-semibold">{t("data")}</dt><dd>{request.dataClass ? tv(`dataClass.${request.dataClass}`) : "—"}</dd></div>
                <div>
                  <dt className="font-semibold">{t("until")}</dt>
                  <dd data-testid="request-ends-on">
                    {request.endsOn ? <time dateTime={request.endsOn}>{calendarDay(request.endsOn)}</time> : "—"}
                    {request.approvedEndsOn && request.approvedEndsOn !== request.endsOn ? t("approvedThrough", { date: calendarDay(request.approvedEndsOn) }) : ""}
                  </dd>
                </div>
              </>
            ) : (
              <>
                <div><dt className="font-semibold">{t("tool")}</dt><dd>{request.proposedName}{request.proposedUrl && <> · <a href={request.proposedUrl} rel="noopener noreferrer nofollow" target="_blank">{request.proposedUrl}</a></>}</dd></div>
                <div><dt className="font-semibold">{t("peopleAsking")}</dt><dd data-testid="demand">{1 + request.supporters.length}</dd></div>
              </>
            )}
            <div className="sm:col-span-2"><dt className="font-semibold">{t("purpose")}</dt><dd>{request.purpose}</dd></div>
            <div className="sm:col-span-2"><dt className="font-semibold">{t("justification")}</dt><dd className="whitespace-pre-line">{request.justification}</dd></div>
          </dl>
        </section>

        <aside className="card space-y-3 text-sm" aria-labelledby="tool-risk">
          <h2 id="tool-risk" className="text-lg font-semibold">{t("toolNow")}</h2>
          {request.software ? (
            <>
              <p>{t("classification")} <StatusBadge status={classification?.status ?? null} /></p>
              {classification?.conditions && classification.conditions.length > 0 && <p>{t("conditions", { conditions: classification.conditions.join("; ") })}</p>}
              <p>
                {t("risk")}{" "}
                {request.assessment?.inherentTier ? (
                  <>{t("inherent")} <LevelBadge level={request.assessment.inherentTier} />{request.assessment.residualTier && <> · {t("residual")} <LevelBadge level={request.assessment.residualTier} /></>} <span className="text-slate-500">{t("assessedOn", { date: day(request.assessment.completedAt) })}</span></>
                ) : t("notAssessed")}
              </p>
            </>
          ) : (
            <p>{t("notInCatalogue")}</p>
          )}
        </aside>
      </div>

      {grant && (
        <section className="card space-y-2 text-sm" aria-labelledby="grant" data-testid="grant">
          <h2 id="grant" className="text-lg font-semibold">{t("grant")}</h2>
          <p>
            {grant.revokedAt ? t("revokedOn", { date: day(grant.revokedAt), reason: grant.revokeReason ?? "" })
              : grant.endsAt <= at ? t("wasValidThrough", { ended: ended ?? t("endedFallback"), date: calendarDay(grant.endsOn) })
              : t.rich("validThrough", { date: calendarDay(grant.endsOn), dataClass: tv(`dataClass.${grant.dataClass}`), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          {grant.conditions.length > 0 && <ul className="ml-5 list-disc">{grant.conditions.map((c) => <li key={c}>{c}</li>)}</ul>}
          {can(user.role, "grant.revoke") && !grant.revokedAt && grant.endsAt > at && <RevokeGrantForm grantId={grant.id} label={t("thisGrant")} />}
        </section>
      )}

      {decision?.allowed && (
        <section className="card space-y-3" aria-labelledby="decide">
          <h2 id="decide" className="text-lg font-semibold">{t("yourDecision")}</h2>
          <DecisionForm
            requestId={request.id}
            status={request.status}
            securityApproval={request.status === "awaiting_security" && request.kind === "exception"}
            endsOn={request.endsOn}
            endsOnText={request.endsOn ? calendarDay(request.endsOn) : null}
          />
        </section>
      )}

      {request.kind === "new_software" && isOpen(request.status) && request.requesterId !== user.id && !supporterIds.includes(user.id) && (
        <section className="card space-y-3" aria-labelledby="join">
          <h2 id="join" className="text-lg font-semibold">{t("needItToo")}</h2>
          <JoinRequestForm requestId={request.id} />
        </section>
      )}

      <section className="space-y-3" aria-labelledby="timeline">
        <h2 id="timeline" className="text-lg font-semibold">{t("timeline")}</h2>
        <ol className="space-y-2 text-sm">
          {request.events.map((e) => {
            const body = eventBody(e);
            return (
              <li key={e.id} className="border-l-2 border-slate-200 pl-3" data-testid="request-event" data-kind={e.kind}>
                <time className="text-slate-500" dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, "moment")}</time>{" "}
                {e.actor ? <strong>{e.actor.name}</strong> : null} {isEventKind(e.kind) ? t(`event.${e.kind}`) : e.kind}
                {body && <p className="whitespace-pre-line text-slate-700">{body}</p>}
              </li>
            );
          })}
        </ol>
        <CommentForm requestId={request.id} />
        {request.requesterId === user.id && isOpen(request.status) && <WithdrawForm requestId={request.id} />}
      </section>
    </article>
  );
}
