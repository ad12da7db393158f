import "server-only";
import { asc, eq, gt, inArray } from "drizzle-orm";
import { computeHeadline, headlineLeadStatus } from "../domain/headline";
import { decisionsInEffect } from "../domain/verdict";
import { writeAudit, type AuditEntry } from "./audit";
import type { Db, Tx } from "./client";
import { classifications, dataUpgrades, editions, software } from "./schema";

/**
 * A change to stored data that a release needs once, after its migrations: something SQL
 * alone cannot recompute because the rule lives in the domain core.
 */
interface DataUpgrade {
  name: string;
  /** Why it runs, written into the audit event of each row it changes. */
  reason: string;
  run: (tx: Tx, now: Date) => Promise<AuditEntry[]>;
}

const SOFTWARE_PER_BATCH = 500;

/**
 * The stored status used to be the strictest edition's; it is now the edition the headline
 * leads with (lib/domain/headline.ts). Recomputed for every software, in batches; each one
 * that changes is audited with its old and new status.
 */
async function headlineLeadStatusUpgrade(tx: Tx, now: Date): Promise<AuditEntry[]> {
  const changed: AuditEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await tx
      .select({ id: software.id, status: software.status })
      .from(software)
      .where(after ? gt(software.id, after) : undefined)
      .orderBy(asc(software.id))
      .limit(SOFTWARE_PER_BATCH);
    if (batch.length === 0) return changed;
    after = batch.at(-1)!.id;
    const ids = batch.map((s) => s.id);
    const eds = await tx.select({ id: editions.id, name: editions.name, softwareId: editions.softwareId }).from(editions).where(inArray(editions.softwareId, ids)).orderBy(asc(editions.createdAt), asc(editions.name));
    const history = await tx.select().from(classifications).where(inArray(classifications.softwareId, ids));
    for (const row of batch) {
      const status = headlineLeadStatus(
        computeHeadline(
          eds.filter((e) => e.softwareId === row.id),
          decisionsInEffect(history.filter((c) => c.softwareId === row.id)),
          now,
        ),
      );
      if (status === row.status) continue;
      await tx.update(software).set({ status }).where(eq(software.id, row.id));
      changed.push({ action: "software.status_recomputed", entityType: "software", entityId: row.id, softwareId: row.id, before: { status: row.status }, after: { status } });
    }
  }
}

const UPGRADES: DataUpgrade[] = [
  {
    name: "0018-headline-lead-status",
    reason: "Upgrade: a software's status is now its company edition's, not its strictest edition's",
    run: headlineLeadStatusUpgrade,
  },
];

/**
 * Applies each upgrade not yet recorded, once across all instances: the claim and the change
 * commit together, and a second instance starting at the same moment waits on the claimed
 * name, then finds it taken. A fresh database claims them all with nothing to change.
 */
export async function applyDataUpgrades(db: Db, now = new Date()): Promise<void> {
  for (const upgrade of UPGRADES) {
    await db.transaction(async (tx) => {
      const claimed = await tx.insert(dataUpgrades).values({ name: upgrade.name }).onConflictDoNothing().returning({ name: dataUpgrades.name });
      if (claimed.length === 0) return;
      const entries = await upgrade.run(tx, now);
      await writeAudit(tx, null, entries.map((e) => ({ ...e, reason: upgrade.reason })));
    });
  }
}
