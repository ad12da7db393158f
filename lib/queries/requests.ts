import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../db/client";
import { assessments, grants, requestEvents, requests, requestSupporters, software, users } from "../db/schema";
import { OPEN_STATUSES } from "../domain/requests";
import type { GrantFact } from "../domain/verdict";

/** The grant fields the verdict needs. */
const GRANT_FACT = {
  editionId: grants.editionId,
  dataClass: grants.dataClass,
  startsAt: grants.startsAt,
  endsOn: grants.endsOn,
  endsAt: grants.endsAt,
  revokedAt: grants.revokedAt,
  conditions: grants.conditions,
  requestId: grants.requestId,
};

/** A person's grants for one software that have not ended by `now`, as the verdict needs them. */
export async function activeGrantFacts(db: Db | Tx, userId: string, softwareId: string, now: Date): Promise<GrantFact[]> {
  return (await activeGrantFactsBySoftware(db, userId, [softwareId], now)).get(softwareId) ?? [];
}

/** A person's unended grants for many software at once (a bulk check), by software id. */
export async function activeGrantFactsBySoftware(db: Db | Tx, userId: string, softwareIds: readonly string[], now: Date): Promise<Map<string, GrantFact[]>> {
  const bySoftware = new Map<string, GrantFact[]>();
  if (softwareIds.length === 0) return bySoftware;
  const rows = await db
    .select({ softwareId: grants.softwareId, ...GRANT_FACT })
    .from(grants)
    .where(and(eq(grants.userId, userId), inArray(grants.softwareId, [...softwareIds]), isNull(grants.revokedAt), gt(grants.endsAt, now)));
  for (const { softwareId, ...fact } of rows) bySoftware.set(softwareId, [...(bySoftware.get(softwareId) ?? []), fact]);
  return bySoftware;
}

/** How many people asked: the requester and everyone who joined. */
const demand = sql<number>`(1 + (SELECT count(*) FROM ${requestSupporters} WHERE ${requestSupporters.requestId} = ${requests.id}))::int`;

const requester = alias(users, "requester");

/** The columns every request list shows. */
const listColumns = {
  id: requests.id,
  number: requests.number,
  kind: requests.kind,
  status: requests.status,
  proposedName: requests.proposedName,
  dataClass: requests.dataClass,
  endsOn: requests.endsOn,
  purpose: requests.purpose,
  skippedManager: requests.skippedManager,
  stepDueAt: requests.stepDueAt,
  escalatedAt: requests.escalatedAt,
  createdAt: requests.createdAt,
  requesterName: requester.name,
  softwareSlug: software.slug,
  softwareName: software.name,
  softwareStatus: software.status,
  demand,
};

function requestList(db: Db) {
  return db.select(listColumns).from(requests).innerJoin(requester, eq(requester.id, requests.requesterId)).leftJoin(software, eq(software.id, requests.softwareId));
}

export type RequestListItem = Awaited<ReturnType<typeof listMyRequests>>[number];

/** Requests I made or joined, newest first. */
export function listMyRequests(db: Db, userId: string) {
  const joined = db.select({ id: requestSupporters.requestId }).from(requestSupporters).where(eq(requestSupporters.userId, userId));
  return requestList(db)
    .where(or(eq(requests.requesterId, userId), inArray(requests.id, joined)))
    .orderBy(desc(requests.createdAt))
    .limit(200);
}

/** Requests waiting for this manager: their direct reports' (as the reporting line is now). */
export function listManagerInbox(db: Db, managerId: string) {
  return requestList(db)
    .where(and(eq(requests.status, "awaiting_manager"), eq(requester.managerId, managerId)))
    .orderBy(asc(requests.stepDueAt));
}

/** Requests waiting for security, the most overdue first, then the most asked for. */
export function listSecurityQueue(db: Db) {
  return requestList(db)
    .where(inArray(requests.status, ["awaiting_security", "awaiting_confirmation"]))
    .orderBy(asc(requests.stepDueAt), desc(demand), asc(requests.createdAt))
    .limit(500);
}

