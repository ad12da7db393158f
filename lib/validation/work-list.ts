import { z } from "zod";
import { LEVEL_LABELS } from "../domain/assessment";
import { STATUS_LABELS } from "../domain/vocabulary";
import {
  REVIEW_DUE_LABELS,
  REVIEW_DUE_WINDOWS,
  STATUS_FILTERS,
  TIER_FILTERS,
  WORK_LIST_SORTS,
  type WorkListFilters,
} from "../domain/work-list";
import { line, optional } from "./fields";
import { asSentence } from "./messages";

/** Manage's work list: its query string, one parameter at a time (see parseWorkListQuery). */

const quoted = (labels: string[]) => labels.map((l) => `“${l}”`).join(", ");

const FIELDS = {
  q: optional(line("The search", 200)),
  status: optional(
    z.enum(STATUS_FILTERS, { message: `The status filter must be one of ${quoted([...Object.values(STATUS_LABELS), "Not yet classified"])}.` }),
  ),
  owner: optional(line("The owner filter", 200)),
  due: optional(z.enum(REVIEW_DUE_WINDOWS, { message: `The review due filter must be one of ${quoted(Object.values(REVIEW_DUE_LABELS))}.` })),
  tier: optional(z.enum(TIER_FILTERS, { message: `The assessed tier filter must be one of ${quoted([...Object.values(LEVEL_LABELS), "Not assessed"])}.` })),
  sort: optional(z.enum(WORK_LIST_SORTS, { message: "The order must be by name or by review date." })),
  page: optional(
    z.coerce
      .number({ message: "The page must be a number." })
      .int("The page must be a whole number.")
      .min(1, "The page must be at least 1.")
      .max(100_000, "The page is too large."),
  ),
} satisfies Record<string, z.ZodType>;

export type WorkListParam = keyof typeof FIELDS;

/**
 * The work list's filters from a URL's query parameters. Each parameter is checked on its own:
 * a bad one is left out and named in `problems` (a sentence a person can act on), the others
 * still apply. Repeated parameters count once (the first); unknown ones are ignored.
 */
export function parseWorkListQuery(raw: Record<string, string | string[] | undefined>): { filters: WorkListFilters; problems: string[] } {
  const filters: WorkListFilters = { sort: "name", page: 1 };
  const problems: string[] = [];
  for (const key of Object.keys(FIELDS) as WorkListParam[]) {
    const given = raw[key];
    const value = Array.isArray(given) ? given[0] : given;
    if (value === undefined) continue;
    const parsed = FIELDS[key].safeParse(value);
    if (!parsed.success) {
      problems.push(asSentence(parsed.error.issues[0]?.message ?? `The ${key} filter is not valid`));
      continue;
    }
    if (parsed.data !== undefined) Object.assign(filters, { [key]: parsed.data });
  }
  return { filters, problems };
}
