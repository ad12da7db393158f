import { z } from "zod";
import { LEVELS } from "../domain/assessment";
import { STATUSES } from "../domain/vocabulary";
import {
  DUE_SOON_DAYS,
  REVIEW_DUE_WINDOWS,
  STATUS_FILTERS,
  TIER_FILTERS,
  WORK_LIST_SORTS,
  type WorkListFilters,
} from "../domain/work-list";
import { t, tr, type MessageKey } from "../i18n/translate";
import { line, optional } from "./fields";
import { asSentence } from "./messages";

/** Manage's work list: its query string, one parameter at a time (see parseWorkListQuery). */

/** “Approved”, “Restricted”, … in the reader's language (made when the input is checked). */
const quoted = (labels: string[]) => labels.map((label) => t("catalogue.workList.invalid.quoted", { label })).join(t("catalogue.workList.invalid.separator"));

/** A "must be one of" message naming the choices, worded when the input is checked. */
const oneOf = (key: MessageKey, labels: () => string[]) => ({ error: () => t(key, { values: quoted(labels()) }) });

const FIELDS = {
  q: optional(line("catalogue.fields.theSearch", 200)),
  status: optional(
    z.enum(
      STATUS_FILTERS,
      oneOf("catalogue.workList.invalid.status", () => [...STATUSES.map((s) => t(`vocabulary.status.${s}`)), t("vocabulary.statusBucket.unclassified")]),
    ),
  ),
  owner: optional(line("catalogue.fields.theOwnerFilter", 200)),
  due: optional(
    z.enum(REVIEW_DUE_WINDOWS, oneOf("catalogue.workList.invalid.due", () => REVIEW_DUE_WINDOWS.map((w) => t(`catalogue.workList.window.${w}`, { days: DUE_SOON_DAYS })))),
  ),
  tier: optional(
    z.enum(TIER_FILTERS, oneOf("catalogue.workList.invalid.tier", () => [...LEVELS.map((l) => t(`vocabulary.level.${l}`)), t("vocabulary.tierBucket.not_assessed")])),
  ),
  sort: optional(z.enum(WORK_LIST_SORTS, tr("catalogue.workList.invalid.sort"))),
  page: optional(
    z.coerce
      .number(tr("catalogue.workList.invalid.pageNumber"))
      .int(tr("catalogue.workList.invalid.pageWhole"))
      .min(1, tr("catalogue.workList.invalid.pageMin"))
      .max(100_000, tr("catalogue.workList.invalid.pageMax")),
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
      problems.push(asSentence(parsed.error.issues[0]?.message ?? t("catalogue.workList.invalid.other", { key })));
      continue;
    }
    if (parsed.data !== undefined) Object.assign(filters, { [key]: parsed.data });
  }
  return { filters, problems };
}
