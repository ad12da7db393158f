"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { endMySessionsAction } from "@/lib/actions/sessions";
import { IDLE } from "@/lib/forms";

/**
 * Signs out everywhere: the server first ends every session of this person (a cookie saved
 * before, another browser), then next-auth clears this browser's cookie. With one session
 * version per person, signing out here and signing out everywhere are the same act.
 */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOutEverywhere() {
    setBusy(true);
    try {
      await endMySessionsAction(IDLE, new FormData());
    } finally {
      await signOut({ callbackUrl: "/signin" });
    }
  }
  return (
    <button type="button" className="btn-secondary" onClick={signOutEverywhere} disabled={busy} title="Ends your sessions on every device">
      Sign out
    </button>
  );
}
