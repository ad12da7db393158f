import "server-only";
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents } from "../db/schema";
import { AUDIT_CHAIN_GENESIS, chainVerifier, type BrokenLink, type ChainedAuditRow, type ChainHead } from "../domain/audit-chain";

export interface ChainVerification {
  ok: boolean;
  /** Events checked: all of them when the chain holds, up to and including the broken link when not. */
  checked: number;
  /** The newest event's position and stored hash (what the daily log line records). */
  head: ChainHead;
  brokenLink: BrokenLink | null;
}

/** Rows read per query while walking the chain. */
const VERIFY_BATCH = 1_000;

/** Every column as the text the canonical form uses (lib/domain/audit-chain.ts). */
const chainColumns = {
  position: sql<string>`${auditEvents.position}::text`,
  id: sql<string>`${auditEvents.id}::text`,
  at: sql<string>`to_char(${auditEvents.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  actorId: sql<string | null>`${auditEvents.actorId}::text`,
  actorEmail: auditEvents.actorEmail,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  softwareId: sql<string | null>`${auditEvents.softwareId}::text`,
  before: sql<string | null>`${auditEvents.before}::text`,
  after: sql<string | null>`${auditEvents.after}::text`,
  reason: auditEvents.reason,
  hash: auditEvents.hash,
};

/** The newest event of the chain; position 0 and the genesis hash while there are none. */
export async function auditChainHead(db: Db): Promise<ChainHead> {
  const [head] = await db.select({ position: auditEvents.position, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.position)).limit(1);
  return head ?? { position: 0, hash: AUDIT_CHAIN_GENESIS };
}

/** The stored hash of the event at `position`; null when there is none. */
export async function auditEventHashAt(db: Db, position: number): Promise<string | null> {
  const [event] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.position, position));
  return event?.hash ?? null;
}

/**
 * Recomputes the whole chain from the stored rows, in position order, and names the first broken
 * link. Events written meanwhile are simply checked too: positions follow commit order, so a
 * batch never skips one that commits later.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  const head = await auditChainHead(db);
  const verifier = chainVerifier();
  let checked = 0;
  // Null before the first batch: a row whose position is 0 or less (the trigger bypassed) is read too.
  let after: number | null = null;
  for (;;) {
    const rows: ChainedAuditRow[] = await db
      .select(chainColumns)
      .from(auditEvents)
      .where(after === null ? undefined : gt(auditEvents.position, after))
      .orderBy(asc(auditEvents.position))
      .limit(VERIFY_BATCH);
    for (const row of rows) {
      checked += 1;
      const brokenLink = verifier.check(row);
      if (brokenLink) return { ok: false, checked, head, brokenLink };
    }
    if (rows.length < VERIFY_BATCH) break;
    after = Number(rows.at(-1)!.position);
  }
  return { ok: true, checked, head: checked > 0 ? verifier.head() : head, brokenLink: null };
}
