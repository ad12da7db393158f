"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page from the server every few seconds while `active` (e.g. a delivery is under
 * way), for at most `forMs`, so that a result that arrives in the background shows up without a
 * reload. Server components re-read; nothing else is fetched.
 */
export function AutoRefresh({ active, everyMs = 2000, forMs = 120_000 }: { active: boolean; everyMs?: number; forMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const until = Date.now() + forMs;
    const timer = setInterval(() => {
      if (Date.now() > until) clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, forMs, router]);
  return null;
}
