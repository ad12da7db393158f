"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { FLASH_COOKIE, readFlash } from "@/lib/forms";

/**
 * When the last decision's confirmation was made (server time, ms): forms whose own success
 * message is older stop showing it, so a stale "Draft saved." does not stand beside "Completed".
 */
let flashedAt = 0;
const listeners = new Set<() => void>();
/** Confirmations already shown: a layout payload replayed from the router's cache does not repeat one. */
const shown = new Set<string>();

function announce(at: number): void {
  flashedAt = Math.max(flashedAt, at);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The time of the newest confirmation shown on this page (0: none). */
export function useFlashedAt(): number {
  return useSyncExternalStore(subscribe, () => flashedAt, () => 0);
}

/**
 * The page's status region: always present (so a screen reader announces what arrives in it), it
 * shows the confirmation of the decision just made. The server action set a one-shot cookie; the
 * layout, re-rendered by that action or by the page its redirect opens, hands it here; this clears
 * the cookie at once, and the message on the next navigation.
 */
export function FlashRegion({ flash }: { flash: string | null }) {
  const pathname = usePathname();
  const t = useTranslations("ui.flash");
  const [message, setMessage] = useState<{ text: string; shownAt: number } | null>(null);
  const lastPath = useRef(pathname);
  useEffect(() => {
    const parsed = flash ? readFlash(flash) : null;
    if (flash && parsed && !shown.has(flash)) {
      shown.add(flash);
      document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the confirmation arrives with the server's render
      setMessage({ text: parsed.message, shownAt: Date.now() });
      announce(parsed.at);
    } else if (pathname !== lastPath.current) {
      // A navigation clears it, unless it is the redirect that brought it (a moment ago).
      setMessage((current) => (current && Date.now() - current.shownAt > 2_000 ? null : current));
    }
    lastPath.current = pathname;
  }, [flash, pathname]);
  // Only the message is in the live region, so the Dismiss button is not read out with it.
  return (
    <div className={message ? "mb-6 flex items-start justify-between gap-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" : undefined}>
      {/* A polite live region without role="status": pages keep their own status roles unambiguous. */}
      <p aria-live="polite" aria-atomic="true" data-testid="flash">
        {message && (
          <>
            <span aria-hidden="true">✓ </span>
            {message.text}
          </>
        )}
      </p>
      {message && (
        <button type="button" className="shrink-0 text-emerald-900 underline" onClick={() => setMessage(null)}>
          {t("dismiss")}
        </button>
      )}
    </div>
  );
}
