import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiTokens, users } from "../db/schema";

/** Tokens for the tokens page: never the hash; one person's own, or everyone's (`createdById` null). */
export function listApiTokens(db: Db, createdById: string | null) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
      createdBy: users.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .where(createdById ? eq(apiTokens.createdById, createdById) : undefined)
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}
