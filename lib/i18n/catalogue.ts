import type { Locale } from "../domain/locale";
import enCatalogue from "../../messages/en/catalogue.json";
import enCatalogueClient from "../../messages/en/catalogueClient.json";
import enApi from "../../messages/en/api.json";
import enAudit from "../../messages/en/audit.json";
import enCli from "../../messages/en/cli.json";
import enCommon from "../../messages/en/common.json";
import enOutbox from "../../messages/en/outbox.json";
import enNotices from "../../messages/en/notices.json";
import enNotifications from "../../messages/en/notifications.json";
import enRequests from "../../messages/en/requests.json";
import enRequestsClient from "../../messages/en/requestsClient.json";
import enEncoding from "../../messages/en/encoding.json";
import enErrors from "../../messages/en/errors.json";
import enValidation from "../../messages/en/validation.json";
import enVocabulary from "../../messages/en/vocabulary.json";
import enAssessments from "../../messages/en/assessments.json";
import enAssessmentsClient from "../../messages/en/assessmentsClient.json";
import enTemplates from "../../messages/en/templates.json";
import enTemplatesClient from "../../messages/en/templatesClient.json";
import enEvidence from "../../messages/en/evidence.json";
import enEvidenceClient from "../../messages/en/evidenceClient.json";
import enDashboard from "../../messages/en/dashboard.json";
import enDashboardClient from "../../messages/en/dashboardClient.json";
import zhCatalogue from "../../messages/zh-CN/catalogue.json";
import zhCatalogueClient from "../../messages/zh-CN/catalogueClient.json";
import zhApi from "../../messages/zh-CN/api.json";
import zhAudit from "../../messages/zh-CN/audit.json";
import zhCli from "../../messages/zh-CN/cli.json";
import enBrowse from "../../messages/en/browse.json";
import enSoftware from "../../messages/en/software.json";
import enHelp from "../../messages/en/help.json";
import enUi from "../../messages/en/ui.json";
import enSearchClient from "../../messages/en/searchClient.json";
import enBulkCheckClient from "../../messages/en/bulkCheckClient.json";
import enAdmin from "../../messages/en/admin.json";
import enAdminClient from "../../messages/en/adminClient.json";
import enSettings from "../../messages/en/settings.json";
import enSettingsClient from "../../messages/en/settingsClient.json";
import enSignin from "../../messages/en/signin.json";
import enSigninClient from "../../messages/en/signinClient.json";
import enWebhooks from "../../messages/en/webhooks.json";
import enWebhooksClient from "../../messages/en/webhooksClient.json";
import zhCommon from "../../messages/zh-CN/common.json";
import zhOutbox from "../../messages/zh-CN/outbox.json";
import zhNotices from "../../messages/zh-CN/notices.json";
import zhNotifications from "../../messages/zh-CN/notifications.json";
import zhRequests from "../../messages/zh-CN/requests.json";
import zhRequestsClient from "../../messages/zh-CN/requestsClient.json";
import zhEncoding from "../../messages/zh-CN/encoding.json";
import zhErrors from "../../messages/zh-CN/errors.json";
import zhValidation from "../../messages/zh-CN/validation.json";
import zhVocabulary from "../../messages/zh-CN/vocabulary.json";
import zhAssessments from "../../messages/zh-CN/assessments.json";
import zhAssessmentsClient from "../../messages/zh-CN/assessmentsClient.json";
import zhTemplates from "../../messages/zh-CN/templates.json";
import zhTemplatesClient from "../../messages/zh-CN/templatesClient.json";
import zhEvidence from "../../messages/zh-CN/evidence.json";
import zhEvidenceClient from "../../messages/zh-CN/evidenceClient.json";
import zhDashboard from "../../messages/zh-CN/dashboard.json";
import zhDashboardClient from "../../messages/zh-CN/dashboardClient.json";
import zhBrowse from "../../messages/zh-CN/browse.json";
import zhSoftware from "../../messages/zh-CN/software.json";
import zhHelp from "../../messages/zh-CN/help.json";
import zhUi from "../../messages/zh-CN/ui.json";
import zhSearchClient from "../../messages/zh-CN/searchClient.json";
import zhBulkCheckClient from "../../messages/zh-CN/bulkCheckClient.json";
import zhAdmin from "../../messages/zh-CN/admin.json";
import zhAdminClient from "../../messages/zh-CN/adminClient.json";
import zhSettings from "../../messages/zh-CN/settings.json";
import zhSettingsClient from "../../messages/zh-CN/settingsClient.json";
import zhSignin from "../../messages/zh-CN/signin.json";
import zhSigninClient from "../../messages/zh-CN/signinClient.json";
import zhWebhooks from "../../messages/zh-CN/webhooks.json";
import zhWebhooksClient from "../../messages/zh-CN/webhooksClient.json";

