import type { Metadata } from "next";
import Link from "next/link";
import { CreateWebhookForm } from "@/components/webhook-forms";
import { DeliveryStatusBadge, deliveryState, when } from "@/components/webhook-status";
import { requirePermission } from "@/lib/auth/require";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { listWebhookEndpoints } from "@/lib/queries/webhooks";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePermission("webhooks.manage");
  const endpoints = await listWebhookEndpoints(await getDb());
  const { allowHttp } = config().webhooks;
  return (
    <div className="max-w-5xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="text-slate-600">
          Vetted POSTs an event as JSON to each URL subscribed to it when a classification changes, a request step is decided, or an exception is
          granted or ends. Each delivery is signed per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
          <code>webhook-signature</code>: HMAC-SHA256 with the webhook’s secret, shown once; the older <code>Vetted-Signature</code> too, until the
          transition ends) and tried up to {WEBHOOK_MAX_ATTEMPTS} times over about a day until the receiver answers 2xx.
        </p>
      </div>
      <section className="card">
        <CreateWebhookForm allowHttp={allowHttp} />
      </section>
      {endpoints.length === 0 ? (
        <p className="card text-slate-600">No webhooks yet.</p>
      ) : (
        <TableScroll label="Webhooks" className="card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Webhooks, by name</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">URL</th>
                <th scope="col" className="py-2 pr-3">Events</th>
                <th scope="col" className="py-2 pr-3">State</th>
                <th scope="col" className="py-2">Last delivery</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {endpoints.map((e) => (
                <tr key={e.id} data-testid="webhook-row" data-enabled={e.enabled}>
                  <td className="py-2 pr-3">
                    <Link href={`/admin/webhooks/${e.id}`}>{e.name}</Link>
                    <div className="text-xs text-slate-500">by {e.createdBy}</div>
                  </td>
                  <td className="py-2 pr-3 break-all">{e.url}</td>
                  <td className="py-2 pr-3">{e.events.map((ev) => <code key={ev} className="block">{ev}</code>)}</td>
                  <td className="py-2 pr-3">
                    {e.enabled ? "enabled" : "disabled"}
                    {(e.pending > 0 || e.failed > 0) && (
                      <div className="text-xs text-slate-500">
                        {e.pending} pending, {e.failed} failed
                      </div>
                    )}
                  </td>
                  <td className="py-2" data-testid="last-delivery">
                    {e.lastDelivery ? (
                      <>
                        <DeliveryStatusBadge state={deliveryState(e.lastDelivery, e.enabled)} />{" "}
                        {e.lastDelivery.lastStatusCode !== null && <span>HTTP {e.lastDelivery.lastStatusCode}</span>}
                        <div className="text-xs text-slate-500">
                          <code>{e.lastDelivery.eventType}</code>, {when(e.lastDelivery.createdAt)}
                        </div>
                      </>
                    ) : (
                      <span className="text-slate-500">none yet</span>
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
