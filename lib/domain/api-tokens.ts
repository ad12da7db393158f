/**
 * API tokens: what a machine may do, as scopes. Pure: no database, no framework.
 * The secret is random (256 bits), shown once, and stored only as its SHA-256.
 */
export const TOKEN_SCOPES = ["check:read", "catalogue:read", "catalogue:write", "requests:write", "scim"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope allows, in English: the OpenAPI document's words (people read the catalogue's, TOKEN_SCOPE_KEYS). */
export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  "check:read": "Check verdicts and read enforcement exports",
  "catalogue:read": "Read the catalogue",
  "catalogue:write": "Change the catalogue",
  "requests:write": "File requests",
  scim: "Provision users and groups from the identity provider (SCIM, /scim/v2); nothing else",
};

/**
 * Scopes a token holds alone: an identity provider's SCIM secret sits in another system's
 * settings, so it opens SCIM and nothing else, and no other token opens SCIM.
 */
export const SOLE_SCOPES: readonly TokenScope[] = ["scim"];

/** The scope that must stand alone but was given with others, or null when these scopes can go on one token. */
export function scopeCombinationProblem(scopes: readonly TokenScope[]): TokenScope | null {
  const sole = scopes.find((scope) => SOLE_SCOPES.includes(scope));
  return sole && new Set(scopes).size > 1 ? sole : null;
}

/** The catalogue key (adminClient.tokens.scope.<key>) of what each scope allows. */
export const TOKEN_SCOPE_KEYS = {
  "check:read": "checkRead",
  "catalogue:read": "catalogueRead",
  "catalogue:write": "catalogueWrite",
  "requests:write": "requestsWrite",
  scim: "scim",
} as const satisfies Record<TokenScope, string>;

/** Secrets look like `vt_` + 43 base64url characters; the prefix makes leaked ones easy to find (secret scanning). */
export const TOKEN_PATTERN = /^vt_[A-Za-z0-9_-]{43}$/;

/** The part of a secret kept in clear to tell tokens apart in lists: `vt_` and 6 characters. */
export function tokenPrefix(secret: string): string {
  return secret.slice(0, 9);
}

/** The bearer token of an Authorization header, or null when there is none; malformed → "invalid". */
export function bearerToken(header: string | null): string | null | "invalid" {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match || !TOKEN_PATTERN.test(match[1]!)) return "invalid";
  return match[1]!;
}

/** Fixed one-minute windows: the window a moment falls in, and how long until the next. */
export function rateWindow(now: Date): { start: Date; retryAfterSeconds: number } {
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + 60_000 - now.getTime()) / 1000)) };
}
