import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "../config";
import { safeCallbackPath } from "../domain/callback-path";
import { getDb } from "../db/client";
import { findUserByEmail, normaliseEmail, upsertSsoUser } from "../queries/users";
import { dummyPasswordHash, verifyPassword } from "./password";
import { roleFromGroups } from "./roles";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";

const SESSION_HOURS = 8;

const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Thrown to the sign-in page as ?error=<message>. */
export const SIGN_IN_ERRORS = {
  invalid: "Wrong email or password.",
  locked: "Too many failed attempts. Try again in 15 minutes.",
} as const;

async function authorizeLocal(raw: unknown) {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const db = await getDb();
  const key = normaliseEmail(parsed.data.email);
  const now = new Date();
  if (await lockedUntil(db, key, now)) throw new Error(SIGN_IN_ERRORS.locked);
  const user = await findUserByEmail(db, key);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.passwordHash || !user.active || !ok) {
    await recordFailure(db, key, now);
    throw new Error((await lockedUntil(db, key, now)) ? SIGN_IN_ERRORS.locked : SIGN_IN_ERRORS.invalid);
  }
  await clearFailures(db, key);
  return { id: user.id, email: user.email, name: user.name };
}

export function authOptions(): NextAuthOptions {
  const cfg = config();
  const providers: NextAuthOptions["providers"] = [];
  if (cfg.localPasswords) {
    providers.push(
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: authorizeLocal,
      }),
    );
  }
  if (cfg.oidc) {
    const oidc = cfg.oidc;
    providers.push({
      id: "oidc",
      name: oidc.displayName,
      type: "oauth",
      wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile(profile: Record<string, unknown>) {
        return {
          id: String(profile.sub),
          email: typeof profile.email === "string" ? profile.email : null,
          name: typeof profile.name === "string" ? profile.name : null,
        };
      },
    });
  }

  return {
    secret: cfg.authSecret,
    providers,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      // Only this app's own paths after sign-in or sign-out, whatever callbackUrl said.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        // Refuse an IdP account without a verified-looking email: we key users by email.
        return typeof profile?.email === "string" && profile.email.includes("@");
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile && cfg.oidc) {
          const claims = profile as Record<string, unknown>;
          const dbUser = await upsertSsoUser(await getDb(), {
            subject: String(claims.sub),
            email: String(claims.email),
            name: typeof claims.name === "string" ? claims.name : String(claims.email),
            roleFromGroups: roleFromGroups(claims[cfg.oidc.groupsClaim], cfg.oidc.roleGroups),
          });
          token.uid = dbUser.id;
        } else if (account?.provider === "credentials" && user) {
          token.uid = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
}
