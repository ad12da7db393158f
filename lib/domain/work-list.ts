import { LEVELS } from "./assessment";
import { addDays } from "./review-due";
import { STATUSES } from "./vocabulary";

/**
 * The reviewers' work list on Manage: the software, filtered by what a reviewer works from
 * (status, owner, when its review is due, the tier its latest completed assessment gave it).
 */

/** When a software's next review falls, by the earliest review date of its decisions in force. */
export const REVIEW_DUE_WINDOWS = ["overdue", "soon", "later"] as const;
export type ReviewDueWindow = (typeof REVIEW_DUE_WINDOWS)[number];

/** How many days ahead "due soon" looks; the review queue looks as far. */
export const DUE_SOON_DAYS = 30;

/** The tiers a filter can ask for: an assessed tier, or no completed assessment yet. */
export const TIER_FILTERS = [...LEVELS, "not_assessed"] as const;
export type TierFilter = (typeof TIER_FILTERS)[number];

export const STATUS_FILTERS = [...STATUSES, "unclassified"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The owner filter's value for software that names no internal owner. */
export const NO_OWNER = "none";

export const WORK_LIST_SORTS = ["name", "due"] as const;
export type WorkListSort = (typeof WORK_LIST_SORTS)[number];

export interface WorkListFilters {
  q?: string;
  status?: StatusFilter;
  /** An owner's name (case-insensitive), or NO_OWNER. */
  owner?: string;
  due?: ReviewDueWindow;
  tier?: TierFilter;
  sort: WorkListSort;
  page: number;
}

/**
 * The review dates (YYYY-MM-DD, inclusive) a window covers on `today`: overdue is before
 * today; soon is today up to DUE_SOON_DAYS ahead; later is after that.
 */
export function reviewDueRange(window: ReviewDueWindow, today: string): { from?: string; to?: string } {
  switch (window) {
    case "overdue":
      return { to: addDays(today, -1) };
    case "soon":
      return { from: today, to: addDays(today, DUE_SOON_DAYS) };
    case "later":
      return { from: addDays(today, DUE_SOON_DAYS + 1) };
  }
}

/** Which window a review date falls in on `today`; null when nothing is due (no decision in force). */
export function reviewDueWindowOf(dueOn: string | null, today: string): ReviewDueWindow | null {
  if (dueOn === null) return null;
  return REVIEW_DUE_WINDOWS.find((window) => {
    const { from, to } = reviewDueRange(window, today);
    return (from === undefined || dueOn >= from) && (to === undefined || dueOn <= to);
  })!;
}

/**
 * What a row says about its review date, as a message key and its date (the page words it:
 * "Overdue since …", "Due …", "No decision in force").
 */
export function reviewDueText(dueOn: string | null, today: string): { key: "none" } | { key: "overdue" | "due"; date: string } {
  if (dueOn === null) return { key: "none" };
  return { key: reviewDueWindowOf(dueOn, today) === "overdue" ? "overdue" : "due", date: dueOn };
}

/** The filters as URL query parameters, leaving out what is not set (for links that keep them). */
export function workListParams(filters: WorkListFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.q) params.q = filters.q;
  if (filters.status) params.status = filters.status;
  if (filters.owner) params.owner = filters.owner;
  if (filters.due) params.due = filters.due;
  if (filters.tier) params.tier = filters.tier;
  if (filters.sort !== "name") params.sort = filters.sort;
  return params;
}
