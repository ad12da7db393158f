import type { Formats } from "use-intl/core";

/**
 * Named formats, the same in every language: `format.dateTime(d, "day")`, `t("x", {at}, )` with
 * `{at, date, day}` in a message. Days are calendar days in UTC, as the product stores them
 * (a grant's last day, a review date); moments are shown to the minute.
 */
export const FORMATS = {
  dateTime: {
    day: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
    moment: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" },
  },
  number: {
    whole: { maximumFractionDigits: 0 },
  },
} satisfies Formats;

/** Dates are shown in UTC, the zone the product keeps days in. */
export const TIME_ZONE = "UTC";
