import { AsyncLocalStorage } from "node:async_hooks";
import { createFormatter, createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "../domain/locale";
import { CATALOGUES, type Messages } from "./catalogue";
import { FORMATS, TIME_ZONE } from "./formats";

/**
 * Text for people outside React: error messages, validation sentences, e-mails, notices, chat
 * messages, confirmations. The language is the one of the request being served (the door and
 * the API wrapper run each request in its reader's language, `runInLocale`), or the one passed
 * explicitly for a message to someone else (an e-mail to an approver: `translator(theirs)`).
 * Outside any request (tests, jobs, the CLI), English.
 */

/** A company's own words for some keys, per language (data-class and status labels in settings). */
export type MessageOverrides = Partial<Record<string, string>>;

interface LocaleContext {
  locale: Locale;
  overrides?: MessageOverrides;
}

const globalForLocale = globalThis as unknown as { vettedLocale?: AsyncLocalStorage<LocaleContext> };
const storage = (globalForLocale.vettedLocale ??= new AsyncLocalStorage<LocaleContext>());

/** Runs `work` with `locale` as the language of every message it makes. */
export function runInLocale<T>(locale: Locale, work: () => T, overrides?: MessageOverrides): T {
  return storage.run({ locale, overrides }, work);
}

/** The language of the request being served; English outside one. */
export function currentLocale(): Locale {
  return storage.getStore()?.locale ?? DEFAULT_LOCALE;
}

/** The catalogue of a language with a company's overrides ("vocabulary.dataClass.public": "公开") laid over it. */
export function messagesFor(locale: Locale, overrides?: MessageOverrides): Messages {
  const base = CATALOGUES[locale];
  if (!overrides || Object.keys(overrides).length === 0) return base;
  const merged = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value !== "string" || !value.trim()) continue;
    const path = key.split(".");
    let node: Record<string, unknown> | undefined = merged;
    for (const part of path.slice(0, -1)) node = node?.[part] && typeof node[part] === "object" ? (node[part] as Record<string, unknown>) : undefined;
    const last = path.at(-1)!;
    // Only keys the catalogue has: an override never adds text the product does not know.
    if (node && typeof node[last] === "string") node[last] = value.replace(/[{}<>]/g, "");
  }
  return merged as unknown as Messages;
}

function make(locale: Locale, overrides?: MessageOverrides) {
  return createTranslator({
    locale,
    messages: messagesFor(locale, overrides),
    formats: FORMATS,
    timeZone: TIME_ZONE,
    // A missing key shows its name rather than crashing a page; tests/unit/catalogue.test.ts keeps keys complete.
    onError: () => {},
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join("."),
  });
}

export type Translator = ReturnType<typeof make>;
export type MessageKey = Parameters<Translator>[0];
export type MessageValues = Parameters<Translator>[1];

const cache = new Map<Locale, Translator>();

/** A translator for one language (with the company's overrides when given). */
export function translator(locale: Locale, overrides?: MessageOverrides): Translator {
  if (overrides && Object.keys(overrides).length) return make(locale, overrides);
  let cached = cache.get(locale);
  if (!cached) cache.set(locale, (cached = make(locale)));
  return cached;
}

/** The current request's translator. */
export function currentTranslator(): Translator {
  const context = storage.getStore();
  return translator(context?.locale ?? DEFAULT_LOCALE, context?.overrides);
}

/** A message in the current request's language: `t("errors.notFound")`, `t("errors.tooMany", { seconds: 3 })`. */
export const t: Translator = Object.assign((key: MessageKey, values?: MessageValues) => currentTranslator()(key, values), {
  rich: ((...args: Parameters<Translator["rich"]>) => currentTranslator().rich(...args)) as Translator["rich"],
  markup: ((...args: Parameters<Translator["markup"]>) => currentTranslator().markup(...args)) as Translator["markup"],
  raw: ((...args: Parameters<Translator["raw"]>) => currentTranslator().raw(...args)) as Translator["raw"],
  has: ((...args: Parameters<Translator["has"]>) => currentTranslator().has(...args)) as Translator["has"],
}) as Translator;

/**
 * A message for a zod schema, made when the input is checked (so in the language of the
 * request): `z.string().min(1, tr("validation.software.nameRequired"))`.
 */
export function tr(key: MessageKey, values?: MessageValues): { error: () => string } {
  return { error: () => t(key, values) };
}

/** Dates, numbers, relative times and lists in a language. */
export function formatter(locale: Locale = currentLocale()) {
  return createFormatter({ locale, formats: FORMATS, timeZone: TIME_ZONE });
}
