import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { headlineByEdition, headlineLeadStatus } from "@/lib/domain/headline";
import type { MainRisk } from "@/lib/domain/risk-summary";
import type { RiskSummary } from "@/lib/queries/inbox";
import type { RequestListItem } from "@/lib/queries/requests";
import { HeadlineBadge } from "./badges";
import { InboxDecisions, InPlaceDecision } from "./inbox-decision";
import { LevelBadge } from "./risk-breakdown";

/** The tool's answer, assessed tier and main risks, in one line. */
async function RiskLine({ summary }: { summary: RiskSummary | undefined }) {
  if (!summary) return null;
  const [t, tr, tv] = await Promise.all([getTranslations("requests.inbox"), getTranslations("ui.risk"), getTranslations("vocabulary")]);
  const { headline, assessment } = summary;
  // "Access and autonomy (critical), data exposure (high)": the first dimension capitalised, as a sentence starts.
  const risksText = (risks: MainRisk[]) =>
    risks.length === 0
      ? tr("noMainRisk")
      : risks
          .map((r, i) => {
            const dimension = tv(`dimension.${r.dimension}`);
            return tr("mainRisk", { dimension: i === 0 ? dimension : dimension.toLowerCase(), level: tv(`level.${r.level}`).toLowerCase() });
          })
          .join(tv("listComma"));
  const level = () => <LevelBadge level={assessment!.tier} />;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700" data-testid="risk-summary">
      <HeadlineBadge status={headlineLeadStatus(headline)} byEdition={headlineByEdition(headline)} />
      {assessment ? (
        <>
          <span>
            {assessment.editionName ? t.rich("assessedEdition", { edition: assessment.editionName, level }) : t.rich("assessed", { level })}
          </span>
          <span>{t("mainRisks", { risks: risksText(assessment.risks) })}</span>
        </>
      ) : (
        <span>{t("notAssessed")}</span>
      )}
    </p>
  );
}

/**
 * The manager's inbox: each direct report's request with what it asks, the tool's risk in one
 * line, and the decision in place. Stacked rows, so it reads the same at any width.
 */
export async function ManagerInbox({ items, summaries, now }: { items: RequestListItem[]; summaries: Map<string, RiskSummary>; now: Date }) {
  const [t, tv, format] = await Promise.all([getTranslations("requests.inbox"), getTranslations("vocabulary.requestKind"), getFormatter()]);
  return (
    <InboxDecisions>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("nothingWaiting")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {items.map((r) => {
            const tool = r.softwareName ?? r.proposedName ?? t("aTool");
            const overdue = r.stepDueAt !== null && r.stepDueAt < now;
            return (
              <li key={r.id} data-testid="request-row" className="space-y-2 p-3">
                <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <Link href={`/requests/${r.id}`} className="font-semibold">
                    {r.number} · {tv(r.kind)}
                  </Link>
                  <span>
                    {t.rich("forPerson", { tool, name: r.requesterName, link: (chunks) => (r.softwareSlug ? <Link href={`/software/${r.softwareSlug}`}>{chunks}</Link> : chunks) })}
                  </span>
                  {r.stepDueAt && (
                    <span className="text-slate-600">
                      {t("due", { date: format.dateTime(r.stepDueAt, "day") })}
                      {overdue && <strong className="text-red-700">{t("overdue")}</strong>}
                    </span>
                  )}
                </p>
                <RiskLine summary={summaries.get(r.id)} />
                <p className="text-sm text-slate-600">
                  <span className="font-medium text-slate-700">{t("purpose")}</span> {r.purpose}
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
