import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { AddressBanner } from "@/components/address-banner";
import { FlashRegion } from "@/components/flash";
import { SignOutButton } from "@/components/sign-out-button";
import { VettedAddressProvider } from "@/components/vetted-address";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/policy";
import { safeCallbackPath } from "@/lib/domain/callback-path";
import { FLASH_COOKIE } from "@/lib/forms";
import { countRequestsWaitingFor } from "@/lib/queries/inbox";
import { countUnreadNotifications } from "@/lib/queries/notifications";
import { PATH_HEADER, requestOrigin, vettedOrigin } from "@/lib/server/client-address";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vetted", template: "%s · Vetted" },
  description: "May I use this software here, for this data, and under which conditions?",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const unread = user && can(user.role, "notifications.own") ? await countUnreadNotifications(await getDb(), user.id) : 0;
  const waiting = user && can(user.role, "request.decide") ? await countRequestsWaitingFor(await getDb(), user) : 0;
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
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold text-slate-900 no-underline">
              Vetted
            </Link>
            {user && (
              <>
                <Link href="/">Search</Link>
                <Link href="/software">Catalogue</Link>
                {can(user.role, "request.create") && (
                  <Link href="/requests" className="inline-flex items-center gap-1">
                    Requests
                    {waiting > 0 && (
                      <span className="rounded-full bg-blue-800 px-2 text-xs font-semibold text-white" data-testid="requests-waiting-count">
                        <span className="sr-only">, waiting for you: </span>
                        {waiting > 99 ? "99+" : waiting}
                      </span>
                    )}
                  </Link>
                )}
                {can(user.role, "catalogue.write") && <Link href="/manage">Manage</Link>}
                {can(user.role, "dashboard.read") && <Link href="/manage/dashboard">Dashboard</Link>}
                {can(user.role, "template.write") && <Link href="/manage/templates">Questionnaires</Link>}
                {can(user.role, "users.manage") && <Link href="/admin/users">Users</Link>}
                {can(user.role, "settings.manage") && <Link href="/admin/settings">Settings</Link>}
                {can(user.role, "tokens.own") && <Link href="/admin/tokens">Tokens</Link>}
                {can(user.role, "webhooks.manage") && <Link href="/admin/webhooks">Webhooks</Link>}
                {can(user.role, "outbox.read") && <Link href="/admin/outbox">Outbox</Link>}
                {can(user.role, "audit.verify") && <Link href="/admin/audit">Audit trail</Link>}
                <Link href="/help">Help</Link>
                {can(user.role, "notifications.own") && (
                  <Link href="/notifications" className="inline-flex items-center gap-1">
                    Notifications
                    {unread > 0 && (
                      <span className="rounded-full bg-red-700 px-2 text-xs font-semibold text-white" data-testid="unread-count">
                        <span className="sr-only">, unread: </span>
                        {unread > 99 ? "99+" : unread}
                      </span>
                    )}
                  </Link>
                )}
                <span className="ml-auto text-sm text-slate-600">
                  {user.name} <span className="text-slate-400">({user.role})</span>
                </span>
                <SignOutButton />
              </>
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <FlashRegion flash={(await cookies()).get(FLASH_COOKIE)?.value ?? null} />
          <VettedAddressProvider origin={vettedOrigin()}>{children}</VettedAddressProvider>
        </main>
      </body>
    </html>
  );
}
