import type { Metadata } from "next";
import { AuditFilters, AuditList } from "@/components/audit-list";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listAudit, listAuditActors } from "@/lib/queries/audit";
import { getAuditChainView } from "@/lib/services/audit-chain";
import { AuditFilterQuery } from "@/lib/validation/audit";

const LIMIT = 100;

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.verify");
  const params = await searchParams;
  const loggedLine = typeof params.logged === "string" ? params.logged : undefined;
  const db = await getDb();
  const filter = AuditFilterQuery.parse(params);
  const [{ head, verification, loggedHead }, events, actors] = await Promise.all([
    getAuditChainView(db, { verify: params.verify === "1", loggedLine }),
    listAudit(db, filter, LIMIT),
    listAuditActors(db),
  ]);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Audit trail</h1>
        <p className="text-sm text-slate-600">
          Every change is an audit event: what was decided about software, requests and grants, and every change to users, API tokens, settings and
          webhooks. Each event&apos;s hash covers its content and the hash of the event before it. A row changed or removed in
          the database, even by its owner, breaks the chain from that event on. The head below is also written to the server log every day: if a
          logged head no longer matches the event at its position, history was rewritten.
        </p>
      </div>
      <section className="card space-y-2" aria-labelledby="chain-head">
        <h2 id="chain-head" className="text-lg font-semibold">Newest event</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="chain-head">
          <dt className="text-slate-600">Position</dt>
          <dd data-testid="chain-head-position">{head.position}</dd>
          <dt className="text-slate-600">Hash</dt>
          <dd className="break-all font-mono" data-testid="chain-head-hash">{head.hash}</dd>
        </dl>
      </section>
      <section className="card space-y-3" aria-labelledby="chain-verify">
        <h2 id="chain-verify" className="text-lg font-semibold">Verify</h2>
        <p className="text-sm text-slate-600">
          Recomputes every event&apos;s hash from the stored rows, oldest first, and names the first broken link. From a shell: <code>npm run audit:verify</code>.
        </p>
        <form method="get">
          <button type="submit" name="verify" value="1" className="btn">
            Verify the whole chain
          </button>
        </form>
        {verification && (
          <div role="status" data-testid="chain-verification" data-ok={verification.ok}>
            {verification.brokenLink ? (
              <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
                <p className="font-semibold">
                  The chain is broken at position {verification.brokenLink.position}: event {verification.brokenLink.eventId} of {verification.brokenLink.at}.
                </p>
                <p>
                  {verification.brokenLink.problem.charAt(0).toUpperCase() + verification.brokenLink.problem.slice(1)}. The {verification.checked - 1} events
                  before it hold; nothing from it on can be trusted.
                </p>
              </div>
            ) : (
              <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
                The chain holds: all {verification.checked} events match their hashes, up to position {verification.head.position}.
              </p>
            )}
          </div>
        )}
      </section>
      <section className="card space-y-3" aria-labelledby="chain-logged">
        <h2 id="chain-logged" className="text-lg font-semibold">Check a head from the log</h2>
        <p className="text-sm text-slate-600">
          Paste an <code>audit chain head: position N hash H</code> line from the server log. If the event at that position no longer has that hash, the
          history before it was rewritten, even if the chain verifies now.
        </p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            Log line
            <input name="logged" type="text" maxLength={2000} defaultValue={loggedLine ?? ""} className="font-mono" />
          </label>
          <button type="submit" className="btn">
            Check
          </button>
        </form>
        {loggedHead && (
          <p role="status" data-testid="logged-head" data-status={loggedHead.status} className="text-sm">
            {loggedHead.status === "unreadable"
              ? "That is not a head line: paste one like “audit chain head: position 42 hash 3f…” (64 hexadecimal characters)."
              : loggedHead.status === "matches"
                ? `The event at position ${loggedHead.logged.position} still has the logged hash.`
                : loggedHead.status === "missing"
                  ? `There is no event at position ${loggedHead.logged.position}: events were removed since that line was logged.`
                  : `The event at position ${loggedHead.logged.position} now has the hash ${loggedHead.stored}, not the logged one: history up to it was rewritten.`}
          </p>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="all-events">
        <h2 id="all-events" className="text-lg font-semibold">All events</h2>
        <AuditFilters path="/admin/audit" values={filter} actors={actors} shown={events.length} limit={LIMIT} />
        <AuditList events={events} empty="No event matches these filters." />
      </section>
    </div>
  );
}
