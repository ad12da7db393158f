import { z } from "zod";
import { LOCALES } from "../domain/locale";
import { tr } from "../i18n/translate";

/** A signed-out reader's choice of language on the sign-in page: one of the interface's, or "" for the browser's. */
export const SignedOutLocaleInput = z.object({
  locale: z.union([z.enum(LOCALES), z.literal("")], tr("signin.language.invalid")),
});
