import { toCsv } from "./csv";
import { VERDICT_STRICTNESS } from "./verdict";
import { VERDICTS, type Verdict } from "./vocabulary";

/** The shape of a bulk check's answer, and the pure parts of it: summary and CSV (written by ./csv). */

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