/**
 * The message catalogues: one JSON file per namespace and language under messages/<locale>/,
 * in ICU message syntax (https://next-intl.dev/docs/usage/messages). English is the reference:
 * its shape is the type every other language must match (tests/unit/catalogue.test.ts checks
 * keys and placeholders). A new namespace is imported here in both languages.
 */
const en = {
  catalogue: enCatalogue,
  catalogueClient: enCatalogueClient,
  api: enApi,
  audit: enAudit,
  cli: enCli,
  outbox: enOutbox,
  common: enCommon,
  encoding: enEncoding,
  errors: enErrors,
  validation: enValidation,
  vocabulary: enVocabulary,
  assessments: enAssessments,
  assessmentsClient: enAssessmentsClient,
  templates: enTemplates,
  templatesClient: enTemplatesClient,
  evidence: enEvidence,
  evidenceClient: enEvidenceClient,
  dashboard: enDashboard,
  dashboardClient: enDashboardClient,
  browse: enBrowse,
  software: enSoftware,
  help: enHelp,
  ui: enUi,
  searchClient: enSearchClient,
  bulkCheckClient: enBulkCheckClient,
  admin: enAdmin,
  adminClient: enAdminClient,
  settings: enSettings,
  settingsClient: enSettingsClient,
  signin: enSignin,
  signinClient: enSigninClient,
  requests: enRequests,
  requestsClient: enRequestsClient,
  notices: enNotices,
  notifications: enNotifications,
  webhooks: enWebhooks,
  webhooksClient: enWebhooksClient,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

const zhCN: Messages = {
  catalogue: zhCatalogue,
  catalogueClient: zhCatalogueClient,
  api: zhApi,
  audit: zhAudit,
  cli: zhCli,
  outbox: zhOutbox,
  common: zhCommon,
  encoding: zhEncoding,
  errors: zhErrors,
  validation: zhValidation,
  vocabulary: zhVocabulary,
  assessments: zhAssessments,
  assessmentsClient: zhAssessmentsClient,
  templates: zhTemplates,
  templatesClient: zhTemplatesClient,
  evidence: zhEvidence,
  evidenceClient: zhEvidenceClient,
  dashboard: zhDashboard,
  dashboardClient: zhDashboardClient,
  browse: zhBrowse,
  software: zhSoftware,
  help: zhHelp,
  ui: zhUi,
  searchClient: zhSearchClient,
  bulkCheckClient: zhBulkCheckClient,
  admin: zhAdmin,
  adminClient: zhAdminClient,
  settings: zhSettings,
  settingsClient: zhSettingsClient,
  signin: zhSignin,
  signinClient: zhSigninClient,
  requests: zhRequests,
  requestsClient: zhRequestsClient,
  notices: zhNotices,
  notifications: zhNotifications,
  webhooks: zhWebhooks,
  webhooksClient: zhWebhooksClient,
};

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/**
 * Namespaces client components read (useTranslations in a "use client" file): only these go to
 * the browser with every page, so keep server-only text (e-mails, audit, errors) out of it.
 */
export const CLIENT_NAMESPACES = ["assessmentsClient", "bulkCheckClient", "catalogueClient", "common", "dashboardClient", "evidenceClient", "requestsClient", "searchClient", "templatesClient", "ui", "validation", "vocabulary", "webhooksClient"] as const satisfies readonly Namespace[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
