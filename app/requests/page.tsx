import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RequestNav } from "@/components/request-nav";
import { RequestTable } from "@/components/request-table";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { dayAsDate } from "@/lib/domain/requests";
import { listActiveGrants, listMyRequests } from "@/lib/queries/requests";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.titles");
  return { title: t("mine") };
}

export default async function MyRequestsPage() {
  const user = await requirePermission("request.create");
  const db = await getDb();
  const at = now();
  const [mine, myGrants, t, tv, format] = await Promise.all([
    listMyRequests(db, user.id),
    listActiveGrants(db, at, { userId: user.id }),
    getTranslations("requests"),
    getTranslations("vocabulary.dataClass"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <RequestNav role={user.role} current="mine" />
      <section className="space-y-3" aria-labelledby="my-grants">
        <h2 id="my-grants" className="text-lg font-semibold">{t("list.myGrants")}</h2>
        {myGrants.length === 0 ? (
          <p className="text-sm text-slate-600">{t("list.none")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="my-grants">
            {myGrants.map((g) => (
              <li key={g.id}>
                {t.rich("list.grantLine", {
                  tool: g.softwareName,
                  dataClass: tv(g.dataClass),
                  endsOn: format.dateTime(dayAsDate(g.endsOn), "day"),
                  link: (chunks) => <Link href={`/software/${g.softwareSlug}`}>{chunks}</Link>,
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
                {g.conditions.length > 0 && <span className="text-slate-600"> · {g.conditions.join("; ")}</span>} · <Link href={`/requests/${g.requestId}`}>{t("list.requestLink")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="my-requests">
        <h2 id="my-requests" className="text-lg font-semibold">{t("list.myRequests")}</h2>
        <RequestTable items={mine} now={at} showRequester={false} empty={t("list.empty")} />
      </section>
    </div>
  );
}
