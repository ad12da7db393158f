"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { bulkResultCsv, type BulkCsvRow, type BulkSummary } from "@/lib/domain/bulk-check";
import { requestPath } from "@/lib/domain/requests";
import { DATA_CLASSES, VERDICTS, type DataClass, type Verdict } from "@/lib/domain/vocabulary";
import { VerdictBadge } from "./badges";
import { TableScroll } from "@/components/table-scroll";

interface ResultItem extends BulkCsvRow {
  software: { name: string; vendor: string | null; slug: string } | null;
  dev: boolean;
  /** The signed-in person's exception the verdict rests on. */
  grant: { dataClass: DataClass; endsOn: string; daysLeft: number; conditions: string[]; request: { id: string } | null } | null;
}

interface Result {
  format: string | null;
  items: ResultItem[];
  summary: BulkSummary;
}

/** The bulk check page: a manifest or pasted names → POST /api/v1/check (the same answer CI gets) → a table and a CSV. */
export function BulkCheckForm({ dataClassLabels }: { dataClassLabels: Record<DataClass, string> }) {
  const t = useTranslations("bulkCheckClient");
  const ids = { file: useId(), names: useId(), dataClass: useId(), error: useId() };
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const names = String(form.get("names") ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const dataClass = String(form.get("dataClass") ?? "");
    const query = dataClass ? `?${new URLSearchParams({ dataClass })}` : "";
    let init: RequestInit;
    if (file instanceof File && file.size > 0) {
      // Sent as it is: the server reads the format from the content.
      init = { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: await file.text() };
    } else if (names.length > 0) {
      init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ items: names.map((q) => ({ q })) }) };
    } else {
      setError(t("chooseInput"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/check${query}`, init);
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        setResult(null);
        setError(body?.error?.message ?? t("failed", { status: response.status }));
      } else {
        setResult(body as Result);
      }
    } catch {
      setError(t("unavailable"));
    } finally {
      setPending(false);
    }
  }

  function downloadCsv() {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([bulkResultCsv(result.items)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "vetted-check.csv";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div>
      <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-describedby={error ? ids.error : undefined}>
        <div>
          <label htmlFor={ids.file} className="block font-medium">{t("file")}</label>
          <input id={ids.file} name="file" type="file" accept=".json,.txt,application/json,text/plain" className="mt-1 block" />
        </div>
        <div>
          <label htmlFor={ids.names} className="block font-medium">{t("names")}</label>
          <textarea id={ids.names} name="names" rows={5} className="mt-1 block w-full rounded border border-slate-300 p-2 font-mono text-sm" placeholder={t("namesExample")} />
          <p className="mt-1 text-sm text-slate-500">{t("fileWins")}</p>
        </div>
        <div>
          <label htmlFor={ids.dataClass} className="block font-medium">{t("dataClass")}</label>
          <select id={ids.dataClass} name="dataClass" className="mt-1 rounded border border-slate-300 p-1" defaultValue="">
            <option value="">{t("anyUse")}</option>
            {DATA_CLASSES.map((dc) => (
              <option key={dc} value={dc}>{dataClassLabels[dc]}</option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? t("checking") : t("check")}
        </button>
        <p id={ids.error} role="alert" className="text-red-700">{error}</p>
      </form>

      {result && <BulkResult result={result} dataClassLabels={dataClassLabels} onDownload={downloadCsv} />}
    </div>
  );
}

function BulkResult({ result, dataClassLabels, onDownload }: { result: Result; dataClassLabels: Record<DataClass, string>; onDownload: () => void }) {
  const t = useTranslations("bulkCheckClient");
  const words = useTranslations("vocabulary");
  const ui = useTranslations("ui");
  /** "Your exception: Confidential data, last day 2026-12-31 (27 days left)." */
  const grantSummary = (grant: { dataClass: DataClass; endsOn: string; daysLeft: number }) =>
    ui("grant.summary", { dataClass: dataClassLabels[grant.dataClass], date: grant.endsOn, days: Math.max(0, grant.daysLeft) });
  const counted = VERDICTS.filter((v) => result.summary.byVerdict[v] > 0);
  return (
    <section aria-labelledby="bulk-summary" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="bulk-summary" className="text-xl font-semibold">
          {result.format ? t("checkedFrom", { total: result.summary.total, format: result.format }) : t("checked", { total: result.summary.total })}
        </h2>
        <button type="button" onClick={onDownload} className="rounded border border-slate-300 px-3 py-1 font-medium">
          {t("download")}
        </button>
      </div>
      <ul className="mt-2 flex flex-wrap gap-3" aria-label={t("summary")}>
        {counted.map((verdict: Verdict) => (
          <li key={verdict} className="flex items-center gap-1">
            <VerdictBadge verdict={verdict} /> <span>{result.summary.byVerdict[verdict]}</span>
            <span className="sr-only">{words(`verdict.${verdict}`)}</span>
          </li>
        ))}
      </ul>
      <TableScroll label={t("results")} className="mt-4">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("asked")}</th>
              <th scope="col" className="py-2 pr-4">{t("verdict")}</th>
              <th scope="col" className="py-2 pr-4">{t("inCatalogue")}</th>
              <th scope="col" className="py-2 pr-4">{t("data")}</th>
              <th scope="col" className="py-2">{t("why")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item, index) => (
              <tr key={`${item.type ?? ""}:${item.query}:${index}`} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4 font-mono">
                  {item.query}
                  {item.version ? <span className="text-slate-500"> {item.version}</span> : null}
                  {item.type && item.type !== "other" ? <span className="ml-1 text-xs text-slate-500">({item.type}{item.dev ? t("dev") : ""})</span> : null}
                </td>
                <td className="py-2 pr-4"><VerdictBadge verdict={item.verdict} /></td>
                <td className="py-2 pr-4">
                  {item.software ? <a href={`/software/${item.software.slug}`}>{item.software.name}</a> : <span className="text-slate-500">—</span>}
                </td>
                <td className="py-2 pr-4">{item.dataClass ? dataClassLabels[item.dataClass as DataClass] : t("anyData")}</td>
                <td className="py-2 text-slate-700">
                  {item.reasons.join(" ")}
                  {item.conditions.length > 0 && <span className="block">{t("conditions", { conditions: item.conditions.join(words("listSeparator")) })}</span>}
                  {item.grant && (
                    <span className="block font-medium text-violet-900" data-testid="item-grant">
                      {grantSummary(item.grant)}{" "}
                      {item.grant.request && <a href={requestPath(item.grant.request.id)}>{t("seeRequest")}</a>}
                    </span>
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
