import type { Locale } from "../domain/locale";
import enApi from "../../messages/en/api.json";
import enAudit from "../../messages/en/audit.json";
import enCli from "../../messages/en/cli.json";
import enCommon from "../../messages/en/common.json";
import enOutbox from "../../messages/en/outbox.json";
import enErrors from "../../messages/en/errors.json";
import enValidation from "../../messages/en/validation.json";
import enVocabulary from "../../messages/en/vocabulary.json";
import zhApi from "../../messages/zh-CN/api.json";
import zhAudit from "../../messages/zh-CN/audit.json";
import zhCli from "../../messages/zh-CN/cli.json";
import zhCommon from "../../messages/zh-CN/common.json";
import zhOutbox from "../../messages/zh-CN/outbox.json";
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
  api: enApi,
  audit: enAudit,
  cli: enCli,
  outbox: enOutbox,
  common: enCommon,
  errors: enErrors,
  validation: enValidation,
  vocabulary: enVocabulary,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

const zhCN: Messages = {
  api: zhApi,
  audit: zhAudit,
  cli: zhCli,
  outbox: zhOutbox,
  common: zhCommon,
  errors: zhErrors,
  validation: zhValidation,
  vocabulary: zhVocabulary,
};

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/**
 * Namespaces client components read (useTranslations in a "use client" file): only these go to
 * the browser with every page, so keep server-only text (e-mails, audit, errors) out of it.
 */
export const CLIENT_NAMESPACES = ["common", "validation", "vocabulary"] as const satisfies readonly Namespace[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
