/**
 * A real OpenID Connect provider for the SSO journey (oidc-provider, with its built-in
 * development login and consent pages). Started by playwright.config.ts.
 *
 *   login "sso.reviewer" → sso.reviewer@corp.example, groups ["appsec"] (→ reviewer)
 *   any other login      → <login>@corp.example, groups [] (→ employee)
 */
import type { AccountClaims, Configuration } from "oidc-provider";
import { APP_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT } from "./constants";

interface Person {
  email: string;
  name: string;
  groups: string[];
}

function personFor(login: string): Person {
  if (login === "sso.reviewer") return { email: "sso.reviewer@corp.example", name: "Sam SSO Reviewer", groups: ["appsec"] };
  const local = login.replace(/[^a-z0-9._-]/gi, "").toLowerCase() || "someone";
  return { email: `${local}@corp.example`, name: `SSO ${local}`, groups: [] };
}

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [`${APP_URL}/api/auth/callback/oidc`],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  // Put the scope's claims into the ID token: next-auth reads the profile from it.
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["vetted-e2e-oidc-cookie-key"] },
  async findAccount(_ctx, sub) {
    const person = personFor(sub);
    return {
      accountId: sub,
      async claims(): Promise<AccountClaims> {
        return { sub, email: person.email, email_verified: true, name: person.name, groups: person.groups };
      },
    };
  },
};

async function main() {
  const { default: Provider } = await import("oidc-provider");
  const provider = new Provider(OIDC_ISSUER, configuration);
  const server = provider.listen(OIDC_PORT, "127.0.0.1", () => {
    console.log(`[oidc] provider listening at ${OIDC_ISSUER}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("[oidc] failed to start:", error);
  process.exit(1);
});
