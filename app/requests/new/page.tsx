import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExceptionRequestForm, NewSoftwareRequestForm } from "@/components/request-forms";
import { RequestContext } from "@/components/request-context";
import { expectedSteps, typicalDecisionTime, TYPICAL_DECISION_WINDOW_DAYS } from "@/lib/domain/request-expectations";
import { recentDecisionDurations } from "@/lib/queries/requests";
import { answersForSoftware } from "@/lib/services/verdicts";
import { requirePermission } from "@/lib/auth/require";
import { now, today } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { addDays, dayAsDate } from "@/lib/domain/requests";
import { getSettings } from "@/lib/queries/settings";
import { getSoftwareBySlug } from "@/lib/queries/software";
import { NewRequestQuery } from "@/lib/validation/requests";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.titles");
  return { title: t("new") };
}

/** Ask for an exception (`?software=slug`) or for a review of a new tool (`?name=…`). */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("request.create");
  const parsed = NewRequestQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const db = await getDb();
  // A fresh key per rendering of the form: sending it twice makes one request.
  const idempotencyKey = randomUUID();
  const t = await getTranslations("requests.new");

  if (query.software) {
    const at = now();
    const [detail, settings, durations] = await Promise.all([
      getSoftwareBySlug(db, query.software),
      getSettings(db),
      recentDecisionDurations(db, at, TYPICAL_DECISION_WINDOW_DAYS),
    ]);
    if (!detail) notFound();
    const from = today();
    const latest = addDays(from, settings.requests.maxExceptionDays);
    const format = await getFormatter();
    // The classification in force for the edition asked about, or for each edition.
    const answers = answersForSoftware(detail, at);
    const asked = answers.filter((a) => a.editionId === query.edition);
    const scopes = (asked.length > 0 ? asked : answers).map((a) => ({
        editionName: a.editionName,
        status: a.decision?.status ?? null,
        conditions: a.decision?.conditions ?? [],
        alternatives: (a.decision?.alternatives ?? []).map(({ alternative }) => alternative),
      }));
    return (
      <div className="max-w-3xl space-y-6">
        <p><Link href={`/software/${detail.slug}`}>← {detail.name}</Link></p>
        <h1 className="text-2xl font-bold">{t("exceptionHeading", { tool: detail.name })}</h1>
        <p className="text-slate-600">
          {user.managerId ? t("managerFirst") : t("securityOnly")} {t("ifApproved", { tool: detail.name })}
        </p>
        <RequestContext
          toolName={detail.name}
          scopes={scopes}
          steps={expectedSteps(settings.requests, { hasManager: user.managerId !== null, prohibited: scopes.some((s) => s.status === "prohibited") })}
          typical={typicalDecisionTime(durations)}
          windowDays={TYPICAL_DECISION_WINDOW_DAYS}
          now={at}
        />
        <ExceptionRequestForm
          idempotencyKey={idempotencyKey}
          software={{ id: detail.id, name: detail.name }}
          editions={detail.editions.map((e) => ({ id: e.id, name: e.name }))}
          dataClass={query.dataClass}
          editionId={query.edition}
          today={from}
          latest={latest}
          latestText={format.dateTime(dayAsDate(latest), "day")}
          maxDays={settings.requests.maxExceptionDays}
        />
      </div>
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("newToolHeading")}</h1>
      <p className="text-slate-600">{t("newToolIntro")}</p>
      <NewSoftwareRequestForm idempotencyKey={idempotencyKey} name={query.name ?? ""} />
    </div>
  );
}
