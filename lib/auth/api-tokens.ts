import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiRateWindows, apiTokens, users } from "../db/schema";
import { rateWindow, type TokenScope } from "../domain/api-tokens";
import { canHoldScope, type SessionUser } from "../domain/policy";
import { TooManyRequests, Unauthenticated } from "../errors";
import { t } from "../i18n/translate";

export interface TokenPrincipal {
  id: string;
  name: string;
  /** `vt_` and the first characters of the secret: how people tell tokens apart. */
  prefix: string;
  scopes: TokenScope[];
  /** The person who created it, as they are now: accountable for what it writes, and its limit. */
  creator: SessionUser;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * The token a secret belongs to, if it is in force. Unknown, expired and revoked tokens get the
 * same answer, so the reply tells an attacker nothing. A token never outlives its creator's
 * rights: when the creator is deactivated, or their current role may no longer hold one of its
 * scopes (lib/domain/policy.ts, SCOPE_ACTIONS), every call with it is a 401 too. Last use is
 * recorded at most once a minute.
 */
export async function authenticateToken(db: Db, secret: string, now: Date): Promise<TokenPrincipal> {
  const [token] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      creator: { id: users.id, email: users.email, name: users.name, role: users.role, managerId: users.managerId, active: users.active },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .where(eq(apiTokens.secretHash, hashSecret(secret)));
  if (!token || token.revokedAt || token.expiresAt <= now) throw new Unauthenticated(t("admin.tokens.errors.invalid"));
  const scopes = token.scopes as TokenScope[];
  const { active, ...creator } = token.creator;
  if (!active || !scopes.every((scope) => canHoldScope(creator.role, scope))) {
    throw new Unauthenticated(t("admin.tokens.errors.creatorLostRights"));
  }
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
  return { id: token.id, name: token.name, prefix: token.prefix, scopes, creator };
}

/**
 * Counts a request against the token's limit for the current minute, in the database so that
 * every app instance shares the count; over the limit, a 429 saying when to try again.
 */
export async function consumeRateLimit(db: Db, tokenId: string, now: Date, limitPerMinute: number): Promise<void> {
  const { start, retryAfterSeconds } = rateWindow(now);
  const [row] = await db
    .insert(apiRateWindows)
    .values({ tokenId, windowStart: start, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.tokenId, apiRateWindows.windowStart], set: { count: sql`${apiRateWindows.count} + 1` } })
    .returning({ count: apiRateWindows.count });
  if ((row?.count ?? 0) > limitPerMinute) throw new TooManyRequests(retryAfterSeconds);
}
