import { z } from "zod";
import { LOCALES } from "../domain/locale";
import { tr } from "../i18n/translate";

/** A person's own language: one of the interface's languages, or "" for their browser's (then the company's). */
export const SetMyLocaleInput = z.object({
  locale: z.union([z.enum(LOCALES), z.literal("")], tr("validation.preferences.locale")),
});
