import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { DeleteWebhookForm, EditWebhookForm, EnableWebhookForm, RedeliverForm, RotateSecretForm, SendTestEventForm } from "@/components/webhook-forms";
import { DeliveryStatusBadge, deliveryState, when } from "@/components/webhook-status";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { WEBHOOK_LOG_RETENTION_DAYS, WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { getWebhookEndpoint } from "@/lib/queries/webhooks";

export const metadata: Metadata = { title: "Webhook" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A readable copy of the body that was sent (and is sent again on each try). */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("webhooks.manage");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const detail = await getWebhookEndpoint(await getDb(), id);
  if (!detail) notFound();
  const { endpoint, deliveries } = detail;
  const { allowHttp } = config().webhooks;
  const underWay = endpoint.enabled && deliveries.some((d) => d.status === "pending" && (d.attempts === 0 || d.sending));
  return (
    <div className="max-w-6xl space-y-8">
      <AutoRefresh active={underWay} />
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/webhooks">← Webhooks</Link>
        </p>
        <h1 className="text-2xl font-bold">{endpoint.name}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">URL</dt>
          <dd className="break-all" data-testid="webhook-url">{endpoint.url}</dd>
          <dt className="text-slate-600">Events</dt>
          <dd>{endpoint.events.join(", ")}</dd>
          <dt className="text-slate-600">State</dt>
          <dd data-testid="webhook-state">{endpoint.enabled ? "enabled" : "disabled: no new events; pending deliveries wait"}</dd>
          <dt className="text-slate-600">Signing secret</dt>
          <dd>
            <code>{endpoint.secretHint}</code>
            {endpoint.secretRotatedAt && <span className="text-slate-500"> (rotated {when(endpoint.secretRotatedAt)})</span>}
            {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now() && (
              <span className="text-slate-500">; the previous secret also signs until {when(endpoint.previousSecretExpiresAt)}</span>
            )}
            <p className="text-xs text-slate-500" data-testid="secret-format">
              Receivers check <code>webhook-signature</code> with a Standard Webhooks library and this secret. A secret made before Standard Webhooks
              (it contains <code>-</code> or <code>_</code> and does not end in <code>=</code>) must be re-encoded for those libraries: replace{" "}
              <code>-</code> with <code>+</code> and <code>_</code> with <code>/</code>, and add <code>=</code> at the end; or rotate the secret.
            </p>
          </dd>
          <dt className="text-slate-600">Created</dt>
          <dd>
            {when(endpoint.createdAt)} by {endpoint.createdBy}
          </dd>
        </dl>
      </div>

      <section className="card flex flex-wrap items-start gap-6">
        <SendTestEventForm id={endpoint.id} disabled={!endpoint.enabled} />
        <EnableWebhookForm id={endpoint.id} enabled={endpoint.enabled} />
        <div className="max-w-md">
          <RotateSecretForm id={endpoint.id} />
        </div>
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Delivery log</h2>
        <p className="text-sm text-slate-600">
          The latest deliveries (up to 50), newest first. A delivery is tried up to {WEBHOOK_MAX_ATTEMPTS} times, waiting longer each time
          (30 s, 2 min, 8 min… up to 12 h); a 2xx answer delivers it. Finished deliveries are kept {WEBHOOK_LOG_RETENTION_DAYS} days.
        </p>
        {deliveries.length === 0 ? (
          <p className="card text-slate-600">Nothing sent yet. “Send test event” sends a <code>ping</code>.</p>
        ) : (
          <div className="card overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Deliveries to {endpoint.name}, newest first</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">Event</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Tries</th>
                  <th scope="col" className="py-2 pr-3">Last answer</th>
                  <th scope="col" className="py-2 pr-3">Created</th>
                  <th scope="col" className="py-2">Next try</th>
                </tr>
              </thead>
              {deliveries.map((d) => {
                const state = deliveryState(d, endpoint.enabled);
                return (
                  <tbody key={d.id} className="border-b border-slate-100 align-top" data-testid="delivery" data-status={d.status} data-event={d.eventType}>
                    <tr>
                      <td className="py-2 pr-3">
                        <code>{d.eventType}</code>
                        <div className="text-xs text-slate-500">delivery {d.id}</div>
                      </td>
                      <td className="py-2 pr-3">
                        <DeliveryStatusBadge state={state} />
                      </td>
                      <td className="py-2 pr-3">
                        {d.attempts} of {WEBHOOK_MAX_ATTEMPTS}
                      </td>
                      <td className="py-2 pr-3 break-words" data-testid="last-answer">
                        {d.lastStatusCode !== null && <span>HTTP {d.lastStatusCode}</span>}
                        {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` && <div className="text-red-800">{d.lastError}</div>}
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{when(d.createdAt)}</td>
                      <td className="py-2 whitespace-nowrap" data-testid="next-try">
                        {state === "retrying" || state === "queued" ? when(d.nextAttemptAt) : state === "paused" ? "when enabled" : "—"}
                      </td>
                    </tr>
                    <tr>
                      <td colSpan={6} className="pb-3">
                        <details>
                          <summary className="cursor-pointer text-xs text-slate-600">Tries and payload</summary>
                          <div className="mt-2 space-y-3">
                            {d.tries.length > 0 ? (
                              <table className="text-xs">
                                <caption className="sr-only">Each try</caption>
                                <thead className="text-slate-600">
                                  <tr>
                                    <th scope="col" className="pr-3">#</th>
                                    <th scope="col" className="pr-3">At</th>
                                    <th scope="col" className="pr-3">Answer</th>
                                    <th scope="col" className="pr-3">Took</th>
                                    <th scope="col">Response (start)</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  {d.tries.map((t, i) => (
                                    <tr key={`${t.at.toISOString()}-${i}`} data-testid="try" data-status-code={t.statusCode ?? ""}>
                                      <td className="pr-3">{i + 1}</td>
                                      <td className="pr-3 whitespace-nowrap">{when(t.at)}</td>
                                      <td className="pr-3">{t.statusCode !== null ? `HTTP ${t.statusCode}` : ""}{t.error ? <span className="text-red-800"> {t.error}</span> : null}</td>
                                      <td className="pr-3">{t.durationMs} ms</td>
                                      <td className="break-all text-slate-600">{t.responseSnippet ?? ""}</td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            ) : (
                              <p className="text-xs text-slate-600">Not tried yet.</p>
                            )}
                            <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{pretty(d.body)}</pre>
                            {d.status !== "pending" && endpoint.enabled && <RedeliverForm deliveryId={d.id} />}
                          </div>
                        </details>
                      </td>
                    </tr>
                  </tbody>
                );
              })}
            </table>
          </div>
        )}
      </section>

      <section className="card space-y-4">
        <h2 className="text-lg font-semibold">Settings</h2>
        <EditWebhookForm endpoint={endpoint} allowHttp={allowHttp} />
        <DeleteWebhookForm id={endpoint.id} name={endpoint.name} />
      </section>
    </div>
  );
}
