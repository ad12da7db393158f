import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/badges";
import { SoftwareCountCharts } from "@/components/dashboard-charts";
import { DashboardList, HeatMapTable } from "@/components/dashboard-panels";
import { LevelBadge } from "@/components/risk-breakdown";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import type { AssessmentStatus } from "@/lib/domain/assessment";
import { can } from "@/lib/domain/policy";
import { getDashboard } from "@/lib/queries/dashboard";
import { today as clockToday } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("metaTitle") };
}

// No loading.tsx here: streaming would answer 200 before requirePermission could answer 403.
export default async function DashboardPage() {
  const user = await requirePermission("dashboard.read");
  const today = clockToday();
  const dashboard = await getDashboard(await getDb(), today);
  const [t, ta, format] = await Promise.all([getTranslations("dashboard"), getTranslations("assessments.status"), getFormatter()]);
  /** A calendar day (YYYY-MM-DD or a moment) in the reader's language. */
  const day = (value: string | Date) => format.dateTime(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value, "day");
  // Admins read the dashboard but neither edit assessments nor decide: their links go to the public pages.
  const reviewer = can(user.role, "assessment.write");
  const decider = can(user.role, "classification.decide");
  const queue = reviewer ? { href: "/manage/queue", label: t("queueMore") } : undefined;
  const software = (slug: string, name: string, edition: string | null, manage = false) => (
    <Link href={manage ? `/manage/software/${slug}` : `/software/${slug}`}>{name}{edition ? ` ${edition}` : ""}</Link>
  );

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-sm text-slate-600" data-testid="dashboard-summary">
          {t("summary", { total: dashboard.software.total, assessments: dashboard.heatMap.assessments })}
        </p>
        {queue && <Link href={queue.href} className="ml-auto">{t("queueLink")}</Link>}
      </div>

      <SoftwareCountCharts byStatus={dashboard.software.byStatus} byTier={dashboard.software.byTier} total={dashboard.software.total} />

      <HeatMapTable heatMap={dashboard.heatMap} />

      <div className="grid gap-6 lg:grid-cols-2">
        <DashboardList title={t("overdue.title")} testId="dashboard-overdue" items={dashboard.overdueReassessments} empty={t("overdue.empty")} more={queue}
          render={(r) => (
            <li key={r.assessmentId}>
              {software(r.softwareSlug, r.softwareName, r.editionName)} <LevelBadge level={r.tier} /> ·{" "}
              <span className="font-semibold text-red-700">{t("overdue.since", { date: day(r.dueOn) })}</span>
              {reviewer && <> · <Link href={`/manage/assessments/${r.assessmentId}`}>{t("overdue.lastAssessment")}</Link></>}
            </li>
          )}
        />
        <DashboardList title={t("inProgress.title")} testId="dashboard-in-progress" items={dashboard.inProgress} empty={t("inProgress.empty")} more={queue}
          render={(a) => (
            <li key={a.id}>
              {reviewer
                ? <Link href={`/manage/assessments/${a.id}`}>{a.softwareName}{a.editionName ? ` ${a.editionName}` : ""}</Link>
                : software(a.softwareSlug, a.softwareName, a.editionName)}{" "}
              · {ta(a.status as AssessmentStatus)} · {a.assignee ?? t("inProgress.unassigned")}
            </li>
          )}
        />
        <DashboardList title={t("confirmations.title")} testId="dashboard-confirmations" items={dashboard.awaitingConfirmation} empty={t("confirmations.empty")} more={queue}
          render={(c) => (
            <li key={c.id}>
              {software(c.softwareSlug, c.softwareName, c.editionName, decider)} <StatusBadge status={c.status} /> {t("confirmations.proposedBy", { name: c.proposedBy })} · {c.reason}
            </li>
          )}
        />
        <DashboardList title={t("recent.title")} testId="dashboard-recent" items={dashboard.recentDecisions} counted={false} empty={t("recent.empty")}
          render={(d) => (
            <li key={d.id}>
              {software(d.softwareSlug, d.softwareName, d.editionName)} <StatusBadge status={d.status} /> · {d.decidedBy}, {day(d.decidedAt)}
              {d.pending ? <span className="text-amber-800"> · {t("recent.awaiting")}</span> : d.confirmedBy ? <> · {t("recent.confirmedBy", { name: d.confirmedBy })}</> : null}
            </li>
          )}
        />
      </div>
    </div>
  );
}
