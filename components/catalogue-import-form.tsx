"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { IMPORT_MAX_BYTES, type ImportAction, type ImportChange, type ImportSummary, type PlanRow } from "@/lib/domain/catalogue-transfer";
import { TableScroll } from "@/components/table-scroll";

interface Plan {
  mode: "dry-run" | "apply";
  applied: boolean;
  format: "csv" | "json";
  summary: ImportSummary;
  rows: PlanRow[];
}

/** The outcomes in the order the summary lists them. */
const ACTIONS = ["create", "update", "unchanged", "reject"] as const satisfies readonly ImportAction[];

const ACTION_STYLES: Record<ImportAction, string> = {
  create: "bg-emerald-100 text-emerald-900 ring-emerald-600/30",
  update: "bg-sky-100 text-sky-900 ring-sky-600/30",
  unchanged: "bg-slate-100 text-slate-700 ring-slate-500/30",
  reject: "bg-red-100 text-red-900 ring-red-600/30",
};

/** How the server should read the file: by its type, else by its name (CSV unless .json). */
function contentTypeOf(file: File): string {
  if (file.type === "application/json" || file.type === "text/csv") return file.type;
  return /\.json$/i.test(file.name) ? "application/json" : "text/csv";
}

/**
 * The import page: a file → POST /api/v1/catalogue/import?mode=dry-run (the plan, row by row,
 * nothing written) → Apply (the same file with mode=apply: everything in one transaction, or
 * nothing). Apply stays disabled while any row is rejected.
 */
export function CatalogueImportForm() {
  const ids = { file: useId(), error: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [pending, setPending] = useState<"dry-run" | "apply" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const t = useTranslations("catalogueClient.import");

  async function send(mode: "dry-run" | "apply", chosen: File) {
    setError(null);
    setDone(null);
    if (chosen.size > IMPORT_MAX_BYTES) {
      // Refused here rather than uploaded in full only to be refused (the server answers 413 too).
      setPlan(null);
      setError(t("tooLarge", { size: (chosen.size / 1024 / 1024).toFixed(1), max: IMPORT_MAX_BYTES / 1024 / 1024 }));
      return;
    }
    setPending(mode);
    try {
      const response = await fetch(`/api/v1/catalogue/import?mode=${mode}`, { method: "POST", headers: { "Content-Type": contentTypeOf(chosen) }, body: chosen });
      const body = await response.json().catch(() => null);
      if (response.ok) {
        setPlan(body as Plan);
        if (mode === "apply") {
          const { create, update, unchanged } = (body as Plan).summary;
          setDone(t("imported", { create, update, unchanged }));
        }
      } else {
        // 422: rows are rejected (perhaps since the dry run); the plan says which.
        setPlan(body?.error?.details ?? null);
        setError(body?.error?.message ?? t("failed", { status: response.status }));
      }
    } catch {
      setError(t("unavailable"));
    } finally {
      setPending(null);
    }
  }

  const canApply = plan !== null && !plan.applied && plan.summary.reject === 0 && file !== null && pending === null;
  return (
    <div className="space-y-6">
      <form
        className="card space-y-4"
        aria-describedby={error ? ids.error : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) setError(t("chooseFile"));
          else void send("dry-run", file);
        }}
      >
        <div>
          <label htmlFor={ids.file} className="block font-medium">{t("fileLabel")}</label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="mt-1 block"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setPlan(null);
              setDone(null);
              setError(null);
            }}
          />
          <p className="mt-1 text-sm text-slate-500">{t("fileHint", { max: IMPORT_MAX_BYTES / 1024 / 1024 })}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn" disabled={pending !== null} aria-busy={pending === "dry-run"}>
            {pending === "dry-run" ? t("checking") : t("check")}
          </button>
          <button type="button" className="btn-secondary" disabled={!canApply} aria-busy={pending === "apply"} onClick={() => file && void send("apply", file)}>
            {pending === "apply" ? t("applying") : t("apply")}
          </button>
        </div>
        {plan && plan.summary.reject > 0 && !plan.applied && (
          <p className="text-sm text-slate-700">{t("applyBlocked")}</p>
        )}
        <p id={ids.error} role="alert" className="text-red-700">{error}</p>
        <p role="status" className="font-medium text-emerald-800">
          {done}
          {done && (
            <>
              {" "}
              <Link href="/software">{t("seeCatalogue")}</Link>
            </>
          )}
        </p>
      </form>

      {plan && <PlanTable plan={plan} />}
    </div>
  );
}

function PlanTable({ plan }: { plan: Plan }) {
  const t = useTranslations("catalogueClient.import");
  return (
    <section aria-labelledby="plan-heading" className="space-y-3">
      <h2 id="plan-heading" className="text-xl font-semibold">
        {t("heading", { applied: plan.applied ? "yes" : "no", total: plan.summary.total, format: plan.format.toUpperCase() })}
      </h2>
      <ul className="flex flex-wrap gap-4" aria-label={t("summary")}>
        {ACTIONS.map((action) => (
          <li key={action} data-testid={`summary-${action}`}>
            <ActionBadge action={action} /> {plan.summary[action]}
          </li>
        ))}
      </ul>
      <TableScroll label={t("preview")}>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">{t("caption", { applied: plan.applied ? "yes" : "no" })}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("where")}</th>
              <th scope="col" className="px-3 py-2">{t("software")}</th>
              <th scope="col" className="px-3 py-2">{t("outcome")}</th>
              <th scope="col" className="px-3 py-2">{t("details")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.rows.map((row) => (
              <tr key={row.row} data-action={row.action} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 text-slate-600">{row.location}</td>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {row.name ?? "—"}
                  {row.slug && <span className="block font-mono text-xs font-normal text-slate-500">{row.slug}</span>}
                </th>
                <td className="px-3 py-2"><ActionBadge action={row.action} /></td>
                <td className="px-3 py-2">
                  {row.reasons.length > 0 ? (
                    <ul className="list-disc space-y-1 pl-4 text-red-800">
                      {row.reasons.map((reason, i) => <li key={i}>{reason}</li>)}
                    </ul>
                  ) : row.changes.length > 0 ? (
                    <ul className="space-y-1">
                      {row.changes.map((change, i) => <li key={i}><ChangeText change={change} /></li>)}
                    </ul>
                  ) : (
                    <span className="text-slate-500">{t("nothingToChange")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function ActionBadge({ action }: { action: ImportAction }) {
  const t = useTranslations("catalogueClient.import.action");
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${ACTION_STYLES[action]}`}>
      {t(action)}
    </span>
  );
}

function shorten(text: string | null, none: string): string {
  if (text === null || text === "") return none;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function ChangeText({ change }: { change: ImportChange }) {
  const t = useTranslations("catalogueClient.import");
  const none = t("none");
  return (
    <>
      <span className="font-medium">{change.field}</span>:{" "}
      {change.before === null ? (
        <span>{shorten(change.after, none)}</span>
      ) : (
        <>
          <del className="text-slate-500">{shorten(change.before, none)}</del> <span aria-hidden="true">→</span>
          <span className="sr-only">{t("becomes")}</span> <ins className="no-underline">{shorten(change.after, none)}</ins>
        </>
      )}
    </>
  );
}
