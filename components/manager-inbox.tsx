import Link from "next/link";
import { REQUEST_KIND_LABELS } from "@/lib/domain/requests";
import { headlineByEdition, headlineLeadStatus } from "@/lib/domain/headline";
import { mainRisksText } from "@/lib/domain/risk-summary";
import type { RiskSummary } from "@/lib/queries/inbox";
import type { RequestListItem } from "@/lib/queries/requests";
import { HeadlineBadge } from "./badges";
import { InboxDecisions, InPlaceDecision } from "./inbox-decision";
import { LevelBadge } from "./risk-breakdown";

/** The tool's answer, assessed tier and main risks, in one line. */
function RiskLine({ summary }: { summary: RiskSummary | undefined }) {
  if (!summary) return null;
  const { headline, assessment } = summary;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700" data-testid="risk-summary">
      <HeadlineBadge status={headlineLeadStatus(headline)} byEdition={headlineByEdition(headline)} />
      {assessment ? (
        <>
          <span>
            · Assessed{assessment.editionName ? ` (${assessment.editionName})` : ""}: <LevelBadge level={assessment.tier} /> risk
          </span>
          <span>· Main risks: {mainRisksText(assessment.risks)}</span>
        </>
      ) : (
        <span>· Not assessed yet</span>
      )}
    </p>
  );
}

/**
 * The manager's inbox: each direct report's request with what it asks, the tool's risk in one
 * line, and the decision in place. Stacked rows, so it reads the same at any width.
 */
export function ManagerInbox({ items, summaries, now }: { items: RequestListItem[]; summaries: Map<string, RiskSummary>; now: Date }) {
  return (
    <InboxDecisions>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing waiting for you from your team.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {items.map((r) => {
            const tool = r.softwareName ?? r.proposedName ?? "a tool";
            const overdue = r.stepDueAt !== null && r.stepDueAt < now;
            return (
              <li key={r.id} data-testid="request-row" className="space-y-2 p-3">
                <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <Link href={`/requests/${r.id}`} className="font-semibold">
                    {r.number} · {REQUEST_KIND_LABELS[r.kind]}
                  </Link>
                  <span>
                    {r.softwareSlug ? <Link href={`/software/${r.softwareSlug}`}>{tool}</Link> : tool} for {r.requesterName}
                  </span>
                  {r.stepDueAt && (
                    <span className="text-slate-600">
                      · due {r.stepDueAt.toISOString().slice(0, 10)}
                      {overdue && <strong className="text-red-700"> overdue</strong>}
                    </span>
                  )}
                </p>
                <RiskLine summary={summaries.get(r.id)} />
                <p className="text-sm text-slate-600">
                  <span className="font-medium text-slate-700">Purpose:</span> {r.purpose}
                </p>
                <InPlaceDecision requestId={r.id} status={r.status} number={r.number} tool={tool} />
              </li>
            );
          })}
        </ul>
      )}
    </InboxDecisions>
  );
}
