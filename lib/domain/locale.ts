/** The interface's languages, and how one is chosen for a person. Pure: no framework, no I/O. */

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of the product's own words when nothing else decides (the company default starts here). */
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** What the language picker sends for "Browser's language": the person's own choice is cleared. */
export const BROWSER_LOCALE = "browser";

/** Each language's short name, for a button that has little room. */
export const LOCALE_SHORT_NAMES: Record<Locale, string> = { en: "EN", "zh-CN": "中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The supported language a language tag asks for: "zh", "zh-CN", "zh-Hans-SG" → zh-CN; "en-GB" → en; others none. */
export function localeForTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "zh") {
    // Traditional script (zh-Hant, zh-TW, zh-HK) is not Simplified Chinese; such a reader still reads it better than English.
    return "zh-CN";
  }
  if (primary === "en") return "en";
  return null;
}

/**
 * The best supported language of an `Accept-Language` header (RFC 9110 §12.5.4): by quality,
 * then by order; `*` and languages we do not have are skipped; q=0 refuses. Null when nothing matches.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
      return { tag: tag.trim(), quality: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = localeForTag(entry.tag);
    if (locale) return locale;
  }
  return null;
}

/** The person's own setting, then what their browser asks for, then the company's default. */
export function chooseLocale(choice: { own?: string | null; cookie?: string | null; acceptLanguage?: string | null; companyDefault?: string | null }): Locale {
  if (isLocale(choice.own)) return choice.own;
  if (isLocale(choice.cookie)) return choice.cookie;
  return negotiateLocale(choice.acceptLanguage) ?? (isLocale(choice.companyDefault) ? choice.companyDefault : DEFAULT_LOCALE);
}
