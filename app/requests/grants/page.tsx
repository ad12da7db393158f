import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RequestNav } from "@/components/request-nav";
import { RevokeGrantForm } from "@/components/request-forms";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { dayAsDate } from "@/lib/domain/requests";
import { listActiveGrants } from "@/lib/queries/requests";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.titles");
  return { title: t("grants") };
}

/** Exceptions in force, the soonest to end first; security revokes from here. */
export default async function GrantsPage() {
  const user = await requirePermission("grants.read");
  const db = await getDb();
  const at = now();
  const [active, t, tv, format] = await Promise.all([listActiveGrants(db, at), getTranslations("requests"), getTranslations("vocabulary.dataClass"), getFormatter()]);
  const soon = new Date(at.getTime() + 30 * 86_400_000);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <RequestNav role={user.role} current="grants" />
      <h2 className="text-lg font-semibold">{t("grants.heading", { count: active.length })}</h2>
      {active.length === 0 ? (
        <p className="text-sm text-slate-600">{t("grants.none")}</p>
      ) : (
        <TableScroll label={t("grants.label")}>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">{t("grants.person")}</th>
              <th scope="col" className="py-2 pr-3">{t("grants.tool")}</th>
              <th scope="col" className="py-2 pr-3">{t("grants.data")}</th>
              <th scope="col" className="py-2 pr-3">{t("grants.through")}</th>
              <th scope="col" className="py-2">{t("grants.revoke")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {active.map((g) => (
              <tr key={g.id} data-testid="grant-row">
                <td className="py-2 pr-3">{g.holderName}</td>
                <td className="py-2 pr-3"><Link href={`/requests/${g.requestId}`}>{g.softwareName}</Link>{g.conditions.length > 0 && <div className="text-slate-600">{g.conditions.join("; ")}</div>}</td>
                <td className="py-2 pr-3">{tv(g.dataClass)}</td>
                <td className="py-2 pr-3">
                  <time dateTime={g.endsOn}>{format.dateTime(dayAsDate(g.endsOn), "day")}</time>
                  {dayAsDate(g.endsOn) < soon && <strong className="text-amber-700">{t("grants.endsSoon")}</strong>}
                </td>
                <td className="py-2">{can(user.role, "grant.revoke") ? <RevokeGrantForm grantId={g.id} label={t("grants.holderGrant", { holder: g.holderName, tool: g.softwareName })} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
