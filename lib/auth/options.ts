import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "../config";
import { safeCallbackPath } from "../domain/callback-path";
import { logSecurityEvent } from "../log";
import { getDb } from "../db/client";
import { findUserById } from "../queries/users";
import { authorizeLocal } from "./local-sign-in";
import { roleFromGroups } from "./roles";

const SESSION_HOURS = 8;

export function authOptions(): NextAuthOptions {
  const cfg = config();
  const providers: NextAuthOptions["providers"] = [];
  if (cfg.localPasswords) {
    providers.push(
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // Behind lib/auth/sign-in-gate.ts: hashing slots and the per-address limit come first.
        authorize: async (credentials, request) => authorizeLocal(await getDb(), credentials, request.headers ?? {}),
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
        const ok = typeof profile?.email === "string" && profile.email.includes("@");
        if (!ok) logSecurityEvent("signin.failed", { provider: "oidc", reason: "no email in the identity token" });
        return ok;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile && cfg.oidc) {
          const claims = profile as Record<string, unknown>;
          // Imported here, not at the top: the door (lib/server/guard.ts) reads the session
          // through this module, and a mutation module loaded while the door loads would find
          // it half-made.
          const { signInWithSso } = await import("../mutations/sso");
          const dbUser = await signInWithSso(await getDb(), {
            subject: String(claims.sub),
            email: String(claims.email),
            name: typeof claims.name === "string" ? claims.name : String(claims.email),
            roleFromGroups: roleFromGroups(claims[cfg.oidc.groupsClaim], cfg.oidc.roleGroups),
          });
          token.uid = dbUser.id;
        } else if (account?.provider === "credentials" && user) {
          token.uid = user.id;
        }
        // At sign-in, the session takes the user's session version: raising it ends the session.
        if (account && typeof token.uid === "string") token.sv = (await findUserById(await getDb(), token.uid))?.sessionVersion ?? 0;
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        if (session.user && typeof token.sv === "number") session.user.sessionVersion = token.sv;
        return session;
      },
    },
  };
}
