"use server";

import { revalidatePath } from "next/cache";
import { isLocale } from "../domain/locale";
import { currentLocale, translator } from "../i18n/translate";
import { setMyLocale } from "../mutations/preferences";
import { formAction } from "../server/guard";

/** The language picker: saved for the person, then every page is drawn again in it. */
export const setMyLocaleAction = formAction(
  setMyLocale,
  // Confirmed in the language just chosen.
  (result) => translator(isLocale(result.locale) ? result.locale : currentLocale())("common.language.saved"),
  () => revalidatePath("/", "layout"),
);
