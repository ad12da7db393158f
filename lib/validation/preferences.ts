import { z } from "zod";
import { BROWSER_LOCALE, LOCALES } from "../domain/locale";
import { tr } from "../i18n/translate";

/** A person's own language: one of the interface's languages, or "browser" for their browser's (then the company's). */
export const SetMyLocaleInput = z.object({
  locale: z.enum([...LOCALES, BROWSER_LOCALE], tr("validation.preferences.locale")),
});
