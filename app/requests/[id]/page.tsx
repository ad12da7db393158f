import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestStatusBadge, StatusBadge } from "@/components/badges";
import { CommentForm, DecisionForm, JoinRequestForm, RevokeGrantForm, WithdrawForm } from "@/components/request-forms";
import { LevelBadge } from "@/components/risk-breakdown";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { endedGrantLabel } from "@/lib/domain/grant-terms";
import { canViewRequest, checkDecision, earlierDeciderIds, isOpen, REQUEST_KIND_LABELS } from "@/lib/domain/requests";
import { currentClassification } from "@/lib/domain/verdict";
import { getRequestDetail } from "@/lib/queries/requests";
import { getSettings } from "@/lib/queries/settings";
import { getSoftwareById } from "@/lib/queries/software";
import { classificationFacts } from "@/lib/services/verdicts";
import { uuid } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Request" };

const EVENT_LABELS: Record<string, string> = {
  submitted: "asked",
  manager_approved: "approved as manager",
  security_approved: "approved for security; a second reviewer must confirm",
  approved: "approved",
  rejected: "rejected",
  withdrawn: "withdrew the request",
  comment: "commented",
  joined: "asked for it too",
  escalated: "Overdue: escalated",
  expired: "The exception ended",
  revoked: "revoked the exception",
};

