import { VERDICT_STRICTNESS } from "./verdict";
import { VERDICTS, type Verdict } from "./vocabulary";

/** The shape of a bulk check's answer, and the pure parts of it: summary and CSV. */

export interface BulkSummary {
  total: number;
  /** Every verdict, with 0 for those that did not occur. */
  byVerdict: Record<Verdict, number>;
  /** The strictest verdict among the items; null when there are none. */
  worst: Verdict | null;
}

export function summariseVerdicts(verdicts: readonly Verdict[]): BulkSummary {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  let worst: Verdict | null = null;
  for (const verdict of verdicts) {
    byVerdict[verdict] += 1;
    if (worst === null || VERDICT_STRICTNESS[verdict] > VERDICT_STRICTNESS[worst]) worst = verdict;
  }
  return { total: verdicts.length, byVerdict, worst };
}

/** True when `verdict` is as strict as `threshold` or stricter (a CI step's "fail on"). */
export function atOrBeyond(verdict: Verdict, threshold: Verdict): boolean {
  return VERDICT_STRICTNESS[verdict] >= VERDICT_STRICTNESS[threshold];
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a
 * spreadsheet would run as a formula (= + - @, or a tab/CR that hides one) gets a leading
 * apostrophe, since package names and reasons come from uploaded files.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The columns of a bulk check's CSV download. */
export interface BulkCsvRow {
  query: string;
  type?: string;
  version?: string;
  dataClass: string | null;
  verdict: Verdict;
  software: { name: string; vendor: string | null } | null;
  match: string | null;
  conditions: string[];
  reasons: string[];
  url: string | null;
}

export function bulkResultCsv(items: readonly BulkCsvRow[]): string {
  return toCsv(
    ["query", "type", "version", "data class", "verdict", "software", "vendor", "match", "conditions", "reasons", "url"],
    items.map((i) => [
      i.query, i.type, i.version, i.dataClass, i.verdict, i.software?.name, i.software?.vendor, i.match,
      i.conditions.join("; "), i.reasons.join(" "), i.url,
    ]),
  );
}
