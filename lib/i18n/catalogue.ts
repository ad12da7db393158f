import type { Locale } from "../domain/locale";
import enCommon from "../../messages/en/common.json";
import enErrors from "../../messages/en/errors.json";
import enValidation from "../../messages/en/validation.json";
import enVocabulary from "../../messages/en/vocabulary.json";
import enAdmin from "../../messages/en/admin.json";
import enAdminClient from "../../messages/en/adminClient.json";
import enSettings from "../../messages/en/settings.json";
import enSettingsClient from "../../messages/en/settingsClient.json";
import enSignin from "../../messages/en/signin.json";
import enSigninClient from "../../messages/en/signinClient.json";
import zhCommon from "../../messages/zh-CN/common.json";
import zhErrors from "../../messages/zh-CN/errors.json";
import zhValidation from "../../messages/zh-CN/validation.json";
import zhVocabulary from "../../messages/zh-CN/vocabulary.json";
import zhAdmin from "../../messages/zh-CN/admin.json";
import zhAdminClient from "../../messages/zh-CN/adminClient.json";
import zhSettings from "../../messages/zh-CN/settings.json";
import zhSettingsClient from "../../messages/zh-CN/settingsClient.json";
import zhSignin from "../../messages/zh-CN/signin.json";
import zhSigninClient from "../../messages/zh-CN/signinClient.json";

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
  admin: enAdmin,
  adminClient: enAdminClient,
  settings: enSettings,
  settingsClient: enSettingsClient,
  signin: enSignin,
  signinClient: enSigninClient,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

const zhCN: Messages = {
  common: zhCommon,
  errors: zhErrors,
  validation: zhValidation,
  vocabulary: zhVocabulary,
  admin: zhAdmin,
  adminClient: zhAdminClient,
  settings: zhSettings,
  settingsClient: zhSettingsClient,
  signin: zhSignin,
  signinClient: zhSigninClient,
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
