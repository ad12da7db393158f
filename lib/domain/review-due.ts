import { DEFAULT_REVIEW_INTERVAL_MONTHS, type Status } from "./vocabulary";

/** The date (YYYY-MM-DD) a classification decided on `decidedOn` is due for reassessment. */
export function defaultReviewDue(
  status: Status,
  decidedOn: Date,
  intervals: Record<Status, number> = DEFAULT_REVIEW_INTERVAL_MONTHS,
): string {
  return addMonths(decidedOn, intervals[status]);
}

/** YYYY-MM-DD `months` after `from`, clamped to the end of a shorter month. */
export function addMonths(from: Date, months: number): string {
  const due = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + months);
  // Clamp 31 Jan + 1 month to the end of February rather than rolling into March.
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due.toISOString().slice(0, 10);
}

/** The date (YYYY-MM-DD) `days` after `date` (YYYY-MM-DD); negative days go back. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}
