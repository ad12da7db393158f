import "server-only";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { settings } from "../db/schema";
import { DEFAULT_REASSESSMENT_MONTHS, LEVELS, type Level } from "../domain/assessment";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../domain/locale";
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from "../domain/requests";
import type { MessageOverrides } from "../i18n/translate";
import {
  DATA_CLASSES,
  DEFAULT_DATA_CLASS_LABELS,
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  STATUSES,
  type DataClass,
  type Status,
} from "../domain/vocabulary";

export interface Settings {
  dataClassLabels: Record<DataClass, string>;
  reviewIntervalMonths: Record<Status, number>;
  reassessmentMonths: Record<Level, number>;
  requests: RequestSettings;
}

const LabelsSchema = z.object(Object.fromEntries(DATA_CLASSES.map((c) => [c, z.string().min(1).max(40)])) as Record<DataClass, z.ZodString>);
const ReassessmentSchema = z.object(Object.fromEntries(LEVELS.map((l) => [l, z.number().int().min(1).max(60)])) as Record<Level, z.ZodNumber>);
const RequestsSchema = z.object({ managerSlaDays: z.number().int().min(1).max(60), securitySlaDays: z.number().int().min(1).max(60), maxExceptionDays: z.number().int().min(1).max(730) });
const IntervalsSchema = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(1).max(60)])) as Record<Status, z.ZodNumber>);

export const SETTING_KEYS = {
  dataClassLabels: "data_class_labels",
  reviewIntervalMonths: "review_interval_months",
  reassessmentMonths: "reassessment_interval_months",
  requests: "requests",
} as const;

/** Kept apart from the other settings: the URL is a secret and never leaves the server whole. */
export const CHAT_WEBHOOK_KEY = "chat_webhook_url";
// https is required where it is set (lib/validation/settings.ts); a local test hook may be plain http.
const ChatWebhookSchema = z.object({ url: z.url({ protocol: /^https?$/ }) });

/** Settings with defaults for anything not stored (or stored in a shape we no longer accept). */
export async function getSettings(db: Db | Tx): Promise<Settings> {
  const rows = await db.select().from(settings).where(inArray(settings.key, Object.values(SETTING_KEYS)));
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const labels = LabelsSchema.safeParse(stored.get(SETTING_KEYS.dataClassLabels));
  const intervals = IntervalsSchema.safeParse(stored.get(SETTING_KEYS.reviewIntervalMonths));
  const reassessment = ReassessmentSchema.safeParse(stored.get(SETTING_KEYS.reassessmentMonths));
  const requests = RequestsSchema.safeParse(stored.get(SETTING_KEYS.requests));
  return {
    dataClassLabels: labels.success ? labels.data : DEFAULT_DATA_CLASS_LABELS,
    reviewIntervalMonths: intervals.success ? intervals.data : DEFAULT_REVIEW_INTERVAL_MONTHS,
    reassessmentMonths: reassessment.success ? reassessment.data : DEFAULT_REASSESSMENT_MONTHS,
    requests: requests.success ? requests.data : DEFAULT_REQUEST_SETTINGS,
  };
}

/** The incoming webhook that notices are also posted to; null when none is set. */
export async function getChatWebhookUrl(db: Db | Tx): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
  const parsed = ChatWebhookSchema.safeParse(row?.value);
  return parsed.success ? parsed.data.url : null;
}

/** What admins are shown of the webhook: its host, never the secret path. */
export function describeChatWebhook(url: string | null): { host: string } | null {
  return url ? { host: new URL(url).host } : null;
}

/** The company's default language, and its own words for some keys per language (data-class and status labels). */
export const LOCALE_SETTING_KEYS = { defaultLocale: "default_locale", messageOverrides: "message_overrides" } as const;

const DefaultLocaleSchema = z.enum(LOCALES);
const OverridesSchema = z.record(z.enum(LOCALES), z.record(z.string().max(200), z.string().max(200)));

export interface LocaleSettings {
  defaultLocale: Locale;
  overrides: Record<Locale, MessageOverrides>;
}

export async function getLocaleSettings(db: Db | Tx): Promise<LocaleSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [LOCALE_SETTING_KEYS.defaultLocale, LOCALE_SETTING_KEYS.messageOverrides, SETTING_KEYS.dataClassLabels]));
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const defaultLocale = DefaultLocaleSchema.safeParse(stored.get(LOCALE_SETTING_KEYS.defaultLocale));
  const overrides = OverridesSchema.safeParse(stored.get(LOCALE_SETTING_KEYS.messageOverrides));
  const result: Record<Locale, MessageOverrides> = { en: {}, "zh-CN": {} };
  // Labels saved before the interface had languages were English: they stay the English labels.
  const legacyLabels = LabelsSchema.safeParse(stored.get(SETTING_KEYS.dataClassLabels));
  if (legacyLabels.success) for (const c of DATA_CLASSES) result.en[`vocabulary.dataClass.${c}`] = legacyLabels.data[c];
  if (overrides.success) for (const locale of LOCALES) Object.assign(result[locale], overrides.data[locale] ?? {});
  return { defaultLocale: defaultLocale.success ? defaultLocale.data : DEFAULT_LOCALE, overrides: result };
}
