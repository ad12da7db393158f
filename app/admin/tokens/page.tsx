import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateTokenForm, RevokeTokenForm } from "@/components/api-token-forms";
import { PageMessages } from "@/components/page-messages";
import { requirePermission } from "@/lib/auth/require";
import { now, today } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { can, scopesFor } from "@/lib/domain/policy";
import { addDays } from "@/lib/domain/requests";
import { listApiTokens } from "@/lib/queries/api-tokens";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.tokens");
  return { title: t("title") };
}

/** A token's state, as the row's data-state and its label key. */
function tokenState(token: { revokedAt: Date | null; expiresAt: Date }, at: Date): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  return token.expiresAt <= at ? "expired" : "active";
}

export default async function TokensPage() {
  const user = await requirePermission("tokens.own");
  const everyones = can(user.role, "tokens.manage");
  const [tokens, t, format] = await Promise.all([getDb().then((db) => listApiTokens(db, everyones ? null : user.id)), getTranslations("admin.tokens"), getFormatter()]);
  const at = now();
  const moment = (date: Date | null) => (date ? format.dateTime(date, "moment") : t("never"));
  return (
    <PageMessages namespaces={["adminClient"]}>
      <div className="max-w-5xl space-y-8">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-slate-600">
          {t.rich("intro", { code: (chunks) => <code>{chunks}</code>, link: (chunks) => <a href="/help/api">{chunks}</a> })} {everyones ? t("listEveryone") : t("listOwn")}
        </p>
        <section className="card">
          <CreateTokenForm defaultExpiry={addDays(today(), 90)} scopes={scopesFor(user.role)} />
        </section>
        {tokens.length === 0 ? (
          <p className="text-slate-600" data-testid="no-tokens">
            {everyones ? t("noneEveryone") : t("noneOwn")}
          </p>
        ) : (
          <TableScroll label={t("table")}>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("columns.name")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.token")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.scopes")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.expires")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.lastUsed")}</th>
                  <th scope="col" className="py-2">{t("columns.state")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {tokens.map((token) => {
                  const state = tokenState(token, at);
                  return (
                    <tr key={token.id} data-testid="token-row" data-state={state}>
                      <td className="py-2 pr-3">{token.name}<div className="text-xs text-slate-500">{t("createdBy", { name: token.createdBy, date: moment(token.createdAt) })}</div></td>
                      <td className="py-2 pr-3"><code>{token.prefix}…</code></td>
                      <td className="py-2 pr-3">{token.scopes.join(", ")}</td>
                      <td className="py-2 pr-3"><time dateTime={token.expiresAt.toISOString()}>{format.dateTime(token.expiresAt, "day")}</time></td>
                      <td className="py-2 pr-3" data-testid="last-used">{moment(token.lastUsedAt)}</td>
                      <td className="py-2">{state === "active" ? <RevokeTokenForm id={token.id} name={token.name} /> : t(`state.${state}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </PageMessages>
  );
}
