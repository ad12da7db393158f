import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenForm } from "@/components/api-token-forms";
import { requirePermission } from "@/lib/auth/require";
import { now, today } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { can, scopesFor } from "@/lib/domain/policy";
import { addDays } from "@/lib/domain/requests";
import { listApiTokens } from "@/lib/queries/api-tokens";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "API tokens" };

function day(date: Date | null) {
  return date ? date.toISOString().slice(0, 16).replace("T", " ") : "never";
}

export default async function TokensPage() {
  const user = await requirePermission("tokens.own");
  const everyones = can(user.role, "tokens.manage");
  const tokens = await listApiTokens(await getDb(), everyones ? null : user.id);
  const at = now();
  return (
    <div className="max-w-5xl space-y-8">
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="text-slate-600">
        For scripts, CI pipelines and endpoint-management tools: send <code>Authorization: Bearer vt_…</code> to <code>/api/v1</code>. The secret is shown once when the token is created and stored only as a hash. The <a href="/help/api">API reference</a> names the scope each endpoint needs.
        A token acts for you and may do only what your role may: it stops working if your role changes or your account is deactivated.
        {everyones ? " This list shows everyone's tokens." : " This list shows your own tokens."}
      </p>
      <section className="card">
        <CreateTokenForm defaultExpiry={addDays(today(), 90)} scopes={scopesFor(user.role)} />
      </section>
      {tokens.length === 0 ? (
        <p className="text-slate-600" data-testid="no-tokens">
          {everyones ? "Nobody has an API token yet." : "You have no API tokens yet."}
        </p>
      ) : (
        <TableScroll label="API tokens">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr><th scope="col" className="py-2 pr-3">Name</th><th scope="col" className="py-2 pr-3">Token</th><th scope="col" className="py-2 pr-3">Scopes</th><th scope="col" className="py-2 pr-3">Expires</th><th scope="col" className="py-2 pr-3">Last used</th><th scope="col" className="py-2">State</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {tokens.map((t) => {
              const state = t.revokedAt ? "revoked" : t.expiresAt <= at ? "expired" : "active";
              return (
                <tr key={t.id} data-testid="token-row" data-state={state}>
                  <td className="py-2 pr-3">{t.name}<div className="text-xs text-slate-500">by {t.createdBy}, {day(t.createdAt)}</div></td>
                  <td className="py-2 pr-3"><code>{t.prefix}…</code></td>
                  <td className="py-2 pr-3">{t.scopes.join(", ")}</td>
                  <td className="py-2 pr-3">{t.expiresAt.toISOString().slice(0, 10)}</td>
                  <td className="py-2 pr-3" data-testid="last-used">{day(t.lastUsedAt)}</td>
                  <td className="py-2">{state === "active" ? <RevokeTokenForm id={t.id} name={t.name} /> : state}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
