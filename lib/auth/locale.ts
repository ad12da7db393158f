import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "../db/client";
import { chooseLocale, type Locale } from "../domain/locale";
import type { MessageOverrides } from "../i18n/translate";
import { runInLocale } from "../i18n/translate";
import { getLocaleSettings } from "../queries/settings";
import { getSessionUser } from "./session";

/** A signed-out reader's choice of language (the sign-in page's picker); a signed-in person's own setting comes first. */
export const LOCALE_COOKIE = "vetted_locale";

/**
 * The language of the page being drawn: the person's own setting, then their choice while signed
 * out, then what their browser asks for (`Accept-Language`), then the company's default
 * (settings); with the company's own words for that language (data-class and status labels).
 */
export const requestLocale = cache(async (): Promise<{ locale: Locale; overrides: MessageOverrides }> => {
  const [user, requestHeaders, requestCookies, localeSettings] = await Promise.all([getSessionUser(), headers(), cookies(), getDb().then(getLocaleSettings)]);
  const locale = chooseLocale({
    own: user?.locale,
    cookie: requestCookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: requestHeaders.get("accept-language"),
    companyDefault: localeSettings.defaultLocale,
  });
  return { locale, overrides: localeSettings.overrides[locale] };
});

/** Runs `work` in the page's language, for server code that makes messages outside React (lib/i18n/translate.ts). */
export async function inRequestLocale<T>(work: () => T | Promise<T>): Promise<T> {
  const { locale, overrides } = await requestLocale();
  return runInLocale(locale, work, overrides);
}
