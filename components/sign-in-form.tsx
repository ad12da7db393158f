"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { safeCallbackPath } from "@/lib/domain/callback-path";

export function SignInForm({
  callbackUrl,
  sso,
  localPasswords,
  initialError,
}: {
  callbackUrl: string;
  sso: { name: string } | null;
  localPasswords: boolean;
  initialError?: string;
}) {
  const t = useTranslations("signinClient");
  const [error, setError] = useState(initialError ?? "");
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : t("wrong"));
      return;
    }
    // A full navigation: the router may hold a prefetched "signed out → /signin" redirect for this URL.
    window.location.assign(safeCallbackPath(callbackUrl));
  }

  return (
    <div className="card space-y-5">
      {sso && (
        <button type="button" className="btn w-full" onClick={() => signIn("oidc", { callbackUrl: safeCallbackPath(callbackUrl) })}>
          {t("withSso", { name: sso.name })}
        </button>
      )}
      {sso && localPasswords && <p className="text-center text-xs uppercase tracking-wide text-slate-600">{t("or")}</p>}
      {/* method="post": even without JavaScript a password never lands in a URL, a log or the history. */}
      {localPasswords && (
        <form method="post" onSubmit={submit} className="space-y-4" aria-label={t("passwordForm")}>
          <div className="space-y-1">
            <label htmlFor="email" className="block text-sm font-medium text-slate-700">{t("email")}</label>
            <input id="email" name="email" type="email" autoComplete="username" required className="input" />
          </div>
          <div className="space-y-1">
            <label htmlFor="password" className="block text-sm font-medium text-slate-700">{t("password")}</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required className="input" />
          </div>
          <button type="submit" className="btn w-full" disabled={pending}>
            {pending ? t("signingIn") : t("signIn")}
          </button>
        </form>
      )}
      <p aria-live="assertive" className="text-sm text-red-700" data-testid="signin-error">
        {error}
      </p>
    </div>
  );
}
