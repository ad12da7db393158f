import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_HOURS } from "../domain/idempotency";
import { Conflict } from "../errors";
import { t } from "../i18n/translate";
import type { Db, Tx } from "./client";
import { idempotencyKeys } from "./schema";

/**
 * The answers kept for `Idempotency-Key` (read in lib/server/idempotency.ts). Kept in the write's
 * own transaction, so an answer exists exactly when its write committed: a failed write keeps
 * nothing, and its retry runs again. Keys are per caller and kept 24 hours.
 */

export interface IdempotencyScope {
  caller: string;
  key: string;
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: string;
}

/** The first answer to this key, thrown out of the write's transaction (which then writes nothing) to be sent again. */
export class IdempotentReplay extends Error {
  constructor(readonly answer: StoredAnswer) {
    super("idempotent replay");
  }
}

const windowStart = (now: Date) => new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);

/**
 * In the write's transaction, before it runs: holds the key for this transaction (409 when another
 * request with it is still in flight), then throws IdempotentReplay when it has a kept answer, or
 * 409 when the key was used for another request. Returns when the write should go ahead.
 */
export async function claimIdempotencyKey(tx: Tx, scope: IdempotencyScope, now: Date): Promise<void> {
  const lock = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${`idempotency:${scope.caller}:${scope.key}`}, 0)) AS held`);
  if (!(lock as unknown as { rows: { held: boolean }[] }).rows[0]?.held) {
    throw new Conflict(t("api.idempotency.inProgress", { header: IDEMPOTENCY_HEADER }));
  }
  const [kept] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body, createdAt: idempotencyKeys.createdAt })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.caller, scope.caller), eq(idempotencyKeys.key, scope.key)));
  if (!kept || kept.createdAt <= windowStart(now)) return;
  if (kept.requestHash !== scope.requestHash) {
    throw new Conflict(t("api.idempotency.reused", { header: IDEMPOTENCY_HEADER }));
  }
  throw new IdempotentReplay({ status: kept.status, body: kept.body });
}

/** In the write's transaction, after it ran: keeps its answer under the key (replacing one past its 24 hours). */
export async function keepIdempotentAnswer(tx: Tx, scope: IdempotencyScope, answer: StoredAnswer, now: Date): Promise<void> {
  const row = { ...scope, status: answer.status, body: answer.body, createdAt: now };
  await tx.insert(idempotencyKeys).values(row).onConflictDoUpdate({ target: [idempotencyKeys.caller, idempotencyKeys.key], set: row });
}

/** The sweep's part: keys past their 24 hours are forgotten. */
export async function pruneIdempotencyKeys(db: Db | Tx, now: Date): Promise<number> {
  const removed = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, windowStart(now))).returning({ key: idempotencyKeys.key });
  return removed.length;
}
