import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { config } from "../config";
import { ADDRESS_WINDOW_MINUTES, WINDOW_MINUTES } from "../auth/throttle";
import { writeAudit, type AuditEntry } from "../db/audit";
import { transactionWithHooks } from "../db/transaction";
import type { Db, Tx } from "../db/client";
import { apiRateWindows, grants, requestEvents, requests, signInAddressThrottle, signInThrottle, software, users } from "../db/schema";
import { rateWindow } from "../domain/api-tokens";
import { pruneIdempotencyKeys } from "../db/idempotency";
import { dueReminder, OPEN_STATUSES, REMINDER_DAYS, requestPath } from "../domain/requests";
import { notify, type Notice } from "../notifications";
import { emitGrantsExpired } from "../webhooks/events";

export interface SweepReport {
  expired: number;
  reminded: number;
  escalated: number;
  /** Rows of finished rate-limit windows and of sign-in throttles past their window and lock. */
  pruned: { rateWindows: number; signInThrottles: number; idempotencyKeys: number };
}

const DAY = 86_400_000;

/** Grants whose last day has passed: marked expired once, and their holders told. */
async function expireGrants(tx: Tx, now: Date, audit: AuditEntry[]): Promise<number> {
  const ended = await tx
    .update(grants)
    .set({ expiredAt: now })
    .where(and(isNull(grants.expiredAt), isNull(grants.revokedAt), lte(grants.endsAt, now)))
    .returning({ id: grants.id, requestId: grants.requestId, userId: grants.userId, softwareId: grants.softwareId, endsOn: grants.endsOn });
  if (ended.length === 0) return 0;
  const names = await softwareNames(tx, ended.map((g) => g.softwareId));
  // The timeline says it in the reader's language from the grant's own last day (app/requests/[id]).
  await tx.insert(requestEvents).values(ended.map((g) => ({ requestId: g.requestId, actorId: null, kind: "expired", body: null })));
  await notify(
    tx,
    ended.map((g) => ({
      userId: g.userId,
      title: ({ t }) => t("notices.expired.title", { tool: names.get(g.softwareId) ?? t("notices.aTool") }),
      body: ({ t, day }) => t("notices.expired.body", { tool: names.get(g.softwareId) ?? t("notices.aTool"), endsOn: day(g.endsOn) }),
      link: requestPath(g.requestId),
    })),
    config().baseUrl,
  );
  audit.push(...ended.map((g) => ({ action: "grant.expired", entityType: "grant", entityId: g.id, softwareId: g.softwareId, after: { endsOn: g.endsOn } })));
  await emitGrantsExpired(tx, ended.map((g) => g.id), now);
  return ended.length;
}

/** Reminders 7 days and 1 day before a grant ends, each sent once. */
async function remindBeforeEnd(tx: Tx, now: Date, audit: AuditEntry[]): Promise<number> {
  const horizon = new Date(now.getTime() + Math.max(...REMINDER_DAYS) * DAY);
  const candidates = await tx
    .select({ id: grants.id, requestId: grants.requestId, userId: grants.userId, softwareId: grants.softwareId, endsOn: grants.endsOn, endsAt: grants.endsAt, lastReminderDays: grants.lastReminderDays })
    .from(grants)
    .where(and(isNull(grants.revokedAt), isNull(grants.expiredAt), gt(grants.endsAt, now), lte(grants.endsAt, horizon)));
  const names = await softwareNames(tx, candidates.map((g) => g.softwareId));
  let sent = 0;
  for (const grant of candidates) {
    const days = dueReminder(grant.endsAt, now, grant.lastReminderDays);
    if (days === null) continue;
    // Claim the reminder: a second sweep running at the same moment finds it already claimed.
    const claimed = await tx
      .update(grants)
      .set({ lastReminderDays: days })
      .where(and(eq(grants.id, grant.id), or(isNull(grants.lastReminderDays), gt(grants.lastReminderDays, days))))
      .returning({ id: grants.id });
    if (claimed.length === 0) continue;
    const name = names.get(grant.softwareId);
    await notify(
      tx,
      [{
        userId: grant.userId,
        title: ({ t }) => t("notices.reminder.title", { tool: name ?? t("notices.aTool"), days }),
        body: ({ t, day }) => t("notices.reminder.body", { tool: name ?? t("notices.aTool"), endsOn: day(grant.endsOn) }),
        link: requestPath(grant.requestId),
      }],
      config().baseUrl,
    );
    audit.push({ action: "grant.reminded", entityType: "grant", entityId: grant.id, softwareId: grant.softwareId, after: { daysBefore: days } });
    sent += 1;
  }
  return sent;
}

