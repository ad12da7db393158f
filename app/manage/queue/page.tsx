import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/badges";
import { LevelBadge } from "@/components/risk-breakdown";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { getReviewQueue } from "@/lib/queries/review-queue";
import { today as clockToday } from "@/lib/clock";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  await requirePermission("assessment.write");
  const today = clockToday();
  const queue = await getReviewQueue(await getDb(), today);
  const due = (date: string) => (date < today ? <span className="font-semibold text-red-700">overdue since {date}</span> : <span>due {date}</span>);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <p className="text-sm text-slate-600">Everything due within 30 days or overdue, oldest first.</p>

      <QueueSection title="Decisions awaiting a second reviewer" testId="queue-confirmations" empty="None.">
        {queue.awaitingConfirmation.map((c) => (
          <li key={`${c.softwareSlug}-${c.decidedAt}`}>
            <Link href={`/manage/software/${c.softwareSlug}`}>{c.softwareName}</Link> <StatusBadge status={c.status} /> proposed by {c.proposedBy} · {c.reason}
          </li>
        ))}
      </QueueSection>

      <QueueSection title="Assessments in progress" testId="queue-in-progress" empty="None.">
        {queue.inProgress.map((a) => (
          <li key={a.id}>
            <Link href={`/manage/assessments/${a.id}`}>{a.softwareName}{a.editionName ? ` ${a.editionName}` : ""}</Link> · {a.status.replace("_", " ")} · {a.assignee ?? "unassigned"}
          </li>
        ))}
      </QueueSection>

      <QueueSection title="Due for reassessment" testId="queue-reassessments" empty="Nothing due.">
        {queue.reassessmentsDue.map((r) => (
          <li key={`${r.softwareSlug}-${r.editionName}`}>
            <Link href={`/manage/software/${r.softwareSlug}`}>{r.softwareName}{r.editionName ? ` ${r.editionName}` : ""}</Link> <LevelBadge level={r.tier} /> · {due(r.dueOn)}
          </li>
        ))}
      </QueueSection>

      <QueueSection title="Evidence expired or expiring" testId="queue-evidence" empty="Nothing expiring.">
        {queue.evidenceExpiring.map((e) => (
          <li key={e.id}>
            {e.vendorSlug ? <Link href={`/vendors/${e.vendorSlug}`}>{e.vendorName}</Link> : <Link href={`/manage/assessments/${e.assessmentId}`}>{e.softwareName} assessment</Link>} · {e.title} ·{" "}
            {e.expiresOn < today ? <span className="font-semibold text-red-700">expired {e.expiresOn}</span> : <span>expires {e.expiresOn}</span>}
          </li>
        ))}
      </QueueSection>

      <QueueSection title="Decisions due for review" testId="queue-decisions" empty="Nothing due.">
        {queue.decisionsDue.map((d) => (
          <li key={`${d.softwareSlug}-${d.editionName}`}>
            <Link href={`/manage/software/${d.softwareSlug}`}>{d.softwareName}{d.editionName ? ` ${d.editionName}` : ""}</Link> <StatusBadge status={d.status} /> · {due(d.dueOn)}
          </li>
        ))}
      </QueueSection>
    </div>
  );
}

function QueueSection({ title, testId, empty, children }: { title: string; testId: string; empty: string; children: ReactNode[] }) {
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2 className="mb-2 text-lg font-semibold">{title} ({children.length})</h2>
      {children.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : <ul className="space-y-1 text-sm">{children}</ul>}
    </section>
  );
}
