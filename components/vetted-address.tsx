"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/** VETTED_URL's origin, from the root layout, for forms opened at another address of the server. */
const VettedOrigin = createContext<string | null>(null);

export function VettedAddressProvider({ origin, children }: { origin: string; children: ReactNode }) {
  return <VettedOrigin.Provider value={origin}>{children}</VettedOrigin.Provider>;
}

/**
 * Called when a change failed: if this page was opened at another address than VETTED_URL,
 * the server refused it for that reason (proxy.ts), and this says which address to use.
 */
export function useWrongAddressMessage(): () => string | null {
  const origin = useContext(VettedOrigin);
  const t = useTranslations("ui.address");
  return () => (origin && window.location.origin !== origin ? t("openVettedAt", { origin }) : null);
}
