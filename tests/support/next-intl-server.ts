import { createTranslator } from "use-intl/core";
import { FORMATS, TIME_ZONE } from "@/lib/i18n/formats";
import { currentLocale, formatter, messagesFor } from "@/lib/i18n/translate";

/**
 * next-intl/server for tests that call server components as functions (the hostile-input sweep):
 * outside Next's React Server runtime the real module refuses to run ("not supported in Client
 * Components"). The same catalogues and formats, in the language of lib/i18n/translate's current
 * request (English unless a test runs it in another).
 */
export async function getTranslations(namespaceOrOptions?: string | { namespace?: string }) {
  const namespace = typeof namespaceOrOptions === "string" ? namespaceOrOptions : namespaceOrOptions?.namespace;
  const locale = currentLocale();
  return createTranslator({
    locale,
    messages: messagesFor(locale),
    namespace: namespace as never,
    formats: FORMATS,
    timeZone: TIME_ZONE,
    onError: () => {},
    getMessageFallback: ({ namespace: ns, key }) => [ns, key].filter(Boolean).join("."),
  });
}

export async function getFormatter() {
  return formatter();
}

export async function getLocale() {
  return currentLocale();
}

export async function getMessages() {
  return messagesFor(currentLocale());
}

export async function getNow() {
  return new Date();
}

export async function getTimeZone() {
  return TIME_ZONE;
}

export function setRequestLocale(): void {}

export function getRequestConfig<T>(create: T): T {
  return create;
}
