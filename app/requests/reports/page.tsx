import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/badges";
import { RequestNav } from "@/components/request-nav";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { REQUEST_STATUS_LABELS } from "@/lib/domain/requests";
import type { Status } from "@/lib/domain/vocabulary";
import { AGE_BUCKETS, getRequestReports } from "@/lib/queries/request-reports";
import { getSettings } from "@/lib/queries/settings";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Request reports" };

function duration(hours: number | null): string {
  if (hours === null) return "—";
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

export default async function RequestReportsPage() {
  const user = await requirePermission("grants.read");
  const db = await getDb();
  const [report, settings] = await Promise.all([getRequestReports(db, now()), getSettings(db)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Requests</h1>
      <RequestNav role={user.role} current="reports" />

      <section className="space-y-3" aria-labelledby="open">
        <h2 id="open" className="text-lg font-semibold">Open requests by step and age</h2>
        <TableScroll label="Open requests by step and age">
        <table className="w-full max-w-3xl text-left text-sm" aria-labelledby="open">
          <thead className="text-slate-600"><tr><th scope="col" className="py-1 pr-3">Step</th>{AGE_BUCKETS.map((b) => <th key={b} scope="col" className="py-1 pr-3">{b}</th>)}</tr></thead>
          <tbody className="divide-y divide-slate-100">
            {report.openByStepAndAge.map((row) => (
              <tr key={row.status}><th scope="row" className="py-1 pr-3 font-medium">{REQUEST_STATUS_LABELS[row.status]}</th>{row.counts.map((n, i) => <td key={i} className="py-1 pr-3">{n}</td>)}</tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </section>

      <section className="space-y-3" aria-labelledby="times">
        <h2 id="times" className="text-lg font-semibold">How long decisions take (last 90 days)</h2>
        <TableScroll label="How long decisions take">
        <table className="w-full max-w-3xl text-left text-sm" aria-labelledby="times" data-testid="decision-times">
          <thead className="text-slate-600"><tr><th scope="col" className="py-1 pr-3">Step</th><th scope="col" className="py-1 pr-3">Decided</th><th scope="col" className="py-1 pr-3">Median</th><th scope="col" className="py-1">90th percentile</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {report.decisionTimes.map((t) => (
              <tr key={t.step}><th scope="row" className="py-1 pr-3 font-medium">{t.step === "manager" ? "Manager" : t.step === "security" ? "Security" : "Asked to final decision"}</th><td className="py-1 pr-3">{t.decided}</td><td className="py-1 pr-3">{duration(t.medianHours)}</td><td className="py-1">{duration(t.p90Hours)}</td></tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </section>

      <section className="space-y-3" aria-labelledby="wanted">
        <h2 id="wanted" className="text-lg font-semibold">Most requested tools that are not approved (last 180 days)</h2>
        {report.mostRequested.length === 0 ? <p className="text-sm text-slate-600">No requests yet.</p> : (
          <ol className="ml-5 list-decimal space-y-1 text-sm" data-testid="most-requested">
            {report.mostRequested.map((t) => (
              <li key={`${t.slug ?? ""}${t.name}`}>
                {t.slug ? <Link href={`/software/${t.slug}`}>{t.name}</Link> : <>{t.name} <span className="text-slate-500">(not in the catalogue)</span></>}{" "}
                {t.slug && <StatusBadge status={t.status as Status | null} />} · {t.people} {t.people === 1 ? "person" : "people"} in {t.requests} request{t.requests === 1 ? "" : "s"}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="ending">
        <h2 id="ending" className="text-lg font-semibold">Exceptions ending in the next 30 days</h2>
        {report.expiringSoon.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
          <ul className="space-y-1 text-sm">
            {report.expiringSoon.map((g) => (
              <li key={g.id}>{g.holderName}: <Link href={`/requests/${g.requestId}`}>{g.softwareName}</Link> for {settings.dataClassLabels[g.dataClass]} data, through {g.endsOn}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
