import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateWebhookForm } from "@/components/webhook-forms";
import { DeliveryStatusBadge, deliveryState } from "@/components/webhook-status";
import { requirePermission } from "@/lib/auth/require";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { listWebhookEndpoints } from "@/lib/queries/webhooks";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  await requirePermission("webhooks.manage");
  const [endpoints, t, format] = await Promise.all([getDb().then((db) => listWebhookEndpoints(db)), getTranslations("webhooks"), getFormatter()]);
  const { allowHttp } = config().webhooks;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <div className="max-w-5xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-slate-600">{t.rich("intro", { code, max: format.number(WEBHOOK_MAX_ATTEMPTS) })}</p>
      </div>
      <section className="card">
        <CreateWebhookForm allowHttp={allowHttp} />
      </section>
      {endpoints.length === 0 ? (
        <p className="card text-slate-600">{t("none")}</p>
      ) : (
        <TableScroll label={t("table")} className="card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("columns.name")}</th>
                <th scope="col" className="py-2 pr-3">{t("columns.url")}</th>
                <th scope="col" className="py-2 pr-3">{t("columns.events")}</th>
                <th scope="col" className="py-2 pr-3">{t("columns.state")}</th>
                <th scope="col" className="py-2">{t("columns.lastDelivery")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {endpoints.map((e) => (
                <tr key={e.id} data-testid="webhook-row" data-enabled={e.enabled}>
                  <td className="py-2 pr-3">
                    <Link href={`/admin/webhooks/${e.id}`}>{e.name}</Link>
                    <div className="text-xs text-slate-500">{t("createdBy", { name: e.createdBy })}</div>
                  </td>
                  <td className="py-2 pr-3 break-all">{e.url}</td>
                  <td className="py-2 pr-3">{e.events.map((ev) => <code key={ev} className="block">{ev}</code>)}</td>
                  <td className="py-2 pr-3">
                    {e.enabled ? t("enabled") : t("disabled")}
                    {(e.pending > 0 || e.failed > 0) && <div className="text-xs text-slate-500">{t("counts", { pending: format.number(e.pending), failed: format.number(e.failed) })}</div>}
                  </td>
                  <td className="py-2" data-testid="last-delivery">
                    {e.lastDelivery ? (
                      <>
                        <DeliveryStatusBadge state={deliveryState(e.lastDelivery, e.enabled)} />{" "}
                        {e.lastDelivery.lastStatusCode !== null && <span>{t("http", { code: String(e.lastDelivery.lastStatusCode) })}</span>}
                        <div className="text-xs text-slate-500">
                          {t.rich("eventAt", { code, event: e.lastDelivery.eventType, at: format.dateTime(e.lastDelivery.createdAt, "moment") })}
                        </div>
                      </>
                    ) : (
                      <span className="text-slate-500">{t("noneYet")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
