import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChatWebhookForm } from "@/components/chat-webhook-form";
import { PageMessages } from "@/components/page-messages";
import { SettingsForm, type TermLabels } from "@/components/settings-form";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { LOCALES, type Locale } from "@/lib/domain/locale";
import { DATA_CLASSES, STATUSES } from "@/lib/domain/vocabulary";
import { translator } from "@/lib/i18n/translate";
import { describeChatWebhook, getChatWebhookUrl, getLocaleSettings, getSettings } from "@/lib/queries/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

/** Per language, the catalogue's word for each data class and status, and the company's own where it has one. */
function termLabels(overrides: Record<Locale, Partial<Record<string, string>>>): { words: Record<Locale, TermLabels>; defaults: Record<Locale, TermLabels> } {
  const words = {} as Record<Locale, TermLabels>;
  const defaults = {} as Record<Locale, TermLabels>;
  for (const locale of LOCALES) {
    const catalogue = translator(locale);
    const own = (key: `vocabulary.${"dataClass" | "status"}.${string}`) => {
      const word = overrides[locale][key];
      return word && word !== catalogue(key as never) ? word : "";
    };
    defaults[locale] = {
      dataClass: Object.fromEntries(DATA_CLASSES.map((c) => [c, catalogue(`vocabulary.dataClass.${c}`)])) as TermLabels["dataClass"],
      status: Object.fromEntries(STATUSES.map((s) => [s, catalogue(`vocabulary.status.${s}`)])) as TermLabels["status"],
    };
    words[locale] = {
      dataClass: Object.fromEntries(DATA_CLASSES.map((c) => [c, own(`vocabulary.dataClass.${c}`)])) as TermLabels["dataClass"],
      status: Object.fromEntries(STATUSES.map((s) => [s, own(`vocabulary.status.${s}`)])) as TermLabels["status"],
    };
  }
  return { words, defaults };
}

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const db = await getDb();
  const [current, locales, webhook, t] = await Promise.all([getSettings(db), getLocaleSettings(db), getChatWebhookUrl(db), getTranslations("settings")]);
  const { words, defaults } = termLabels(locales.overrides);
  return (
    <PageMessages namespaces={["settingsClient"]}>
      <div className="max-w-4xl space-y-8">
        <div className="card">
          <h1 className="mb-4 text-2xl font-bold">{t("heading")}</h1>
          <SettingsForm
            defaultLocale={locales.defaultLocale}
            words={words}
            defaults={defaults}
            intervals={current.reviewIntervalMonths}
            reassessment={current.reassessmentMonths}
            requests={current.requests}
          />
        </div>
        <section className="card" aria-labelledby="chat-webhook">
          <h2 id="chat-webhook" className="mb-4 text-lg font-semibold">{t("chatHeading")}</h2>
          <ChatWebhookForm current={describeChatWebhook(webhook)} />
        </section>
      </div>
    </PageMessages>
  );
}
