import { useTranslations } from "next-intl";
import type { DeliveryStatus } from "@/lib/queries/webhooks";

const STYLE = {
  delivered: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  retrying: "bg-amber-100 text-amber-800",
  queued: "bg-sky-100 text-sky-800",
  paused: "bg-slate-200 text-slate-800",
} as const;

/** What a delivery's state means to an admin: queued (not tried yet), retrying, paused (endpoint disabled), delivered, failed. */
export function deliveryState(d: { status: DeliveryStatus; attempts: number }, endpointEnabled: boolean): keyof typeof STYLE {
  if (d.status !== "pending") return d.status;
  if (!endpointEnabled) return "paused";
  return d.attempts === 0 ? "queued" : "retrying";
}

/** Server components only: it reads the server namespace `webhooks`. */
export function DeliveryStatusBadge({ state }: { state: keyof typeof STYLE }) {
  const t = useTranslations("webhooks.status");
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[state]}`}>{t(state)}</span>;
}
