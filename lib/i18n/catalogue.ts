import type { Locale } from "../domain/locale";
import enCommon from "../../messages/en/common.json";
import enErrors from "../../messages/en/errors.json";
import enValidation from "../../messages/en/validation.json";
import enVocabulary from "../../messages/en/vocabulary.json";
import enBrowse from "../../messages/en/browse.json";
import enSoftware from "../../messages/en/software.json";
import enHelp from "../../messages/en/help.json";
import enUi from "../../messages/en/ui.json";
import enSearchClient from "../../messages/en/searchClient.json";
import enBulkCheckClient from "../../messages/en/bulkCheckClient.json";
import zhCommon from "../../messages/zh-CN/common.json";
import zhErrors from "../../messages/zh-CN/errors.json";
import zhValidation from "../../messages/zh-CN/validation.json";
import zhVocabulary from "../../messages/zh-CN/vocabulary.json";
import zhBrowse from "../../messages/zh-CN/browse.json";
import zhSoftware from "../../messages/zh-CN/software.json";
import zhHelp from "../../messages/zh-CN/help.json";
import zhUi from "../../messages/zh-CN/ui.json";
import zhSearchClient from "../../messages/zh-CN/searchClient.json";
import zhBulkCheckClient from "../../messages/zh-CN/bulkCheckClient.json";

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
  browse: enBrowse,
  software: enSoftware,
  help: enHelp,
  ui: enUi,
  searchClient: enSearchClient,
  bulkCheckClient: enBulkCheckClient,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

const zhCN: Messages = {
  common: zhCommon,
  errors: zhErrors,
  validation: zhValidation,
  vocabulary: zhVocabulary,
  browse: zhBrowse,
  software: zhSoftware,
  help: zhHelp,
  ui: zhUi,
  searchClient: zhSearchClient,
  bulkCheckClient: zhBulkCheckClient,
};

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/**
 * Namespaces client components read (useTranslations in a "use client" file): only these go to
 * the browser with every page, so keep server-only text (e-mails, audit, errors) out of it.
 */
export const CLIENT_NAMESPACES = ["common", "validation", "vocabulary", "ui", "searchClient", "bulkCheckClient"] as const satisfies readonly Namespace[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
