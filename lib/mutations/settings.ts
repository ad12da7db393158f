import "server-only";
import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { config } from "../config";
import type { Tx } from "../db/client";
import { settings } from "../db/schema";
import { LOCALES, type Locale } from "../domain/locale";
import { DATA_CLASSES, type DataClass } from "../domain/vocabulary";
import { translator, type MessageKey, type MessageOverrides } from "../i18n/translate";
import { addressPolicy, hostRefusal, hostRefusalMessage } from "../domain/address-policy";
import { ValidationFailed } from "../errors";
import { CHAT_WEBHOOK_KEY, describeChatWebhook, getChatWebhookUrl, getLocaleSettings, getSettings, LOCALE_SETTING_KEYS, SETTING_KEYS } from "../queries/settings";
import { defineMutation } from "../server/guard";
import { ChatWebhookInput, LABEL_KINDS, labelGroup, SettingsInput, type LabelKind } from "../validation/settings";

type Labels = Record<Locale, Record<string, string>>;

/** The catalogue key of a term's label: "vocabulary.dataClass.public". */
const labelKey = (kind: LabelKind, term: string) => `vocabulary.${kind}.${term}`;

/** The company's own words per language, for the terms the settings name; a word equal to the catalogue's is none. */
function ownWords(overrides: Record<Locale, MessageOverrides>): Labels {
  const words: Labels = { en: {}, "zh-CN": {} };
  for (const locale of LOCALES) {
    for (const kind of Object.keys(LABEL_KINDS) as LabelKind[]) {
      for (const term of LABEL_KINDS[kind]) {
        const key = labelKey(kind, term);
        const word = overrides[locale][key]?.trim();
        if (word && word !== translator(locale)(key as MessageKey)) words[locale][key] = word;
      }
    }
  }
  return words;
}

/** The words the input names, over the current ones: a group sent replaces that group, an empty label is the catalogue's. */
function wordsAfter(current: Labels, input: SettingsInput): Labels {
  const given: Record<Locale, MessageOverrides> = { en: { ...current.en }, "zh-CN": { ...current["zh-CN"] } };
  for (const locale of LOCALES) {
    for (const kind of Object.keys(LABEL_KINDS) as LabelKind[]) {
      // `labels`: the English data-class labels' name from before the interface had languages.
      const group = input[labelGroup(kind, locale)] ?? (kind === "dataClass" && locale === "en" ? input.labels : undefined);
      if (!group) continue;
      for (const term of LABEL_KINDS[kind]) given[locale][labelKey(kind, term)] = group[term] ?? "";
    }
  }
  return ownWords(given);
}

/** What message_overrides holds beyond the words these settings manage: kept as it is. */
async function storedOverrides(tx: Tx): Promise<Record<string, Record<string, string>>> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, LOCALE_SETTING_KEYS.messageOverrides));
  const parsed = StoredOverrides.safeParse(row?.value);
  return parsed.success ? parsed.data : {};
}
const StoredOverrides = z.record(z.string(), z.record(z.string(), z.string()));

/**
 * Saves the settings form. The labels are stored as message_overrides per language (lib/auth/locale.ts
 * lays them over the catalogue for every page); the English data-class labels are also written to
 * data_class_labels, which machine output (the check API, CSV) and pages not yet on the catalogue read.
 */
export const updateSettings = defineMutation({
  name: "updateSettings",
  action: "settings.manage",
  input: SettingsInput,
  async run({ tx, input, now }) {
    // One after another: a transaction's queries share its connection.
    const current = await getSettings(tx);
    const locales = await getLocaleSettings(tx);
    const stored = await storedOverrides(tx);
    const before = { ...current, defaultLocale: locales.defaultLocale, labels: ownWords(locales.overrides) };
    const labels = wordsAfter(before.labels, input);
    const english = translator("en");
    const dataClassLabels = Object.fromEntries(DATA_CLASSES.map((c) => [c, labels.en[labelKey("dataClass", c)] ?? english(`vocabulary.dataClass.${c}`)])) as Record<DataClass, string>;
    const after = {
      dataClassLabels,
      reviewIntervalMonths: input.intervals,
      reassessmentMonths: input.reassessment,
      requests: input.requests,
      defaultLocale: input.defaultLocale ?? before.defaultLocale,
      labels,
    };
    // Saved unchanged: nothing to write, nothing to audit. (Compared as JSON, as they are stored.)
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after)))) return { result: after, audit: [] };
    const managed = (key: string) => /^vocabulary\.(dataClass|status)\./.test(key);
    const overrides = Object.fromEntries(
      LOCALES.map((locale) => [locale, { ...Object.fromEntries(Object.entries(stored[locale] ?? {}).filter(([key]) => !managed(key))), ...labels[locale] }]),
    );
    const rows = [
      { key: SETTING_KEYS.dataClassLabels, value: dataClassLabels },
      { key: SETTING_KEYS.reviewIntervalMonths, value: input.intervals },
      { key: SETTING_KEYS.reassessmentMonths, value: input.reassessment },
      { key: SETTING_KEYS.requests, value: input.requests },
      { key: LOCALE_SETTING_KEYS.defaultLocale, value: after.defaultLocale },
      { key: LOCALE_SETTING_KEYS.messageOverrides, value: overrides },
    ];
    for (const row of rows) {
      await tx
        .insert(settings)
        .values({ ...row, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: now } });
    }
    return { result: after, audit: [{ action: "settings.updated", entityType: "settings", entityId: "global", before, after }] };
  },
});

/** Sets or removes the chat webhook. The audit trail records its host only: the URL is a secret. */
export const setChatWebhook = defineMutation({
  name: "setChatWebhook",
  action: "settings.manage",
  input: ChatWebhookInput,
  async run({ tx, input, now }) {
    const current = await getChatWebhookUrl(tx);
    const before = describeChatWebhook(current);
    // The same URL again, or removing none: a no-op, not audited.
    if ((input.intent === "set" ? input.url : null) === current) return { result: before, audit: [] };
    if (input.intent === "set") {
      // A clear message now; every post checks the address it connects to again.
      const refusal = hostRefusal(new URL(input.url).hostname, addressPolicy(config().webhooks));
      if (refusal) throw new ValidationFailed(hostRefusalMessage(refusal), { url: [hostRefusalMessage(refusal)] });
      await tx
        .insert(settings)
        .values({ key: CHAT_WEBHOOK_KEY, value: { url: input.url }, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: { url: input.url }, updatedAt: now } });
    } else {
      await tx.delete(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
    }
    const after = input.intent === "set" ? describeChatWebhook(input.url) : null;
    return { result: after, audit: [{ action: "settings.chat_webhook", entityType: "settings", entityId: "chat_webhook", before, after }] };
  },
});
