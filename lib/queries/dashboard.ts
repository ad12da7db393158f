import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import { classifications, editions, software, users } from "../db/schema";
import { shapeHeatMap, summariseSoftware, type DimensionLevelCount, type StatusTierCount } from "../domain/dashboard";
import { addDays } from "../domain/review-due";
import { listAssessmentsInProgress, listAwaitingConfirmation, listReassessmentsDue } from "./review-queue";

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Software counted by headline status × assessed tier, in one pass. The assessed tier is the
 * worst inherent tier among a software's current (completed, not superseded) assessments —
 * one per edition scope — so that every software is counted once; the enum orders low < critical.
 */
async function countSoftwareByStatusAndTier(db: Db) {
  return rows<StatusTierCount>(
    await db.execute(sql`
      SELECT status, tier, count(*)::int AS count
      FROM (
        SELECT s.status, max(a.inherent_tier) AS tier
        FROM software s
        LEFT JOIN assessments a ON a.software_id = s.id AND a.status = 'completed'
        GROUP BY s.id, s.status
      ) per_software
      GROUP BY status, tier`),
  );
}

/** How many current assessments put each dimension at each level, from their stored results. */
async function countDimensionLevels(db: Db) {
  return rows<DimensionLevelCount>(
    await db.execute(sql`
      SELECT d.value->>'dimension' AS dimension, d.value->>'level' AS level, count(*)::int AS count
      FROM assessments a
      CROSS JOIN LATERAL jsonb_array_elements(a.result->'dimensions') AS d(value)
      WHERE a.status = 'completed' AND jsonb_typeof(a.result->'dimensions') = 'array'
      GROUP BY 1, 2`),
  );
}

const confirmer = alias(users, "confirmer");

/** The latest decisions recorded, pending ones included, newest first. */
export async function listRecentDecisions(db: Db, limit = 10) {
  return db
    .select({
      id: classifications.id,
      softwareSlug: software.slug,
      softwareName: software.name,
      editionName: editions.name,
      status: classifications.status,
      decidedBy: users.name,
      decidedAt: classifications.decidedAt,
      confirmedBy: confirmer.name,
      pending: sql<boolean>`(${classifications.confirmationReason} IS NOT NULL AND ${classifications.confirmedAt} IS NULL)`,
    })
    .from(classifications)
    .innerJoin(software, eq(software.id, classifications.softwareId))
    .innerJoin(users, eq(users.id, classifications.decidedById))
    .leftJoin(confirmer, eq(confirmer.id, classifications.confirmedById))
    .leftJoin(editions, eq(editions.id, classifications.editionId))
    .orderBy(desc(classifications.decidedAt))
    .limit(limit);
}

/**
 * Everything the reviewer dashboard shows, as of `today` (YYYY-MM-DD): counts by status and
 * tier, the dimension × level heat map, overdue reassessments (due before today), work in
 * progress, decisions awaiting a second reviewer and recent decisions. The lists are the
 * review queue's own.
 */
export async function getDashboard(db: Db, today: string) {
  const [statusTier, dimensionLevels, overdueReassessments, inProgress, awaitingConfirmation, recentDecisions] = await Promise.all([
    countSoftwareByStatusAndTier(db),
    countDimensionLevels(db),
    listReassessmentsDue(db, addDays(today, -1)),
    listAssessmentsInProgress(db),
    listAwaitingConfirmation(db),
    listRecentDecisions(db),
  ]);
  return {
    software: summariseSoftware(statusTier),
    heatMap: shapeHeatMap(dimensionLevels),
    overdueReassessments,
    inProgress,
    awaitingConfirmation,
    recentDecisions,
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
