import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/badges";
import { LevelBadge } from "@/components/risk-breakdown";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { getReviewQueue } from "@/lib/queries/review-queue";
import { today as clockToday } from "@/lib/clock";
import type { AssessmentStatus } from "@/lib/domain/assessment";
import { DUE_SOON_DAYS } from "@/lib/domain/work-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.queue");
  return { title: t("title") };
}

export default async function ReviewQueuePage() {
  await requirePermission("assessment.write");
  const today = clockToday();
  const queue = await getReviewQueue(await getDb(), today);
  const [t, status, format] = await Promise.all([getTranslations("catalogue.queue"), getTranslations("catalogue.assessmentStatus"), getFormatter()]);
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), "day");
  const due = (date: string) =>
    date < today ? <span className="font-semibold text-red-700">{t("overdueSince", { date: day(date) })}</span> : <span>{t("due", { date: day(date) })}</span>;
  const section = (title: string, count: number) => t("section", { title, count });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { days: DUE_SOON_DAYS })}</p>

      <QueueSection title={t("awaitingConfirmation")} heading={section(t("awaitingConfirmation"), queue.awaitingConfirmation.length)} testId="queue-confirmations" empty={t("none")}>
        {queue.awaitingConfirmation.map((c) => (
          <li key={`${c.softwareSlug}-${c.decidedAt}`}>
            <Link href={`/manage/software/${c.softwareSlug}`}>{c.softwareName}</Link> <StatusBadge status={c.status} /> {t("proposedBy", { name: c.proposedBy })} · {c.reason}
          </li>
        ))}
      </QueueSection>

      <QueueSection title={t("inProgress")} heading={section(t("inProgress"), queue.inProgress.length)} testId="queue-in-progress" empty={t("none")}>
        {queue.inProgress.map((a) => (
          <li key={a.id}>
            <Link href={`/manage/assessments/${a.id}`}>{a.softwareName}{a.editionName ? ` ${a.editionName}` : ""}</Link> · {status(a.status as AssessmentStatus)} · {a.assignee ?? t("unassigned")}
          </li>
        ))}
      </QueueSection>

      <QueueSection title={t("reassessments")} heading={section(t("reassessments"), queue.reassessmentsDue.length)} testId="queue-reassessments" empty={t("nothingDue")}>
        {queue.reassessmentsDue.map((r) => (
          <li key={`${r.softwareSlug}-${r.editionName}`}>
            <Link href={`/manage/software/${r.softwareSlug}`}>{r.softwareName}{r.editionName ? ` ${r.editionName}` : ""}</Link> <LevelBadge level={r.tier} /> · {due(r.dueOn)}
          </li>
        ))}
      </QueueSection>

      <QueueSection title={t("evidence")} heading={section(t("evidence"), queue.evidenceExpiring.length)} testId="queue-evidence" empty={t("nothingExpiring")}>
        {queue.evidenceExpiring.map((e) => (
          <li key={e.id}>
            {e.vendorSlug ? <Link href={`/vendors/${e.vendorSlug}`}>{e.vendorName}</Link> : <Link href={`/manage/assessments/${e.assessmentId}`}>{t("assessmentOf", { name: e.softwareName ?? "" })}</Link>} · {e.title} ·{" "}
            {e.expiresOn < today ? (
              <span className="font-semibold text-red-700">{t("expired", { date: day(e.expiresOn) })}</span>
            ) : (
              <span>{t("expires", { date: day(e.expiresOn) })}</span>
            )}
          </li>
        ))}
      </QueueSection>

      <QueueSection title={t("decisions")} heading={section(t("decisions"), queue.decisionsDue.length)} testId="queue-decisions" empty={t("nothingDue")}>
        {queue.decisionsDue.map((d) => (
          <li key={`${d.softwareSlug}-${d.editionName}`}>
            <Link href={`/manage/software/${d.softwareSlug}`}>{d.softwareName}{d.editionName ? ` ${d.editionName}` : ""}</Link> <StatusBadge status={d.status} /> · {due(d.dueOn)}
          </li>
        ))}
      </QueueSection>
    </div>
  );
}

function QueueSection({ title, heading, testId, empty, children }: { title: string; heading: string; testId: string; empty: string; children: ReactNode[] }) {
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2 className="mb-2 text-lg font-semibold">{heading}</h2>
      {children.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : <ul className="space-y-1 text-sm">{children}</ul>}
    </section>
  );
}
