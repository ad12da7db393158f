import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { AddressBanner } from "@/components/address-banner";
import { FlashRegion } from "@/components/flash";
import { MainNav } from "@/components/main-nav";
import { VettedAddressProvider } from "@/components/vetted-address";
import { requestLocale } from "@/lib/auth/locale";
import { getSessionUser } from "@/lib/auth/session";
import { clientMessages, type Messages } from "@/lib/i18n/catalogue";
import { safeCallbackPath } from "@/lib/domain/callback-path";
import { FLASH_COOKIE } from "@/lib/forms";
import { PATH_HEADER, requestOrigin, vettedOrigin } from "@/lib/server/client-address";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("appDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  // Reading the request also keeps every page dynamic, as the per-response CSP nonce needs (proxy.ts).
  const requestHeaders = await headers();
  const openedAt = requestOrigin(requestHeaders);
  const { locale } = await requestLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* Client components get only the namespaces they read (lib/i18n/catalogue.ts). */}
        <NextIntlClientProvider locale={locale} messages={clientMessages((await getMessages()) as Messages)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          {openedAt && openedAt !== vettedOrigin() && (
            <AddressBanner openedAt={openedAt} vettedAt={vettedOrigin()} path={safeCallbackPath(requestHeaders.get(PATH_HEADER))} />
          )}
          <header className="border-b border-slate-200 bg-white">
            <MainNav user={user} />
          </header>
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            <FlashRegion flash={(await cookies()).get(FLASH_COOKIE)?.value ?? null} />
            <VettedAddressProvider origin={vettedOrigin()}>{children}</VettedAddressProvider>
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
