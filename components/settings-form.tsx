"use client";

import { useTranslations } from "next-intl";
import { updateSettingsAction } from "@/lib/actions/settings";
import { LEVELS, type Level } from "@/lib/domain/assessment";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/domain/locale";
import type { RequestSettings } from "@/lib/domain/requests";
import { DATA_CLASSES, STATUSES, type DataClass, type Status } from "@/lib/domain/vocabulary";
import { ActionForm, Field, SubmitButton } from "./form";

/** A word for each data class and each status, in one language. */
export interface TermLabels {
  dataClass: Record<DataClass, string>;
  status: Record<Status, string>;
}

/** The field group of a kind's labels in one language, as lib/validation/settings.ts names it. */
const group = (kind: keyof TermLabels, locale: Locale) => `${kind}-${locale}`;

function LanguageLabels({ locale, words, defaults }: { locale: Locale; words: TermLabels; defaults: TermLabels }) {
  const t = useTranslations("settingsClient");
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">{t("language.labels", { language: t(`languages.${locale}`) })}</legend>
      <p className="text-sm font-medium text-slate-600">{t("language.dataClasses")}</p>
      <div className="grid gap-3 sm:grid-cols-4">
        {DATA_CLASSES.map((c) => (
          <Field key={c} name={`${group("dataClass", locale)}.${c}`} label={t("language.dataClass", { term: defaults.dataClass[c] })}>
            {(p) => <input {...p} className="input" defaultValue={words.dataClass[c]} placeholder={defaults.dataClass[c]} maxLength={40} />}
          </Field>
        ))}
      </div>
      <p className="text-sm font-medium text-slate-600">{t("language.statuses")}</p>
      <div className="grid gap-3 sm:grid-cols-5">
        {STATUSES.map((s) => (
          <Field key={s} name={`${group("status", locale)}.${s}`} label={t("language.status", { term: defaults.status[s] })}>
            {(p) => <input {...p} className="input" defaultValue={words.status[s]} placeholder={defaults.status[s]} maxLength={40} />}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

export function SettingsForm({
  defaultLocale,
  words,
  defaults,
  intervals,
  reassessment,
  requests,
}: {
  defaultLocale: Locale;
  words: Record<Locale, TermLabels>;
  defaults: Record<Locale, TermLabels>;
  intervals: Record<Status, number>;
  reassessment: Record<Level, number>;
  requests: RequestSettings;
}) {
  const t = useTranslations("settingsClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <ActionForm action={updateSettingsAction} className="space-y-6" label={t("form")}>
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("language.legend")}</legend>
        <div className="max-w-xs">
          <Field name="defaultLocale" label={t("language.defaultLocale")} hint={t("language.defaultLocaleHint")}>
            {(p) => (
              <select {...p} className="input" defaultValue={defaultLocale}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="text-sm text-slate-600">{t("language.labelsHint")}</p>
        {LOCALES.map((l) => (
          <LanguageLabels key={l} locale={l} words={words[l]} defaults={defaults[l]} />
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("intervals")}</legend>
        <div className="grid gap-3 sm:grid-cols-5">
          {STATUSES.map((s) => (
            <Field key={s} name={`intervals.${s}`} label={vocabulary(`status.${s}`)}>
              {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={intervals[s]} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("reassessment")}</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {LEVELS.map((l) => (
            <Field key={l} name={`reassessment.${l}`} label={vocabulary(`level.${l}`)}>
              {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={reassessment[l]} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("requests")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="requests.managerSlaDays" label={t("managerSla")}>
            {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={requests.managerSlaDays} />}
          </Field>
          <Field name="requests.securitySlaDays" label={t("securitySla")}>
            {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={requests.securitySlaDays} />}
          </Field>
          <Field name="requests.maxExceptionDays" label={t("maxException")}>
            {(p) => <input {...p} type="number" min={1} max={730} className="input" defaultValue={requests.maxExceptionDays} />}
          </Field>
        </div>
      </fieldset>
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
