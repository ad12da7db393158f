"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { DEFAULT_DATA_CLASS_LABELS, type DataClass, type Status } from "@/lib/domain/vocabulary";
import { HeadlineBadge } from "./badges";

interface Hit {
  slug: string;
  name: string;
  vendor: string | null;
  status: Status | null;
  statusByEdition: { name: string; status: Status | null }[] | null;
  /** The signed-in person's exception for it, if they hold one. */
  grant?: { dataClass: DataClass; endsOn: string; daysLeft: number } | null;
}

type Results = { query: string; items: Hit[] } | { query: string; error: string };

/** Wait after a keystroke before asking: short (a fast typist's keys come 50–100 ms apart; a newer keystroke aborts the older fetch). */
const DEBOUNCE_MS = 20;

/** The address for a query: `?q=` beside any other parameters, or none for an empty box. */
function addressFor(query: string): string {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Search as you type: a combobox with a listbox of matches, navigable with the arrow keys.
 *
 * Results are only ever shown for the query in the box: each answer carries the query it is
 * for, and one for any other query (an older one, arriving late) is never drawn; a new
 * keystroke aborts the fetch in flight. The query lives in the address (`?q=`, replaced while
 * typing), so Back and reload bring it back, with results the server drew (`initialResults`).
 */
export function SearchBox({
  initialQuery = "",
  initialResults = null,
  dataClassLabels = DEFAULT_DATA_CLASS_LABELS,
}: { initialQuery?: string; initialResults?: Results | null; dataClassLabels?: Record<DataClass, string> }) {
  const router = useRouter();
  const t = useTranslations("searchClient");
  const words = useTranslations("vocabulary");
  const ui = useTranslations("ui");
  /** "Your exception: Confidential data, last day 2026-12-31 (27 days left)." */
  const grantSummary = (grant: { dataClass: DataClass; endsOn: string; daysLeft: number }) =>
    ui("grant.summary", { dataClass: dataClassLabels[grant.dataClass], date: grant.endsOn, days: Math.max(0, grant.daysLeft) });
  // The effect's messages, without making the translator one of its dependencies.
  const failed = useRef({ failed: t("failed"), unavailable: t("unavailable") });
  const listId = useId();
  const params = useSearchParams();
  const [query, setQuery] = useState(() => params.get("q") ?? initialQuery);
  const [lastResults, setResults] = useState<Results | null>(initialResults);
  const [active, setActive] = useState(-1);
  const latest = useRef("");

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    // Keep the address in step (no new history entry per keystroke).
    const address = addressFor(q);
    if (address !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", address);
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/software?${new URLSearchParams({ q, pageSize: "8" })}`, { signal: controller.signal });
        const body = await response.json();
        if (latest.current !== q || controller.signal.aborted) return;
        setActive(-1);
        setResults(response.ok ? { query: q, items: body.items } : { query: q, error: body?.error?.message ?? failed.current.failed });
      } catch (error) {
        if ((error as Error).name !== "AbortError" && latest.current === q) setResults({ query: q, error: failed.current.unavailable });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  // Only the answer for the query in the box is shown: an emptied box, or one whose answer is
  // still on its way, shows nothing rather than another query's results.
  const results = query.trim() && lastResults?.query === query.trim() ? lastResults : null;
  const pending = Boolean(query.trim()) && !results;
  const items = results && "items" in results ? results.items : [];

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const target = items[active >= 0 ? active : 0];
      if (target) router.push(`/software/${target.slug}`);
    } else if (event.key === "Escape") {
      setQuery("");
    }
  }

  return (
    <div>
      <label htmlFor="search" className="sr-only">
        {t("label")}
      </label>
      <input
        id="search"
        type="search"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus
        maxLength={200}
        placeholder={t("placeholder")}
        className="input py-3 text-base"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div aria-live="polite" className="sr-only" data-pending={pending || undefined}>
        {results && "items" in results ? t("resultCount", { count: results.items.length }) : ""}
      </div>
      {results && "error" in results && <p className="mt-3 text-sm text-red-700">{results.error}</p>}
      {results && "items" in results && results.items.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t("listLabel")} data-query={results.query} className="mt-3 divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
          {results.items.map((hit, index) => (
            // The link is the option (a link inside an option would be a control inside a control); the box keeps the focus.
            <li key={hit.slug} role="none" className={index === active ? "bg-indigo-50" : ""}>
              <Link href={`/software/${hit.slug}`} id={`${listId}-${index}`} role="option" aria-selected={index === active} tabIndex={-1} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-4 py-3 text-slate-900 no-underline hover:bg-slate-50">
                {/* The text keeps at least 12rem: a long badge (editions that differ) goes below it rather than squeeze it to a word a line. */}
                <span className="min-w-0 flex-[1_1_12rem]">
                  <span className="block font-medium">{hit.name}</span>
                  <span className="block text-sm text-slate-600">
                    {hit.vendor ? `${hit.vendor} · ` : ""}
                    {hit.statusByEdition
                      ? t("differsByEdition")
                      : hit.status ? words(`statusMeaning.${hit.status}`) : t("notClassified")}
                  </span>
                  {hit.grant && <span className="block text-sm font-medium text-violet-900" data-testid="hit-grant">{grantSummary(hit.grant)}</span>}
                </span>
                <HeadlineBadge status={hit.status} byEdition={hit.statusByEdition} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {results && "items" in results && results.items.length === 0 && (
        <div className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-5" data-testid="no-results">
          <p className="font-medium">
            {t.rich("notFound", { query: results.query, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {t("notFoundAdvice")}
          </p>
          <Link href={`/requests/new?name=${encodeURIComponent(results.query)}`} className="btn mt-3 inline-block no-underline text-white">
            {t("askReview", { query: results.query })}
          </Link>
        </div>
      )}
    </div>
  );
}