/** Requests whose step is past due: escalated once per step, to the holder and the level above. */
async function escalateOverdue(tx: Tx, now: Date, audit: AuditEntry[]): Promise<number> {
  const requester = alias(users, "requester");
  const manager = alias(users, "manager");
  const overdue = await tx
    .update(requests)
    .set({ escalatedAt: now })
    .where(and(inArray(requests.status, [...OPEN_STATUSES]), isNull(requests.escalatedAt), isNotNull(requests.stepDueAt), lte(requests.stepDueAt, now)))
    .returning({ id: requests.id, number: requests.number, status: requests.status, requesterId: requests.requesterId, softwareId: requests.softwareId });
  if (overdue.length === 0) return 0;
  const people = await tx
    .select({ requestId: requests.id, managerId: requester.managerId, skipLevelId: manager.managerId })
    .from(requests)
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .leftJoin(manager, eq(manager.id, requester.managerId))
    .where(inArray(requests.id, overdue.map((r) => r.id)));
  const reviewers = (await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "reviewer"), eq(users.active, true)))).map((r) => r.id);
  const notices: Notice[] = [];
  for (const request of overdue) {
    const line = people.find((p) => p.requestId === request.id);
    const audience = request.status === "awaiting_manager" ? [line?.managerId, line?.skipLevelId] : reviewers;
    for (const userId of new Set(audience.filter((id): id is string => Boolean(id) && id !== request.requesterId))) {
      notices.push({
        userId,
        title: ({ t }) => t("notices.overdue.title", { number: request.number }),
        body: ({ t }) => t("notices.overdue.body", { number: request.number, status: t(`requests.statusInSentence.${request.status}`) }),
        link: requestPath(request.id),
      });
    }
  }
  await tx.insert(requestEvents).values(overdue.map((r) => ({ requestId: r.id, actorId: null, kind: "escalated", body: null })));
  await notify(tx, notices, config().baseUrl);
  audit.push(...overdue.map((r) => ({ action: "request.escalated", entityType: "request", entityId: r.id, softwareId: r.softwareId, after: { status: r.status } })));
  return overdue.length;
}

async function softwareNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: software.id, name: software.name }).from(software).where(inArray(software.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Bookkeeping tables that would otherwise only grow: a token's rate-limit window is done when
 * the next minute starts, and a sign-in throttle row once its failure window has passed and any
 * lock it set has ended, a client address's failure count once its window has passed (the next
 * failure would start counting afresh anyway), and an idempotency key after its 24 hours.
 */
async function pruneBookkeeping(db: Db, now: Date): Promise<SweepReport["pruned"]> {
  const rateWindows = await db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, rateWindow(now).start)).returning({ tokenId: apiRateWindows.tokenId });
  const windowOpenSince = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const signInThrottles = await db
    .delete(signInThrottle)
    .where(and(lt(signInThrottle.windowStartedAt, windowOpenSince), or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now))))
    .returning({ key: signInThrottle.key });
  const addressWindowOpenSince = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000);
  const addressThrottles = await db
    .delete(signInAddressThrottle)
    .where(lt(signInAddressThrottle.windowStartedAt, addressWindowOpenSince))
    .returning({ address: signInAddressThrottle.address });
  const idempotencyKeys = await pruneIdempotencyKeys(db, now);
  return { rateWindows: rateWindows.length, signInThrottles: signInThrottles.length + addressThrottles.length, idempotencyKeys };
}

/**
 * The scheduled sweep, run every minute by the job queue: ends grants whose last day has
 * passed, sends reminders before grants end, escalates requests whose step is overdue, and
 * prunes finished throttle rows and idempotency keys past their 24 hours. Idempotent and safe to
 * run on several instances at once: each change is claimed with a conditional UPDATE, so
 * whichever sweep gets a row first does it, and the others skip it.
 */
export async function sweep(db: Db, now: Date): Promise<SweepReport> {
  const report = await transactionWithHooks(db, async (tx) => {
    // A transaction-scoped advisory lock keeps two sweeps from interleaving their claims.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('vetted.sweep'))`);
    const audit: AuditEntry[] = [];
    const expired = await expireGrants(tx, now, audit);
    const reminded = await remindBeforeEnd(tx, now, audit);
    const escalated = await escalateOverdue(tx, now, audit);
    // Last: writing audit events holds the chain's lock until commit, so nothing else waits behind it.
    if (audit.length > 0) await writeAudit(tx, null, audit);
    return { expired, reminded, escalated };
  });
  return { ...report, pruned: await pruneBookkeeping(db, now) };
}
