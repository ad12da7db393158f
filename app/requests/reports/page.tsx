import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/badges";
import { RequestNav } from "@/components/request-nav";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { dayAsDate } from "@/lib/domain/requests";
import type { Status } from "@/lib/domain/vocabulary";
import { AGE_BUCKETS, getRequestReports } from "@/lib/queries/request-reports";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.titles");
  return { title: t("reports") };
}

export default async function RequestReportsPage() {
  const user = await requirePermission("grants.read");
  const db = await getDb();
  const [report, t, tv, format] = await Promise.all([getRequestReports(db, now()), getTranslations("requests"), getTranslations("vocabulary"), getFormatter()]);
  const oneDecimal = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const duration = (hours: number | null): string => {
    if (hours === null) return "—";
    return hours < 48 ? t("reports.hours", { hours: oneDecimal(hours) }) : t("reports.days", { days: oneDecimal(hours / 24) });
  };
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <RequestNav role={user.role} current="reports" />

      <section className="space-y-3" aria-labelledby="open">
        <h2 id="open" className="text-lg font-semibold">{t("reports.openHeading")}</h2>
        <TableScroll label={t("reports.openHeading")}>
        <table className="w-full max-w-3xl text-left text-sm" aria-labelledby="open">
          <thead className="text-slate-600"><tr><th scope="col" className="py-1 pr-3">{t("reports.step")}</th>{AGE_BUCKETS.map((b, i) => <th key={b} scope="col" className="py-1 pr-3">{t("reports.ageBucket", { bucket: i })}</th>)}</tr></thead>
          <tbody className="divide-y divide-slate-100">
            {report.openByStepAndAge.map((row) => (
              <tr key={row.status}><th scope="row" className="py-1 pr-3 font-medium">{tv(`requestStatus.${row.status}`)}</th>{row.counts.map((n, i) => <td key={i} className="py-1 pr-3">{format.number(n)}</td>)}</tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </section>

      <section className="space-y-3" aria-labelledby="times">
        <h2 id="times" className="text-lg font-semibold">{t("reports.timesHeading")}</h2>
        <TableScroll label={t("reports.timesLabel")}>
        <table className="w-full max-w-3xl text-left text-sm" aria-labelledby="times" data-testid="decision-times">
          <thead className="text-slate-600"><tr><th scope="col" className="py-1 pr-3">{t("reports.step")}</th><th scope="col" className="py-1 pr-3">{t("reports.decided")}</th><th scope="col" className="py-1 pr-3">{t("reports.median")}</th><th scope="col" className="py-1">{t("reports.p90")}</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {report.decisionTimes.map((d) => (
              <tr key={d.step}><th scope="row" className="py-1 pr-3 font-medium">{t("reports.decisionStep", { step: d.step })}</th><td className="py-1 pr-3">{format.number(d.decided)}</td><td className="py-1 pr-3">{duration(d.medianHours)}</td><td className="py-1">{duration(d.p90Hours)}</td></tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </section>

      <section className="space-y-3" aria-labelledby="wanted">
        <h2 id="wanted" className="text-lg font-semibold">{t("reports.wantedHeading")}</h2>
        {report.mostRequested.length === 0 ? <p className="text-sm text-slate-600">{t("reports.noRequests")}</p> : (
          <ol className="ml-5 list-decimal space-y-1 text-sm" data-testid="most-requested">
            {report.mostRequested.map((w) => (
              <li key={`${w.slug ?? ""}${w.name}`}>
                {w.slug ? <Link href={`/software/${w.slug}`}>{w.name}</Link> : <>{w.name} <span className="text-slate-500">{t("reports.notInCatalogue")}</span></>}{" "}
                {w.slug && <StatusBadge status={w.status as Status | null} />} {t("reports.demand", { people: w.people, requests: w.requests })}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="ending">
        <h2 id="ending" className="text-lg font-semibold">{t("reports.endingHeading")}</h2>
        {report.expiringSoon.length === 0 ? <p className="text-sm text-slate-600">{t("reports.none")}</p> : (
          <ul className="space-y-1 text-sm">
            {report.expiringSoon.map((g) => (
              <li key={g.id}>
                {t.rich("reports.endingLine", {
                  holder: g.holderName,
                  tool: g.softwareName,
                  dataClass: tv(`dataClass.${g.dataClass}`),
                  date: format.dateTime(dayAsDate(g.endsOn), "day"),
                  link: (chunks) => <Link href={`/requests/${g.requestId}`}>{chunks}</Link>,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
