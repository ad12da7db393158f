import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AutoRefresh } from "@/components/auto-refresh";
import { DeleteWebhookForm, EditWebhookForm, EnableWebhookForm, RedeliverForm, RotateSecretForm, SendTestEventForm } from "@/components/webhook-forms";
import { DeliveryStatusBadge, deliveryState } from "@/components/webhook-status";
import { requirePermission } from "@/lib/auth/require";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { WEBHOOK_LOG_RETENTION_DAYS, WEBHOOK_MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import { getWebhookEndpoint } from "@/lib/queries/webhooks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks.detail");
  return { title: t("title") };
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

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
  const [t, format] = await Promise.all([getTranslations("webhooks.detail"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, "moment") : "—");
  const underWay = endpoint.enabled && deliveries.some((d) => d.status === "pending" && (d.attempts === 0 || d.sending));
  return (
    <div className="max-w-6xl space-y-8">
      <AutoRefresh active={underWay} />
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/webhooks">{t("back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{endpoint.name}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">{t("url")}</dt>
          <dd className="break-all" data-testid="webhook-url">{endpoint.url}</dd>
          <dt className="text-slate-600">{t("events")}</dt>
          <dd>{endpoint.events.join(", ")}</dd>
          <dt className="text-slate-600">{t("state")}</dt>
          <dd data-testid="webhook-state">{endpoint.enabled ? t("stateEnabled") : t("stateDisabled")}</dd>
          <dt className="text-slate-600">{t("secret")}</dt>
          <dd>
            <code>{endpoint.secretHint}</code>
            {endpoint.secretRotatedAt && <span className="text-slate-500">{t("rotated", { at: when(endpoint.secretRotatedAt) })}</span>}
            {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now() && (
              <span className="text-slate-500">{t("previousSigns", { at: when(endpoint.previousSecretExpiresAt) })}</span>
            )}
            <p className="text-xs text-slate-500" data-testid="secret-format">
              {t.rich("secretFormat", { code })}
            </p>
          </dd>
          <dt className="text-slate-600">{t("created")}</dt>
          <dd>{t("createdAtBy", { at: when(endpoint.createdAt), name: endpoint.createdBy })}</dd>
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
        <h2 className="text-lg font-semibold">{t("log")}</h2>
        <p className="text-sm text-slate-600">{t("logIntro", { max: format.number(WEBHOOK_MAX_ATTEMPTS), days: format.number(WEBHOOK_LOG_RETENTION_DAYS) })}</p>
        {deliveries.length === 0 ? (
          <p className="card text-slate-600">{t.rich("nothingSent", { code })}</p>
        ) : (
          <div className="card overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("logCaption", { name: endpoint.name })}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("columns.event")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.tries")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.lastAnswer")}</th>
                  <th scope="col" className="py-2 pr-3">{t("columns.created")}</th>
                  <th scope="col" className="py-2">{t("columns.nextTry")}</th>
                </tr>
              </thead>
              {deliveries.map((d) => {
                const state = deliveryState(d, endpoint.enabled);
                return (
                  <tbody key={d.id} className="border-b border-slate-100 align-top" data-testid="delivery" data-status={d.status} data-event={d.eventType}>
                    <tr>
                      <td className="py-2 pr-3">
                        <code>{d.eventType}</code>
                        <div className="text-xs text-slate-500">{t("deliveryId", { id: d.id })}</div>
                      </td>
                      <td className="py-2 pr-3">
                        <DeliveryStatusBadge state={state} />
                      </td>
                      <td className="py-2 pr-3">{t("triesOf", { attempts: format.number(d.attempts), max: format.number(WEBHOOK_MAX_ATTEMPTS) })}</td>
                      <td className="py-2 pr-3 break-words" data-testid="last-answer">
                        {d.lastStatusCode !== null && <span>{t("http", { code: String(d.lastStatusCode) })}</span>}
                        {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` && <div className="text-red-800">{d.lastError}</div>}
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{when(d.createdAt)}</td>
                      <td className="py-2 whitespace-nowrap" data-testid="next-try">
                        {state === "retrying" || state === "queued" ? when(d.nextAttemptAt) : state === "paused" ? t("whenEnabled") : "—"}
                      </td>
                    </tr>
                    <tr>
                      <td colSpan={6} className="pb-3">
                        <details>
                          <summary className="cursor-pointer text-xs text-slate-600">{t("triesAndPayload")}</summary>
                          <div className="mt-2 space-y-3">
                            {d.tries.length > 0 ? (
                              <table className="text-xs">
                                <caption className="sr-only">{t("eachTry")}</caption>
                                <thead className="text-slate-600">
                                  <tr>
                                    <th scope="col" className="pr-3">{t("tryColumns.number")}</th>
                                    <th scope="col" className="pr-3">{t("tryColumns.at")}</th>
                                    <th scope="col" className="pr-3">{t("tryColumns.answer")}</th>
                                    <th scope="col" className="pr-3">{t("tryColumns.took")}</th>
                                    <th scope="col">{t("tryColumns.response")}</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  {d.tries.map((attempt, i) => (
                                    <tr key={`${attempt.at.toISOString()}-${i}`} data-testid="try" data-status-code={attempt.statusCode ?? ""}>
                                      <td className="pr-3">{i + 1}</td>
                                      <td className="pr-3 whitespace-nowrap">{when(attempt.at)}</td>
                                      <td className="pr-3">{attempt.statusCode !== null ? t("http", { code: String(attempt.statusCode) }) : ""}{attempt.error ? <span className="text-red-800"> {attempt.error}</span> : null}</td>
                                      <td className="pr-3">{t("took", { ms: format.number(attempt.durationMs) })}</td>
                                      <td className="break-all text-slate-600">{attempt.responseSnippet ?? ""}</td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            ) : (
                              <p className="text-xs text-slate-600">{t("notTried")}</p>
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
        <h2 className="text-lg font-semibold">{t("settings")}</h2>
        <EditWebhookForm endpoint={endpoint} allowHttp={allowHttp} />
        <DeleteWebhookForm id={endpoint.id} name={endpoint.name} />
      </section>
    </div>
  );
}
