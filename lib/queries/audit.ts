import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents, editions, grants, requests, software, users } from "../db/schema";
import { describeAuditEvent, type AuditDescription } from "../domain/audit-sentence";
import type { AuditFilter } from "../validation/audit";

/** An audit event as the audit views show it: a sentence, the changed fields, and when. */
export interface AuditItem extends AuditDescription {
  id: number;
  at: Date;
  position: number;
  action: string;
  entityType: string;
  reason: string | null;
}

const NEXT_DAY = 86_400_000;

function conditions(filter: AuditFilter & { softwareId?: string }): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.softwareId) where.push(eq(auditEvents.softwareId, filter.softwareId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.actor) where.push(eq(auditEvents.actorId, filter.actor));
  if (filter.entity) where.push(eq(auditEvents.entityType, filter.entity));
  if (filter.from) where.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lt(auditEvents.at, new Date(Date.parse(`${filter.to}T00:00:00Z`) + NEXT_DAY)));
  return where.length > 0 ? and(...where) : undefined;
}

/** Events matching `filter`, newest first, each described in words. */
export async function listAudit(db: Db, filter: AuditFilter & { softwareId?: string } = {}, limit = 100): Promise<AuditItem[]> {
  const rows = await db.select().from(auditEvents).where(conditions(filter)).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit);
  return describe(db, rows);
}

/** A software's trail: its own changes and those of its editions, identifiers and classifications. */
export async function listAuditForSoftware(db: Db, softwareId: string, limit = 200, filter: AuditFilter = {}) {
  return listAudit(db, { ...filter, softwareId }, limit);
}

export async function listRecentAudit(db: Db, limit = 100) {
  return listAudit(db, {}, limit);
}

/** The people who appear as actors (for the actor filter), by name. */
export async function listAuditActors(db: Db, softwareId?: string): Promise<{ id: string; name: string }[]> {
  const acting = db
    .selectDistinct({ id: auditEvents.actorId })
    .from(auditEvents)
    .where(and(isNotNull(auditEvents.actorId), softwareId ? eq(auditEvents.softwareId, softwareId) : undefined));
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, acting)).orderBy(users.name);
}

const uuidLike = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Looks up, in a few queries for the whole page, the names each event's sentence needs. */
async function describe(db: Db, rows: (typeof auditEvents.$inferSelect)[]): Promise<AuditItem[]> {
  const field = (row: (typeof rows)[number], key: string) => (row.after as Record<string, unknown> | null)?.[key] ?? (row.before as Record<string, unknown> | null)?.[key];
  const requestIds = rows.filter((r) => r.entityType === "request").map((r) => r.entityId).filter(uuidLike);
  const grantIds = rows.filter((r) => r.entityType === "grant").map((r) => r.entityId).filter(uuidLike);
  const editionIds = rows.filter((r) => r.entityType === "classification").map((r) => field(r, "editionId")).filter(uuidLike);
  const [grantRows, requestRows0] = await Promise.all([
    grantIds.length ? db.select({ id: grants.id, userId: grants.userId, requestId: grants.requestId }).from(grants).where(inArray(grants.id, grantIds)) : [],
    requestIds.length ? db.select({ id: requests.id, number: requests.number, proposedName: requests.proposedName }).from(requests).where(inArray(requests.id, requestIds)) : [],
  ]);
  const moreRequests = grantRows.map((g) => g.requestId).filter((id) => !requestIds.includes(id));
  const userIds = [...new Set([...rows.map((r) => r.actorId), ...rows.filter((r) => r.entityType === "user").map((r) => r.entityId), ...grantRows.map((g) => g.userId)].filter(uuidLike))];
  const softwareIds = [...new Set(rows.map((r) => r.softwareId).filter(uuidLike))];
  const [userRows, softwareRows, editionRows, requestRows1] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    softwareIds.length ? db.select({ id: software.id, name: software.name, slug: software.slug }).from(software).where(inArray(software.id, softwareIds)) : [],
    editionIds.length ? db.select({ id: editions.id, name: editions.name }).from(editions).where(inArray(editions.id, editionIds)) : [],
    moreRequests.length ? db.select({ id: requests.id, number: requests.number, proposedName: requests.proposedName }).from(requests).where(inArray(requests.id, moreRequests)) : [],
  ]);
  const userName = new Map(userRows.map((u) => [u.id, u.name]));
  const softwareById = new Map(softwareRows.map((s) => [s.id, s]));
  const editionName = new Map(editionRows.map((e) => [e.id, e.name]));
  const requestById = new Map([...requestRows0, ...requestRows1].map((r) => [r.id, r]));
  const grantById = new Map(grantRows.map((g) => [g.id, g]));
  return rows.map((row) => {
    const grant = row.entityType === "grant" ? grantById.get(row.entityId) : undefined;
    const editionId = row.entityType === "classification" ? field(row, "editionId") : undefined;
    const description = describeAuditEvent(row, {
      actorName: row.actorId && row.actorEmail !== "system" ? userName.get(row.actorId) ?? null : null,
      software: row.softwareId ? softwareById.get(row.softwareId) ?? null : null,
      edition: uuidLike(editionId) ? editionName.get(editionId) ?? null : null,
      user: row.entityType === "user" ? userName.get(row.entityId) ?? null : grant ? userName.get(grant.userId) ?? null : null,
      request: row.entityType === "request" ? requestById.get(row.entityId) ?? null : grant ? requestById.get(grant.requestId) ?? null : null,
    });
    return { ...description, id: row.id, at: row.at, position: row.position, action: row.action, entityType: row.entityType, reason: row.reason };
  });
}
