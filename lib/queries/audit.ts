import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents } from "../db/schema";

/** A software's trail: its own changes and those of its editions, identifiers and classifications. */
export async function listAuditForSoftware(db: Db, softwareId: string, limit = 200) {
  return db.select().from(auditEvents).where(eq(auditEvents.softwareId, softwareId)).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit);
}

export async function listRecentAudit(db: Db, limit = 100) {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit);
}
