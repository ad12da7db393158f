import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, type Messages, type Namespace } from "@/lib/i18n/catalogue";

/**
 * The messages of a page's own client components (its forms), on top of the ones every page
 * sends (CLIENT_NAMESPACES): sent only with the pages that use them, not with every page.
 */
export async function PageMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  const own = Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={{ ...clientMessages(messages), ...own }}>{children}</NextIntlClientProvider>;
}
