"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { endMySessionsAction } from "@/lib/actions/sessions";
import { IDLE } from "@/lib/forms";

/**
 * Signs out everywhere: the server first ends every session of this person (a cookie saved
 * before, another browser), then next-auth clears this browser's cookie. With one session
 * version per person, signing out here and signing out everywhere are the same act.
 *
 * It posts to next-auth's sign-out endpoint itself, as `signOut` from next-auth/react does:
 * that module would add 10 kB of JavaScript to every page for this one button.
 */
async function signOut(callbackUrl: string): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
  } finally {
    window.location.href = callbackUrl;
  }
}

export function SignOutButton() {
  const t = useTranslations("common.signOut");
  const [busy, setBusy] = useState(false);
  async function signOutEverywhere() {
    setBusy(true);
    try {
      await endMySessionsAction(IDLE, new FormData());
    } finally {
      await signOut("/signin");
    }
  }
  return (
    <button type="button" className="btn-secondary" onClick={signOutEverywhere} disabled={busy} title={t("title")}>
      {t("button")}
    </button>
  );
}
