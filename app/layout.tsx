import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { AddressBanner } from "@/components/address-banner";
import { FlashRegion } from "@/components/flash";
import { MainNav } from "@/components/main-nav";
import { VettedAddressProvider } from "@/components/vetted-address";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/domain/callback-path";
import { FLASH_COOKIE } from "@/lib/forms";
import { PATH_HEADER, requestOrigin, vettedOrigin } from "@/lib/server/client-address";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vetted", template: "%s · Vetted" },
  description: "May I use this software here, for this data, and under which conditions?",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  // Reading the request also keeps every page dynamic, as the per-response CSP nonce needs (proxy.ts).
  const requestHeaders = await headers();
  const openedAt = requestOrigin(requestHeaders);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Skip to content
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
      </body>
    </html>
  );
}
