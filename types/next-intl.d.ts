import type { Locale } from "@/lib/domain/locale";
import type { FORMATS } from "@/lib/i18n/formats";
import type { Messages } from "@/lib/i18n/catalogue";

/** Keys and formats are checked by the compiler: a key missing from the English catalogue is a type error. */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
