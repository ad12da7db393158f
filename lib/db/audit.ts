import "server-only";
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
}

export interface Actor {
  id: string;
  email: string;
}

export async function writeAudit(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((e) => ({
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
