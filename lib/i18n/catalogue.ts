import type { Locale } from "../domain/locale";
import enCommon from "../../messages/en/common.json";
import enNotices from "../../messages/en/notices.json";
import enNotifications from "../../messages/en/notifications.json";
import enRequests from "../../messages/en/requests.json";
import enRequestsClient from "../../messages/en/requestsClient.json";
import enErrors from "../../messages/en/errors.json";
import enValidation from "../../messages/en/validation.json";
import enVocabulary from "../../messages/en/vocabulary.json";
import zhCommon from "../../messages/zh-CN/common.json";
import zhNotices from "../../messages/zh-CN/notices.json";
import zhNotifications from "../../messages/zh-CN/notifications.json";
import zhRequests from "../../messages/zh-CN/requests.json";
import zhRequestsClient from "../../messages/zh-CN/requestsClient.json";
import zhErrors from "../../messages/zh-CN/errors.json";
import zhValidation from "../../messages/zh-CN/validation.json";
import zhVocabulary from "../../messages/zh-CN/vocabulary.json";

/**
 * The message catalogues: one JSON file per namespace and language under messages/<locale>/,
 * in ICU message syntax (https://next-intl.dev/docs/usage/messages). English is the reference:
 * its shape is the type every other language must match (tests/unit/catalogue.test.ts checks
 * keys and placeholders). A new namespace is imported here in both languages.
 */
const en = {
  common: enCommon,
  errors: enErrors,
  validation: enValidation,
  vocabulary: enVocabulary,
  requests: enRequests,
  requestsClient: enRequestsClient,
  notices: enNotices,
  notifications: enNotifications,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

const zhCN: Messages = {
  common: zhCommon,
  errors: zhErrors,
  validation: zhValidation,
  vocabulary: zhVocabulary,
  requests: zhRequests,
  requestsClient: zhRequestsClient,
  notices: zhNotices,
  notifications: zhNotifications,
};

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/**
 * Namespaces client components read (useTranslations in a "use client" file): only these go to
 * the browser with every page, so keep server-only text (e-mails, audit, errors) out of it.
 */
export const CLIENT_NAMESPACES = ["common", "validation", "vocabulary", "requestsClient"] as const satisfies readonly Namespace[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
