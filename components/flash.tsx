"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { FLASH_COOKIE } from "@/lib/forms";

/**
 * When the last decision's confirmation arrived (ms): forms whose own success message is older
 * stop showing it, so a stale "Draft saved." does not stand beside "Completed".
 */
let flashedAt = 0;
const listeners = new Set<() => void>();

/** A form's action handed its confirmation to the status region (it set the flash cookie). */
export function announceFlash(at: number): void {
  flashedAt = Math.max(flashedAt, at);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The time of the newest flashed confirmation on this page (0: none). */
export function useFlashedAt(): number {
  return useSyncExternalStore(subscribe, () => flashedAt, () => 0);
}

/** Reads the one-shot confirmation cookie and clears it. */
function takeFlash(): string | null {
  const prefix = `${FLASH_COOKIE}=`;
  const raw = document.cookie.split("; ").find((c) => c.startsWith(prefix));
  if (!raw) return null;
  document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  try {
    return decodeURIComponent(raw.slice(prefix.length)) || null;
  } catch {
    return null;
  }
}

/**
 * The page's status region: always present (so a screen reader announces what arrives in it),
 * it shows the confirmation of the decision just made, after the re-render or the redirect that
 * unmounted the form. Cleared on the next navigation.
 */
export function FlashRegion() {
  const pathname = usePathname();
  const at = useFlashedAt();
  const [message, setMessage] = useState<string | null>(null);
  // After a redirect (a new path) or a full load, and whenever a form's action has just flashed.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the cookie lives outside React
    setMessage(takeFlash());
  }, [pathname, at]);
  // Only the message is in the live region, so the Dismiss button is not read out with it.
  return (
    <div className={message ? "mb-6 flex items-start justify-between gap-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" : undefined}>
      <p role="status" aria-live="polite" aria-atomic="true" data-testid="flash">
        {message && (
          <>
            <span aria-hidden="true">✓ </span>
            {message}
          </>
        )}
      </p>
      {message && (
        <button type="button" className="shrink-0 text-emerald-900 underline" onClick={() => setMessage(null)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