/** One request with its people, tool, timeline, supporters and grant, for those allowed to see it. */
export async function getRequestDetail(db: Db, id: string) {
  const detail = await db.query.requests.findFirst({
    where: eq(requests.id, id),
    with: {
      requester: { columns: { id: true, name: true, email: true, managerId: true } },
      manager: { columns: { id: true, name: true } },
      software: { columns: { id: true, slug: true, name: true, status: true } },
      edition: { columns: { id: true, name: true } },
      events: { orderBy: [asc(requestEvents.createdAt)], with: { actor: { columns: { name: true } } } },
      supporters: { orderBy: [asc(requestSupporters.createdAt)], with: { user: { columns: { id: true, name: true } } } },
      grant: true,
    },
  });
  if (!detail) return undefined;
  const [currentManager] = detail.requester.managerId
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, detail.requester.managerId))
    : [];
  // Place in the security queue: how many waiting requests are due before this one.
  let queuePosition: number | null = null;
  if ((detail.status === "awaiting_security" || detail.status === "awaiting_confirmation") && detail.stepDueAt) {
    const [ahead] = await db
      .select({ n: count() })
      .from(requests)
      .where(and(inArray(requests.status, ["awaiting_security", "awaiting_confirmation"]), lte(requests.stepDueAt, detail.stepDueAt), sql`${requests.id} <> ${detail.id}`));
    queuePosition = (ahead?.n ?? 0) + 1;
  }
  // The risk summary beside the decision: the latest completed assessment of the tool.
  const [assessment] = detail.softwareId
    ? await db
        .select({ id: assessments.id, inherentTier: assessments.inherentTier, residualTier: assessments.residualTier, completedAt: assessments.completedAt })
        .from(assessments)
        .where(and(eq(assessments.softwareId, detail.softwareId), eq(assessments.status, "completed")))
        .orderBy(desc(assessments.completedAt))
        .limit(1)
    : [];
  return { ...detail, currentManager: currentManager ?? null, queuePosition, assessment: assessment ?? null };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;

/** Grants that have not ended, the soonest to end first; `withinDays` narrows to those ending soon. */
export function listActiveGrants(db: Db, now: Date, { userId, withinDays }: { userId?: string; withinDays?: number } = {}) {
  const holder = alias(users, "holder");
  return db
    .select({
      id: grants.id,
      requestId: grants.requestId,
      dataClass: grants.dataClass,
      endsOn: grants.endsOn,
      conditions: grants.conditions,
      holderName: holder.name,
      softwareSlug: software.slug,
      softwareName: software.name,
    })
    .from(grants)
    .innerJoin(holder, eq(holder.id, grants.userId))
    .innerJoin(software, eq(software.id, grants.softwareId))
    .where(
      and(
        isNull(grants.revokedAt),
        gt(grants.endsAt, now),
        userId ? eq(grants.userId, userId) : undefined,
        withinDays ? lte(grants.endsAt, new Date(now.getTime() + withinDays * 86_400_000)) : undefined,
      ),
    )
    .orderBy(asc(grants.endsAt))
    .limit(500);
}

/** While someone types a new tool's name: open requests for something similar, to join instead. */
export function findOpenNewSoftwareRequests(db: Db, query: string) {
  const q = query.trim().toLowerCase();
  return db
    .select({ id: requests.id, number: requests.number, proposedName: requests.proposedName, demand })
    .from(requests)
    .where(
      and(
        eq(requests.kind, "new_software"),
        inArray(requests.status, [...OPEN_STATUSES]),
        or(sql`lower(${requests.proposedName}) LIKE ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`, sql`word_similarity(${q}, lower(${requests.proposedName})) >= 0.5`),
      ),
    )
    .orderBy(desc(demand))
    .limit(5);
}

/**
 * How long each exception request decided in the window took, from asking to the final
 * decision (ms), for the typical decision time a requester is shown.
 */
export async function recentDecisionDurations(db: Db, now: Date, windowDays: number): Promise<number[]> {
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const rows = await db
    .select({ ms: sql<number>`(extract(epoch from ${requests.decidedAt} - ${requests.createdAt}) * 1000)::float8` })
    .from(requests)
    .where(and(eq(requests.kind, "exception"), inArray(requests.status, ["approved", "rejected"]), gt(requests.decidedAt, since), lte(requests.decidedAt, now)))
    .orderBy(desc(requests.decidedAt))
    .limit(5000);
  return rows.map((r) => Number(r.ms));
}

/** When the next grant in force ends, for scheduling the sweep at that moment. */
export async function nextGrantEnd(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ endsAt: grants.endsAt })
    .from(grants)
    .where(and(isNull(grants.revokedAt), isNull(grants.expiredAt), gt(grants.endsAt, now)))
    .orderBy(asc(grants.endsAt))
    .limit(1);
  return row?.endsAt ?? null;
}
