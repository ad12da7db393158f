import type { Metadata } from "next";
import Link from "next/link";
import { RequestNav } from "@/components/request-nav";
import { RevokeGrantForm } from "@/components/request-forms";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { listActiveGrants } from "@/lib/queries/requests";
import { getSettings } from "@/lib/queries/settings";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Grants" };

/** Exceptions in force, the soonest to end first; security revokes from here. */
export default async function GrantsPage() {
  const user = await requirePermission("grants.read");
  const db = await getDb();
  const at = now();
  const [active, settings] = await Promise.all([listActiveGrants(db, at), getSettings(db)]);
  const soon = new Date(at.getTime() + 30 * 86_400_000);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Requests</h1>
      <RequestNav role={user.role} current="grants" />
      <h2 className="text-lg font-semibold">Exceptions in force ({active.length})</h2>
      {active.length === 0 ? (
        <p className="text-sm text-slate-600">No exceptions are in force.</p>
      ) : (
        <TableScroll label="Exceptions in force">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr><th scope="col" className="py-2 pr-3">Person</th><th scope="col" className="py-2 pr-3">Tool</th><th scope="col" className="py-2 pr-3">Data</th><th scope="col" className="py-2 pr-3">Through</th><th scope="col" className="py-2">Revoke</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {active.map((g) => (
              <tr key={g.id} data-testid="grant-row">
                <td className="py-2 pr-3">{g.holderName}</td>
                <td className="py-2 pr-3"><Link href={`/requests/${g.requestId}`}>{g.softwareName}</Link>{g.conditions.length > 0 && <div className="text-slate-600">{g.conditions.join("; ")}</div>}</td>
                <td className="py-2 pr-3">{settings.dataClassLabels[g.dataClass]}</td>
                <td className="py-2 pr-3">{g.endsOn}{new Date(`${g.endsOn}T00:00:00Z`) < soon && <strong className="text-amber-700"> ends within 30 days</strong>}</td>
                <td className="py-2">{can(user.role, "grant.revoke") ? <RevokeGrantForm grantId={g.id} label={`${g.holderName}'s grant for ${g.softwareName}`} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
