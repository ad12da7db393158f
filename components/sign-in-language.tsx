"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionForm } from "@/components/form";
import { chooseSignedOutLocaleAction } from "@/app/signin/actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/domain/locale";

/**
 * The language of the sign-in page for someone not signed in yet, each language named in itself,
 * saved at once when chosen (a cookie; once signed in, the person's own setting comes first).
 */
export function SignInLanguage({ chosen }: { chosen: string }) {
  const t = useTranslations("signinClient");
  const id = useId();
  return (
    <ActionForm action={chooseSignedOutLocaleAction} className="nav-language mb-4 flex items-center justify-end gap-2 text-sm" label={t("language")}>
      <label htmlFor={id} className="shrink-0 text-slate-600">
        {t("language")}
      </label>
      <select id={id} name="locale" defaultValue={chosen} className="nav-language-select" onChange={(event) => event.currentTarget.form?.requestSubmit()}>
        <option value="">{t("browserLanguage")}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
