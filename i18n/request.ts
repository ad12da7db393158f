import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/lib/auth/locale";
import { FORMATS, TIME_ZONE } from "@/lib/i18n/formats";
import { messagesFor } from "@/lib/i18n/translate";

/** next-intl's per-request configuration: the language chosen for this reader (lib/auth/locale.ts), its messages, formats and zone. */
export default getRequestConfig(async () => {
  const { locale, overrides } = await requestLocale();
  return { locale, messages: messagesFor(locale, overrides), formats: FORMATS, timeZone: TIME_ZONE };
});
