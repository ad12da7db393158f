import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/page-messages";
import { SignInForm } from "@/components/sign-in-form";
import { SignInLanguage } from "@/components/sign-in-language";
import { LOCALE_COOKIE } from "@/lib/auth/locale";
import { getSessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { safeCallbackPath } from "@/lib/domain/callback-path";
import { isLocale } from "@/lib/domain/locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const [t, jar] = await Promise.all([getTranslations("signin"), cookies()]);
  const cfg = config();
  const error = typeof params.error === "string" ? params.error : undefined;
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  return (
    <PageMessages namespaces={["signinClient"]}>
    <div className="mx-auto max-w-sm">
      <SignInLanguage chosen={isLocale(chosen) ? chosen : ""} />
      <h1 className="mb-2 text-2xl font-bold">{t("heading")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("tagline")}</p>
        <SignInForm
          callbackUrl={callbackUrl}
          sso={cfg.oidc ? { name: cfg.oidc.displayName } : null}
          localPasswords={cfg.localPasswords}
          initialError={error ? (error === "CredentialsSignin" ? t("errors.invalid") : t("failed")) : undefined}
        />
      {cfg.database.kind === "embedded" && cfg.localPasswords && (
        <p className="mt-6 rounded-md bg-slate-100 p-3 text-xs text-slate-600">{t.rich("demo", { code: (chunks) => <code>{chunks}</code> })}</p>
      )}
    </div>
    </PageMessages>
  );
}
