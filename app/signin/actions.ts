"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, requestLocale } from "@/lib/auth/locale";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/forms";
import { runInLocale, translator } from "@/lib/i18n/translate";
import { assertSameOrigin } from "@/lib/server/guard";
import { formDataToObject, parseInput } from "@/lib/server/validation";
import { SignedOutLocaleInput } from "@/lib/validation/sign-in-locale";

/** A year: the choice outlives a session, as a browser's language would. */
const LOCALE_COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * The sign-in page's language picker, for a reader who is not signed in: remembered in a cookie
 * (lib/auth/locale.ts reads it after the person's own setting), nothing written to the database.
 * Cross-site posts are refused like every other change.
 */
export async function chooseSignedOutLocaleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { locale: current, overrides } = await requestLocale();
  return runInLocale(current, async (): Promise<ActionState> => {
    try {
      assertSameOrigin(await headers());
      const { locale } = parseInput(SignedOutLocaleInput, formDataToObject(formData));
      const jar = await cookies();
      if (locale) jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_SECONDS, sameSite: "lax", httpOnly: true, secure: config().baseUrl.startsWith("https:") });
      else jar.delete(LOCALE_COOKIE);
      revalidatePath("/signin");
      // Confirmed in the language just chosen.
      return { status: "ok", message: translator(locale || current)("signin.language.saved"), at: Date.now() };
    } catch (error) {
      if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors, at: Date.now() };
      throw error;
    }
  }, overrides);
}
