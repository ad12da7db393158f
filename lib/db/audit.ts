import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "./client";
import { auditEvents } from "./schema";

/** What a mutation reports about itself; the guarded door writes it in the same transaction. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  softwareId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** When it happened, if not now: the demo seed dates its history back to its decisions' days. */
  at?: Date;
}

/** Who made a change; id null for the system actor (email "system"). */
export interface Actor {
  id: string | null;
  email: string;
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters a statement, and a row has 9. */
const AUDIT_ROWS_PER_INSERT = 1_000;

export async function writeAudit(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_INSERT) {
    await insertAudit(tx, actor, entries.slice(start, start + AUDIT_ROWS_PER_INSERT));
  }
}

async function insertAudit(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  await tx.insert(auditEvents).values(
    entries.map((e) => ({
      ...(e.at ? { at: e.at } : {}),
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      softwareId: e.softwareId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    })),
  );
}

/**
 * Whether this transaction has written anything (or locked a row: FOR UPDATE counts too). A
 * transaction gets its id at its first write, so none means nothing to audit and nothing to
 * commit. Works the same on PostgreSQL and PGlite.
 */
export async function transactionHasWritten(tx: Tx): Promise<boolean> {
  // Both drivers answer with `rows`.
  const result = (await tx.execute(sql`SELECT txid_current_if_assigned()::text AS xid`)) as unknown as { rows: { xid: string | null }[] };
  return result.rows[0]?.xid != null;
}
