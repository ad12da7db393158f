import { useLocale, useTranslations } from "next-intl";
import type { RequestStatus } from "@/lib/domain/requests";
import type { Status, Verdict } from "@/lib/domain/vocabulary";

const STATUS_STYLES: Record<Status | "unclassified", string> = {
  approved: "bg-emerald-100 text-emerald-900 ring-emerald-600/30",
  approved_with_conditions: "bg-lime-100 text-lime-900 ring-lime-700/30",
  restricted: "bg-amber-100 text-amber-900 ring-amber-600/40",
  prohibited: "bg-red-100 text-red-900 ring-red-600/30",
  under_review: "bg-sky-100 text-sky-900 ring-sky-600/30",
  unclassified: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

/** The badges' hues at full strength, for charts: a bar's fill and its swatch in the chart's table. */
export const STATUS_CHART_COLOURS: Record<Status | "unclassified", { fill: string; swatch: string }> = {
  approved: { fill: "fill-emerald-500", swatch: "bg-emerald-500" },
  approved_with_conditions: { fill: "fill-lime-500", swatch: "bg-lime-500" },
  restricted: { fill: "fill-amber-500", swatch: "bg-amber-500" },
  prohibited: { fill: "fill-red-600", swatch: "bg-red-600" },
  under_review: { fill: "fill-sky-500", swatch: "bg-sky-500" },
  unclassified: { fill: "fill-slate-400", swatch: "bg-slate-400" },
};

const VERDICT_STYLES: Record<Verdict, string> = {
  allowed: STATUS_STYLES.approved,
  allowed_with_conditions: STATUS_STYLES.approved_with_conditions,
  allowed_by_exception: "bg-violet-100 text-violet-900 ring-violet-600/30",
  exception_required: STATUS_STYLES.restricted,
  prohibited: STATUS_STYLES.prohibited,
  under_review: STATUS_STYLES.under_review,
  unknown: STATUS_STYLES.unclassified,
};

const pill = "inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset";

/**
 * The badges read their words from the catalogues with useTranslations, so they draw alike in
 * server components and in the client components that show them (search, bulk check).
 */
export function StatusBadge({ status }: { status: Status | null }) {
  const t = useTranslations();
  return (
    <span className={`${pill} ${STATUS_STYLES[status ?? "unclassified"]}`} data-status={status ?? "unclassified"}>
      {status ? t(`vocabulary.status.${status}`) : t("ui.badges.notClassified")}
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useTranslations("vocabulary.verdict");
  return (
    <span className={`${pill} ${VERDICT_STYLES[verdict]}`} data-verdict={verdict}>
      {t(verdict)}
    </span>
  );
}

const REQUEST_STATUS_STYLES: Record<RequestStatus, string> = {
  awaiting_manager: "bg-sky-100 text-sky-900",
  awaiting_security: "bg-sky-100 text-sky-900",
  awaiting_confirmation: "bg-sky-100 text-sky-900",
  approved: "bg-emerald-100 text-emerald-900",
  rejected: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-200 text-slate-800",
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useTranslations("vocabulary.requestStatus");
  return (
    <span className={`${pill} ${REQUEST_STATUS_STYLES[status]}`} data-request-status={status}>
      {t(status)}
    </span>
  );
}

/** A list's or search result's status: one badge, or "Depends on edition" with each edition's status, the company's first. */
export function HeadlineBadge({ status, byEdition }: { status: Status | null; byEdition: { name: string; status: Status | null }[] | null }) {
  const t = useTranslations();
  const locale = useLocale();
  if (!byEdition) return <StatusBadge status={status} />;
  const text = byEdition
    .map((e) => t("ui.badges.editionStatus", { edition: e.name, status: (e.status ? t(`vocabulary.status.${e.status}`) : t("ui.badges.notClassified")).toLocaleLowerCase(locale) }))
    .join(t("vocabulary.listSeparator"));
  return (
    // Several editions make a long line: it wraps inside the screen instead of stretching it (a pill never shrinks).
    <span
      className={`inline-block min-w-0 max-w-full rounded-2xl px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLES[status ?? "unclassified"]}`}
      data-status="depends_on_edition"
      data-lead-status={status ?? "unclassified"}
    >
      {t("ui.badges.dependsOnEdition", { editions: text })}
    </span>
  );
}
