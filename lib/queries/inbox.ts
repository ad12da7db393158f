import "server-only";
import { and, asc, eq, inArray, ne, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import { assessments, classifications, editions, requestEvents, requests, requestSupporters, users } from "../db/schema";
import type { Level } from "../domain/assessment";
import { computeHeadline, type Headline } from "../domain/headline";
import { DECISION_EVENT_KINDS } from "../domain/requests";
import { assessmentFor, mainRisks, type MainRisk } from "../domain/risk-summary";
import { decisionsInEffect } from "../domain/verdict";
import type { Role } from "../domain/vocabulary";
import type { RequestListItem } from "./requests";

const requester = alias(users, "requester");

/**
 * How many requests wait for this person's decision, for the navigation's badge: their direct
 * reports' at the manager step and, for a reviewer, those at the security steps they may still
 * decide (not their own, not one they joined, not one whose earlier step they decided).
 */
export async function countRequestsWaitingFor(db: Db, user: { id: string; role: Role }): Promise<number> {
  const joined = db.select({ one: sql`1` }).from(requestSupporters).where(and(eq(requestSupporters.requestId, requests.id), eq(requestSupporters.userId, user.id)));
  const decided = db
    .select({ one: sql`1` })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requests.id), eq(requestEvents.actorId, user.id), inArray(requestEvents.kind, [...DECISION_EVENT_KINDS])));
  const managerStep = and(eq(requests.status, "awaiting_manager"), eq(requester.managerId, user.id));
  const securityStep = and(inArray(requests.status, ["awaiting_security", "awaiting_confirmation"]), notExists(decided));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .where(and(user.role === "reviewer" ? or(managerStep, securityStep) : managerStep, ne(requests.requesterId, user.id), notExists(joined)));
  return row?.n ?? 0;
}

/** What a decider needs to know about the tool in one line: its headline, assessed tier and main risks. */
export interface RiskSummary {
  headline: Headline;
  /** null: the tool has no completed assessment (for the edition asked about). */
  assessment: { tier: Level; residualTier: Level | null; editionName: string | null; risks: MainRisk[] } | null;
}

/** Each listed request's tool summary, by request id, from four queries for the whole list (never one per row). */
export async function riskSummaries(db: Db, items: RequestListItem[], now: Date): Promise<Map<string, RiskSummary>> {
  const summaries = new Map<string, RiskSummary>();
  if (items.length === 0) return summaries;
  const asked = await db.select({ id: requests.id, softwareId: requests.softwareId, editionId: requests.editionId }).from(requests).where(inArray(requests.id, items.map((i) => i.id)));
  const softwareIds = [...new Set(asked.map((r) => r.softwareId).filter((id): id is string => Boolean(id)))];
  if (softwareIds.length === 0) return summaries;
  const [eds, history, assessed] = await Promise.all([
    db.select({ id: editions.id, name: editions.name, softwareId: editions.softwareId }).from(editions).where(inArray(editions.softwareId, softwareIds)).orderBy(asc(editions.createdAt), asc(editions.name)),
    db.select().from(classifications).where(inArray(classifications.softwareId, softwareIds)),
    db
      .select({ softwareId: assessments.softwareId, editionId: assessments.editionId, editionName: editions.name, inherentTier: assessments.inherentTier, residualTier: assessments.residualTier, result: assessments.result })
      .from(assessments)
      .leftJoin(editions, eq(editions.id, assessments.editionId))
      .where(and(inArray(assessments.softwareId, softwareIds), eq(assessments.status, "completed"))),
  ]);
  for (const request of asked) {
    if (!request.softwareId) continue;
    const headline = computeHeadline(
      eds.filter((e) => e.softwareId === request.softwareId).map((e) => ({ id: e.id, name: e.name })),
      decisionsInEffect(history.filter((c) => c.softwareId === request.softwareId)),
      now,
    );
    const scored = assessed.flatMap((a) => (a.softwareId === request.softwareId && a.inherentTier && a.result ? [{ ...a, inherentTier: a.inherentTier, result: a.result }] : []));
    const chosen = assessmentFor(scored, request.editionId);
    summaries.set(request.id, {
      headline,
      assessment: chosen ? { tier: chosen.inherentTier, residualTier: chosen.residualTier, editionName: chosen.editionName, risks: mainRisks(chosen.result) } : null,
    });
  }
  return summaries;
}
