import "server-only";
import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import { defineMutation } from "../server/guard";
import { BROWSER_LOCALE } from "../domain/locale";
import { SetMyLocaleInput } from "../validation/preferences";

/** Sets the caller's own language for the interface, e-mails and notices; "browser" goes back to the browser's. */
export const setMyLocale = defineMutation({
  name: "setMyLocale",
  action: "preferences.own",
  input: SetMyLocaleInput,
  async run({ tx, actor, input }) {
    const locale = input.locale === BROWSER_LOCALE ? null : input.locale;
    const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.id));
    // Choosing the language already in force changes nothing and records nothing.
    if ((before?.locale ?? null) === locale) return { result: { locale }, audit: [] };
    await tx.update(users).set({ locale }).where(eq(users.id, actor.id));
    return {
      result: { locale },
      audit: [{ action: "user.locale_set", entityType: "user", entityId: actor.id, before: { locale: before?.locale ?? null }, after: { locale } }],
    };
  },
});
