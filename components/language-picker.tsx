"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionForm } from "@/components/form";
import { setMyLocaleAction } from "@/lib/actions/preferences";
import { LOCALE_NAMES, LOCALES } from "@/lib/domain/locale";

/**
 * The person's own language, saved at once when chosen: each language is named in itself, so a
 * reader who cannot read the current one still finds theirs. "Browser's language" clears it.
 */
export function LanguagePicker({ current }: { current: string }) {
  const t = useTranslations("common.language");
  const id = useId();
  return (
    <ActionForm action={setMyLocaleAction} className="nav-language" label={t("label")}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={current}
        className="nav-language-select"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <option value="">{t("browser")}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
