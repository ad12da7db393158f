"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/form";
import { NavGroup } from "@/components/nav-disclosure";
import { setMyLocaleAction } from "@/lib/actions/preferences";
import { BROWSER_LOCALE, LOCALE_NAMES, LOCALE_SHORT_NAMES, LOCALES } from "@/lib/domain/locale";

/**
 * The person's own language, saved when chosen: each language is named in itself, so a reader
 * who cannot read the current one still finds theirs. "Browser's language" clears the choice. On
 * the wide bar a small button that shows the language in force; in the narrow menu a list.
 */
export function LanguagePicker({ current }: { current: string | null }) {
  const t = useTranslations("common.language");
  const shown = useLocale();
  const chosen = current ?? BROWSER_LOCALE;
  const options = [
    ...LOCALES.map((locale) => ({ value: locale, name: LOCALE_NAMES[locale], lang: locale })),
    { value: BROWSER_LOCALE, name: t("browser"), lang: undefined },
  ];
  return (
    <ActionForm action={setMyLocaleAction} className="nav-language" label={t("label")}>
      <NavGroup label={t("label")} buttonText={LOCALE_SHORT_NAMES[shown]} buttonLabel={`${t("label")}: ${LOCALE_NAMES[shown]}`}>
        {options.map((option) => (
          <li key={option.value}>
            <button type="submit" name="locale" value={option.value} lang={option.lang} className="nav-link nav-language-option" aria-current={option.value === chosen ? "true" : undefined}>
              {option.name}
            </button>
          </li>
        ))}
      </NavGroup>
    </ActionForm>
  );
}
