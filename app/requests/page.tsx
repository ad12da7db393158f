import type { Metadata } from "next";
import Link from "next/link";
import { RequestNav } from "@/components/request-nav";
import { RequestTable } from "@/components/request-table";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listActiveGrants, listMyRequests } from "@/lib/queries/requests";
import { getSettings } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "My requests" };

export default async function MyRequestsPage() {
  const user = await requirePermission("request.create");
  const db = await getDb();
  const at = now();
  const [mine, myGrants, settings] = await Promise.all([listMyRequests(db, user.id), listActiveGrants(db, at, { userId: user.id }), getSettings(db)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Requests</h1>
      <RequestNav role={user.role} current="mine" />
      <section className="space-y-3" aria-labelledby="my-grants">
        <h2 id="my-grants" className="text-lg font-semibold">My exceptions in force</h2>
        {myGrants.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="my-grants">
            {myGrants.map((g) => (
              <li key={g.id}>
                <Link href={`/software/${g.softwareSlug}`}>{g.softwareName}</Link> for {settings.dataClassLabels[g.dataClass]} data, through <strong>{g.endsOn}</strong>
                {g.conditions.length > 0 && <span className="text-slate-600"> · {g.conditions.join("; ")}</span>} · <Link href={`/requests/${g.requestId}`}>request</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="my-requests">
        <h2 id="my-requests" className="text-lg font-semibold">My requests</h2>
        <RequestTable items={mine} now={at} showRequester={false} empty="You have not asked for anything yet. To ask for an exception, open the tool's page; to ask for a new tool, search for it first." />
      </section>
    </div>
  );
}
