import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/badges";
import { SoftwareCountCharts } from "@/components/dashboard-charts";
import { DashboardList, HeatMapTable } from "@/components/dashboard-panels";
import { LevelBadge } from "@/components/risk-breakdown";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { getDashboard } from "@/lib/queries/dashboard";
import { today as clockToday } from "@/lib/clock";

export const metadata: Metadata = { title: "Reviewer dashboard" };

// No loading.tsx here: streaming would answer 200 before requirePermission could answer 403.
export default async function DashboardPage() {
  const user = await requirePermission("dashboard.read");
  const today = clockToday();
  const dashboard = await getDashboard(await getDb(), today);
  // Admins read the dashboard but neither edit assessments nor decide: their links go to the public pages.
  const reviewer = can(user.role, "assessment.write");
  const decider = can(user.role, "classification.decide");
  const queue = reviewer ? { href: "/manage/queue", label: "the review queue" } : undefined;
  const software = (slug: string, name: string, edition: string | null, manage = false) => (
    <Link href={manage ? `/manage/software/${slug}` : `/software/${slug}`}>{name}{edition ? ` ${edition}` : ""}</Link>
  );

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-bold">Reviewer dashboard</h1>
        <p className="text-sm text-slate-600" data-testid="dashboard-summary">
          {dashboard.software.total} software in the catalogue · {dashboard.heatMap.assessments} current assessments
        </p>
        {queue && <Link href={queue.href} className="ml-auto">Review queue</Link>}
      </div>

      <SoftwareCountCharts byStatus={dashboard.software.byStatus} byTier={dashboard.software.byTier} total={dashboard.software.total} />

      <HeatMapTable heatMap={dashboard.heatMap} />

      <div className="grid gap-6 lg:grid-cols-2">
        <DashboardList title="Overdue reassessments" testId="dashboard-overdue" items={dashboard.overdueReassessments} empty="Nothing overdue." more={queue}
          render={(r) => (
            <li key={r.assessmentId}>
              {software(r.softwareSlug, r.softwareName, r.editionName)} <LevelBadge level={r.tier} /> ·{" "}
              <span className="font-semibold text-red-700">overdue since {r.dueOn}</span>
              {reviewer && <> · <Link href={`/manage/assessments/${r.assessmentId}`}>last assessment</Link></>}
            </li>
          )}
        />
        <DashboardList title="Assessments in progress" testId="dashboard-in-progress" items={dashboard.inProgress} empty="No assessments in progress." more={queue}
          render={(a) => (
            <li key={a.id}>
              {reviewer
                ? <Link href={`/manage/assessments/${a.id}`}>{a.softwareName}{a.editionName ? ` ${a.editionName}` : ""}</Link>
                : software(a.softwareSlug, a.softwareName, a.editionName)}{" "}
              · {a.status.replace("_", " ")} · {a.assignee ?? "unassigned"}
            </li>
          )}
        />
        <DashboardList title="Decisions awaiting a second reviewer" testId="dashboard-confirmations" items={dashboard.awaitingConfirmation} empty="No decisions awaiting a second reviewer." more={queue}
          render={(c) => (
            <li key={c.id}>
              {software(c.softwareSlug, c.softwareName, c.editionName, decider)} <StatusBadge status={c.status} /> proposed by {c.proposedBy} · {c.reason}
            </li>
          )}
        />
        <DashboardList title="Recent decisions" testId="dashboard-recent" items={dashboard.recentDecisions} counted={false} empty="No decisions recorded yet."
          render={(d) => (
            <li key={d.id}>
              {software(d.softwareSlug, d.softwareName, d.editionName)} <StatusBadge status={d.status} /> · {d.decidedBy}, {d.decidedAt.toISOString().slice(0, 10)}
              {d.pending ? <span className="text-amber-800"> · awaiting a second reviewer</span> : d.confirmedBy ? <> · confirmed by {d.confirmedBy}</> : null}
            </li>
          )}
        />
      </div>
    </div>
  );
}