function day(date: Date | null | undefined) {
  return date ? date.toISOString().slice(0, 10) : "—";
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!uuid("Request").safeParse(id).success) notFound();
  const db = await getDb();
  const request = await getRequestDetail(db, id);
  const supporterIds = request?.supporters.map((s) => s.user.id) ?? [];
  if (!request || !canViewRequest({ kind: request.kind, requesterId: request.requesterId, managerId: request.requester.managerId, supporterIds }, user)) notFound();

  const at = now();
  const [settings, detail] = await Promise.all([getSettings(db), request.softwareId ? getSoftwareById(db, request.softwareId) : undefined]);
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
  const holder =
    request.status === "awaiting_manager" ? request.currentManager?.name ?? "the manager"
    : request.status === "awaiting_security" ? "security"
    : request.status === "awaiting_confirmation" ? "a second security reviewer"
    : null;
  const overdue = request.stepDueAt && request.stepDueAt < at && isOpen(request.status);
  const title = request.kind === "exception" ? `Exception: ${request.software?.name ?? "a removed tool"}` : `New tool review: ${request.proposedName}`;
  const grant = request.grant;
  // An approved exception whose grant has ended leads with how it ended, not a green "Approved".
  const ended = request.status === "approved" ? endedGrantLabel(grant, at) : null;

  return (
    <article className="space-y-6">
      <p><Link href="/requests">← Requests</Link></p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Request {request.number} · {title}</h1>
        {ended ? (
          <span className="inline-flex shrink-0 items-center rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold text-slate-900" data-request-status="ended" data-testid="grant-ended">
            {ended}
          </span>
        ) : <RequestStatusBadge status={request.status} />}
      </header>

      {isOpen(request.status) && (
        <p className="card text-sm" data-testid="request-holder">
          Waiting for <strong>{holder}</strong>
          {request.stepDueAt && <>, due {day(request.stepDueAt)}{overdue && <strong className="text-red-700"> (overdue)</strong>}</>}
          {request.queuePosition !== null && <> · number {request.queuePosition} in the security queue</>}
          {request.skippedManager && <> · sent straight to security: no manager on record</>}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card space-y-2 lg:col-span-2" aria-labelledby="what">
          <h2 id="what" className="text-lg font-semibold">{REQUEST_KIND_LABELS[request.kind]}</h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div><dt className="font-semibold">Asked by</dt><dd>{request.requester.name} on {day(request.createdAt)}</dd></div>
            {request.kind === "exception" ? (
              <>
                <div><dt className="font-semibold">Tool</dt><dd>{request.software ? <Link href={`/software/${request.software.slug}`}>{request.software.name}</Link> : "—"}{request.edition ? ` ${request.edition.name}` : ""}</dd></div>
                <div><dt className="font-semibold">Data</dt><dd>{request.dataClass ? settings.dataClassLabels[request.dataClass] : "—"}</dd></div>
                <div><dt className="font-semibold">Until</dt><dd>{request.endsOn}{request.approvedEndsOn && request.approvedEndsOn !== request.endsOn ? ` (approved through ${request.approvedEndsOn})` : ""}</dd></div>
              </>
            ) : (
              <>
                <div><dt className="font-semibold">Tool</dt><dd>{request.proposedName}{request.proposedUrl && <> · <a href={request.proposedUrl} rel="noopener noreferrer nofollow" target="_blank">{request.proposedUrl}</a></>}</dd></div>
                <div><dt className="font-semibold">People asking</dt><dd data-testid="demand">{1 + request.supporters.length}</dd></div>
              </>
            )}
            <div className="sm:col-span-2"><dt className="font-semibold">Purpose</dt><dd>{request.purpose}</dd></div>
            <div className="sm:col-span-2"><dt className="font-semibold">Justification</dt><dd className="whitespace-pre-line">{request.justification}</dd></div>
          </dl>
        </section>

        <aside className="card space-y-3 text-sm" aria-labelledby="tool-risk">
          <h2 id="tool-risk" className="text-lg font-semibold">The tool now</h2>
          {request.software ? (
            <>
              <p>Classification: <StatusBadge status={classification?.status ?? null} /></p>
              {classification?.conditions && classification.conditions.length > 0 && <p>Conditions: {classification.conditions.join("; ")}</p>}
              <p>
                Risk:{" "}
                {request.assessment?.inherentTier ? (
                  <>inherent <LevelBadge level={request.assessment.inherentTier} />{request.assessment.residualTier && <> · residual <LevelBadge level={request.assessment.residualTier} /></>} <span className="text-slate-500">(assessed {day(request.assessment.completedAt)})</span></>
                ) : "not assessed yet"}
              </p>
            </>
          ) : (
            <p>Not in the catalogue yet.</p>
          )}
        </aside>
      </div>

      {grant && (
        <section className="card space-y-2 text-sm" aria-labelledby="grant" data-testid="grant">
          <h2 id="grant" className="text-lg font-semibold">Grant</h2>
          <p>
            {grant.revokedAt ? <>Revoked on {day(grant.revokedAt)}: {grant.revokeReason}</>
              : grant.endsAt <= at ? <>{ended ?? "Ended"}: it was valid through {grant.endsOn}.</>
              : <>Valid through <strong>{grant.endsOn}</strong> for {settings.dataClassLabels[grant.dataClass]} data.</>}
          </p>
          {grant.conditions.length > 0 && <ul className="ml-5 list-disc">{grant.conditions.map((c) => <li key={c}>{c}</li>)}</ul>}
          {can(user.role, "grant.revoke") && !grant.revokedAt && grant.endsAt > at && <RevokeGrantForm grantId={grant.id} label="this grant" />}
        </section>
      )}

      {decision?.allowed && (
        <section className="card space-y-3" aria-labelledby="decide">
          <h2 id="decide" className="text-lg font-semibold">Your decision</h2>
          <DecisionForm
            requestId={request.id}
            status={request.status}
            securityApproval={request.status === "awaiting_security" && request.kind === "exception"}
            endsOn={request.endsOn}
          />
        </section>
      )}

      {request.kind === "new_software" && isOpen(request.status) && request.requesterId !== user.id && !supporterIds.includes(user.id) && (
        <section className="card space-y-3" aria-labelledby="join">
          <h2 id="join" className="text-lg font-semibold">Need it too?</h2>
          <JoinRequestForm requestId={request.id} />
        </section>
      )}

      <section className="space-y-3" aria-labelledby="timeline">
        <h2 id="timeline" className="text-lg font-semibold">Timeline</h2>
        <ol className="space-y-2 text-sm">
          {request.events.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3" data-testid="request-event" data-kind={e.kind}>
              <span className="text-slate-500">{e.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>{" "}
              {e.actor ? <strong>{e.actor.name}</strong> : null} {EVENT_LABELS[e.kind] ?? e.kind}
              {e.body && <p className="whitespace-pre-line text-slate-700">{e.body}</p>}
            </li>
          ))}
        </ol>
        <CommentForm requestId={request.id} />
        {request.requesterId === user.id && isOpen(request.status) && <WithdrawForm requestId={request.id} />}
      </section>
    </article>
  );
}
