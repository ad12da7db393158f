import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { hashSecret } from "../auth/api-tokens";
import { apiTokens } from "../db/schema";
import { tokenPrefix } from "../domain/api-tokens";
import { can, canHoldScope } from "../domain/policy";
import { addDays, isoDay } from "../domain/requests";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { defineMutation } from "../server/guard";
import { CreateTokenInput, RevokeTokenInput } from "../validation/api-tokens";

/** Tokens live at most this long: long-lived secrets in CI settings are how they leak. */
export const MAX_TOKEN_DAYS = 366;

/**
 * Creates a token of one's own; the result carries the secret, which is shown once and never
 * stored. Only scopes the creator's role may hold (policy: SCOPE_ACTIONS), so a token never
 * does what its creator may not.
 */
export const createApiToken = defineMutation({
  name: "createApiToken",
  action: "tokens.own",
  input: CreateTokenInput,
  async run({ tx, actor, input, now }) {
    const refused = input.scopes.filter((scope) => !canHoldScope(actor.role, scope));
    if (refused.length > 0) {
      throw new Forbidden(t("admin.tokens.errors.scopeRefused", { role: t("common.nav.role", { role: actor.role }), scopes: refused.join(", ") }));
    }
    const today = isoDay(now);
    if (input.expiresOn <= today) throw new ValidationFailed(t("admin.tokens.errors.expiryPast"), { expiresOn: [t("admin.tokens.errors.expiryPastField")] });
    if (input.expiresOn > addDays(today, MAX_TOKEN_DAYS)) {
      throw new ValidationFailed(t("admin.tokens.errors.expiryTooFar", { days: MAX_TOKEN_DAYS }), { expiresOn: [t("admin.tokens.errors.expiryTooFarField", { days: MAX_TOKEN_DAYS, last: addDays(today, MAX_TOKEN_DAYS) })] });
    }
    const secret = `vt_${randomBytes(32).toString("base64url")}`;
    const scopes = [...new Set(input.scopes)];
    const [token] = await tx
      .insert(apiTokens)
      .values({ name: input.name, prefix: tokenPrefix(secret), secretHash: hashSecret(secret), scopes, expiresAt: new Date(`${input.expiresOn}T23:59:59.999Z`), createdById: actor.id })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    return {
      result: { ...token!, secret },
      audit: [{ action: "token.created", entityType: "api_token", entityId: token!.id, after: { name: input.name, prefix: token!.prefix, scopes, expiresOn: input.expiresOn } }],
    };
  },
});

/** Revokes one's own token; admins (tokens.manage) revoke anyone's. */
export const revokeApiToken = defineMutation({
  name: "revokeApiToken",
  action: "tokens.own",
  input: RevokeTokenInput,
  async run({ tx, actor, input, now }) {
    const mine = can(actor.role, "tokens.manage") ? undefined : eq(apiTokens.createdById, actor.id);
    const [token] = await tx.select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt, name: apiTokens.name }).from(apiTokens).where(and(eq(apiTokens.id, input.id), mine));
    if (!token) throw new NotFound(t("admin.tokens.errors.notFound"));
    if (token.revokedAt) throw new Conflict(t("admin.tokens.errors.alreadyRevoked"));
    await tx.update(apiTokens).set({ revokedAt: now, revokedById: actor.id }).where(and(eq(apiTokens.id, input.id), isNull(apiTokens.revokedAt)));
    return { result: { id: token.id, name: token.name }, audit: [{ action: "token.revoked", entityType: "api_token", entityId: token.id, after: { name: token.name } }] };
  },
});
