import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AuditFilters, AuditList } from "@/components/audit-list";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listAudit, listAuditActors } from "@/lib/queries/audit";
import { getAuditChainView } from "@/lib/services/audit-chain";
import { AuditFilterQuery } from "@/lib/validation/audit";

const LIMIT = 100;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit.page");
  return { title: t("title") };
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.verify");
  const params = await searchParams;
  const loggedLine = typeof params.logged === "string" ? params.logged : undefined;
  const db = await getDb();
  const filter = AuditFilterQuery.parse(params);
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const [{ head, verification, loggedHead }, events, actors] = await Promise.all([
    getAuditChainView(db, { verify: params.verify === "1", loggedLine }),
    listAudit(db, filter, LIMIT),
    listAuditActors(db),
  ]);
  const brokenAt = (at: string) => (Number.isNaN(Date.parse(at)) ? at : format.dateTime(new Date(at), "moment"));
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("page.title")}</h1>
        <p className="text-sm text-slate-600">{t("page.intro")}</p>
      </div>
      <section className="card space-y-2" aria-labelledby="chain-head">
        <h2 id="chain-head" className="text-lg font-semibold">{t("page.newest")}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="chain-head">
          <dt className="text-slate-600">{t("page.position")}</dt>
          <dd data-testid="chain-head-position">{head.position}</dd>
          <dt className="text-slate-600">{t("page.hash")}</dt>
          <dd className="break-all font-mono" data-testid="chain-head-hash">{head.hash}</dd>
        </dl>
      </section>
      <section className="card space-y-3" aria-labelledby="chain-verify">
        <h2 id="chain-verify" className="text-lg font-semibold">{t("page.verify")}</h2>
        <p className="text-sm text-slate-600">{t.rich("page.verifyIntro", { code })}</p>
        <form method="get">
          <button type="submit" name="verify" value="1" className="btn">
            {t("page.verifyButton")}
          </button>
        </form>
        {verification && (
          <div role="status" data-testid="chain-verification" data-ok={verification.ok}>
            {verification.brokenLink ? (
              <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
                <p className="font-semibold">
                  {t("page.broken", { position: verification.brokenLink.position, eventId: verification.brokenLink.eventId, at: brokenAt(verification.brokenLink.at) })}
                </p>
                <p>
                  {t("page.brokenRest", {
                    problem: capitalised(t(`problem.${verification.brokenLink.problemKey.kind}`, verification.brokenLink.problemKey.values)),
                    count: verification.checked - 1,
                  })}
                </p>
              </div>
            ) : (
              <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
                {t("page.holds", { count: verification.checked, position: verification.head.position })}
              </p>
            )}
          </div>
        )}
      </section>
      <section className="card space-y-3" aria-labelledby="chain-logged">
        <h2 id="chain-logged" className="text-lg font-semibold">{t("page.logged")}</h2>
        <p className="text-sm text-slate-600">{t.rich("page.loggedIntro", { code })}</p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            {t("page.logLine")}
            <input name="logged" type="text" maxLength={2000} defaultValue={loggedLine ?? ""} className="font-mono" />
          </label>
          <button type="submit" className="btn">
            {t("page.check")}
          </button>
        </form>
        {loggedHead && (
          <p role="status" data-testid="logged-head" data-status={loggedHead.status} className="text-sm">
            {loggedHead.status === "unreadable"
              ? t("page.unreadable")
              : loggedHead.status === "differs"
                ? t("page.differs", { position: loggedHead.logged.position, hash: loggedHead.stored ?? "" })
                : t(`page.${loggedHead.status}`, { position: loggedHead.logged.position })}
          </p>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="all-events">
        <h2 id="all-events" className="text-lg font-semibold">{t("page.allEvents")}</h2>
        <AuditFilters path="/admin/audit" values={filter} actors={actors} shown={events.length} limit={LIMIT} />
        <AuditList events={events} empty={t("page.noMatch")} />
      </section>
    </div>
  );
}

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
