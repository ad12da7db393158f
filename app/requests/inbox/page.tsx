import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ManagerInbox } from "@/components/manager-inbox";
import { RequestNav } from "@/components/request-nav";
import { RequestTable } from "@/components/request-table";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { riskSummaries } from "@/lib/queries/inbox";
import { listManagerInbox, listSecurityQueue } from "@/lib/queries/requests";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.titles");
  return { title: t("inbox") };
}

/** The manager's inbox (direct reports' requests) and, for reviewers, the security queue. */
export default async function InboxPage() {
  const user = await requirePermission("request.decide");
  const db = await getDb();
  const at = now();
  const [reports, security] = await Promise.all([listManagerInbox(db, user.id), user.role === "reviewer" ? listSecurityQueue(db) : Promise.resolve(null)]);
  const [summaries, t] = await Promise.all([riskSummaries(db, reports, at), getTranslations("requests")]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <RequestNav role={user.role} current="inbox" />
      <section className="space-y-3" aria-labelledby="team" data-testid="manager-inbox">
        <h2 id="team" className="text-lg font-semibold">{t("inbox.fromTeam", { count: reports.length })}</h2>
        <ManagerInbox items={reports} summaries={summaries} now={at} />
      </section>
      {security && (
        <section className="space-y-3" aria-labelledby="security" data-testid="security-queue">
          <h2 id="security" className="text-lg font-semibold">{t("inbox.securityQueue", { count: security.length })}</h2>
          <p className="text-sm text-slate-600">{t("inbox.securityOrder")}</p>
          <RequestTable items={security} now={at} empty={t("inbox.securityEmpty")} />
        </section>
      )}
    </div>
  );
}
