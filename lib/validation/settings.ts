import { z } from "zod";
import { LEVELS, type Level } from "../domain/assessment";
import { LOCALES, type Locale } from "../domain/locale";
import { DATA_CLASSES, STATUSES, type Status } from "../domain/vocabulary";
import { t, tr, translator, type MessageKey } from "../i18n/translate";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `what` names what the interval is for, as it reads inside a sentence ("reviewing tools marked “Approved”"). */
const months = (what: () => string) =>
  z.coerce
    .number({ error: () => t("settings.validation.months.number", { what: what() }) })
    .int({ error: () => t("settings.validation.months.whole", { what: what() }) })
    .min(1, { error: () => t("settings.validation.months.min", { what: what() }) })
    .max(60, { error: () => t("settings.validation.months.max", { what: what() }) });

const days = (whatKey: MessageKey, max: number) =>
  z.coerce
    .number({ error: () => t("settings.validation.days.number", { what: t(whatKey) }) })
    .int({ error: () => t("settings.validation.days.whole", { what: t(whatKey) }) })
    .min(1, { error: () => t("settings.validation.days.min", { what: capitalised(t(whatKey)) }) })
    .max(max, { error: () => t("settings.validation.days.max", { what: capitalised(t(whatKey)), max }) });

/** The longest label of the company's own; the catalogue's words are shorter. */
export const LABEL_MAX = 40;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/;

/** The vocabulary a company may name in its own words, per language (laid over the catalogue by lib/i18n/translate.ts). */
export const LABEL_KINDS = { dataClass: DATA_CLASSES, status: STATUSES } as const;
export type LabelKind = keyof typeof LABEL_KINDS;

/** The form field group of a kind's labels in one language: "dataClass-en", "status-zh-CN". */
export function labelGroup(kind: LabelKind, locale: Locale): `${LabelKind}-${Locale}` {
  return `${kind}-${locale}`;
}

/**
 * The company's word for one term in one language: trimmed, at most LABEL_MAX characters, no
 * brackets (a message's placeholders and markup) nor control characters. Empty: the catalogue's word.
 */
function termLabel(locale: Locale, kind: LabelKind, term: string) {
  const names = () => ({ language: t(`settings.languages.${locale}`), term: translator(locale)(`vocabulary.${kind}.${term}` as MessageKey) });
  return z
    .string({ error: () => t("settings.validation.label.text", names()) })
    .trim()
    .max(LABEL_MAX, { error: () => t("settings.validation.label.tooLong", { ...names(), max: LABEL_MAX }) })
    .refine((v) => !/[{}<>]/.test(v), { error: () => t("settings.validation.label.brackets", names()) })
    .refine((v) => !CONTROL_OR_NEWLINE.test(v), { error: () => t("settings.validation.label.control", names()) })
    .optional();
}

function labelsOf(kind: LabelKind, locale: Locale) {
  const terms: readonly string[] = LABEL_KINDS[kind];
  return z.object(Object.fromEntries(terms.map((term) => [term, termLabel(locale, kind, term)])) as Record<string, ReturnType<typeof termLabel>>).optional();
}

const labelGroups = Object.fromEntries(LOCALES.flatMap((locale) => (Object.keys(LABEL_KINDS) as LabelKind[]).map((kind) => [labelGroup(kind, locale), labelsOf(kind, locale)]))) as Record<
  `${LabelKind}-${Locale}`,
  ReturnType<typeof labelsOf>
>;

/**
 * The admin settings form: the company's default language and its own words for data classes and
 * statuses per language (a group left out stays as it is), a review interval per status, a
 * reassessment interval per tier, the request deadlines. `labels` is the English data-class labels'
 * name from before the interface had languages, still accepted.
 */
export const SettingsInput = z.object({
  defaultLocale: z.enum(LOCALES, tr("settings.validation.defaultLocale")).optional(),
  ...labelGroups,
  labels: labelsOf("dataClass", "en"),
  intervals: z.object(Object.fromEntries(STATUSES.map((s) => [s, months(() => t("settings.validation.months.review", { status: t(`vocabulary.status.${s}`) }))])) as Record<Status, ReturnType<typeof months>>),
  reassessment: z.object(
    Object.fromEntries(LEVELS.map((l) => [l, months(() => t("settings.validation.months.reassess", { level: t(`vocabulary.level.${l}`).toLowerCase() }))])) as Record<Level, ReturnType<typeof months>>,
  ),
  requests: z.object({
    managerSlaDays: days("settings.validation.days.manager", 60),
    securitySlaDays: days("settings.validation.days.security", 60),
    maxExceptionDays: days("settings.validation.days.exception", 730),
  }),
});
export type SettingsInput = z.infer<typeof SettingsInput>;


const HTTPS_URL = z.url({ protocol: /^https$/ });

/** The chat webhook: set an https URL, or remove it. */
export const ChatWebhookInput = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("set"),
    url: z
      .string(tr("settings.validation.webhook.required"))
      .trim()
      .min(1, tr("settings.validation.webhook.required"))
      .max(2000, tr("settings.validation.webhook.tooLong"))
      .refine((v) => HTTPS_URL.safeParse(v).success, tr("settings.validation.webhook.https")),
  }),
  z.object({ intent: z.literal("remove") }),
]);
