import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { safeCallbackPath } from "@/lib/domain/callback-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const cfg = config();
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">Sign in to Vetted</h1>
      <p className="mb-6 text-sm text-slate-600">The company&apos;s answer to &ldquo;may I use this software, for this data?&rdquo;</p>
      <SignInForm
        callbackUrl={callbackUrl}
        sso={cfg.oidc ? { name: cfg.oidc.displayName } : null}
        localPasswords={cfg.localPasswords}
        initialError={error ? (error === "CredentialsSignin" ? "Wrong email or password." : "Sign-in failed. Try again.") : undefined}
      />
      {cfg.database.kind === "embedded" && cfg.localPasswords && (
        <p className="mt-6 rounded-md bg-slate-100 p-3 text-xs text-slate-600">
          Demo: sign in as employee@example.com, manager@example.com, reviewer@example.com or admin@example.com with the password <code>vetted-demo</code>.
        </p>
      )}
    </div>
  );
}
