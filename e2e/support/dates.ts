/**
 * A calendar day (YYYY-MM-DD) as the app shows it to a person in a language: "Dec 31, 2026",
 * "2026年12月31日" (lib/i18n/formats.ts, format "day"). Inputs, CSV and the API keep ISO days.
 */
export function shownDay(isoDay: string, locale: "en" | "zh-CN" = "en"): string {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}
