import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Level } from "../domain/assessment";
import { addDays } from "../domain/review-due";
import type { Status } from "../domain/vocabulary";

export interface QueueItem {
  softwareSlug: string;
  softwareName: string;
  editionName: string | null;
  dueOn: string;
}

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Current decisions (in effect, latest per software and edition) due for review on or before `dueBy` (YYYY-MM-DD). */
export async function listDecisionsDue(db: Db, dueBy: string) {
  return rows<QueueItem & { status: Status }>(
    await db.execute(sql`
      SELECT * FROM (
        SELECT DISTINCT ON (c.software_id, c.edition_id)
          s.slug AS "softwareSlug", s.name AS "softwareName", e.name AS "editionName",
          c.review_due_on::text AS "dueOn", c.status
        FROM classifications c
        JOIN software s ON s.id = c.software_id
        LEFT JOIN editions e ON e.id = c.edition_id
        WHERE c.confirmation_reason IS NULL OR c.confirmed_at IS NOT NULL
        ORDER BY c.software_id, c.edition_id, coalesce(c.confirmed_at, c.decided_at) DESC
      ) current
      WHERE "dueOn"::date <= ${dueBy}::date
      ORDER BY "dueOn", "softwareName"
      LIMIT 200`),
  );
}

/** Tools due for reassessment on or before `dueBy` (YYYY-MM-DD), by their current completed assessment. */
export async function listReassessmentsDue(db: Db, dueBy: string) {
  return rows<QueueItem & { assessmentId: string; tier: Level }>(
    await db.execute(sql`
      SELECT a.id AS "assessmentId", s.slug AS "softwareSlug", s.name AS "softwareName", e.name AS "editionName",
        a.reassessment_due_on::text AS "dueOn", a.inherent_tier AS tier
      FROM assessments a
      JOIN software s ON s.id = a.software_id
      LEFT JOIN editions e ON e.id = a.edition_id
      WHERE a.status = 'completed' AND a.reassessment_due_on <= ${dueBy}::date
      ORDER BY a.reassessment_due_on, s.name
      LIMIT 200`),
  );
}

/** Assessments in draft or in review, with their assignee, least recently touched first. */
export async function listAssessmentsInProgress(db: Db) {
  return rows<{ id: string; softwareSlug: string; softwareName: string; editionName: string | null; status: string; assignee: string | null; updatedAt: string }>(
    await db.execute(sql`
      SELECT a.id, s.slug AS "softwareSlug", s.name AS "softwareName", e.name AS "editionName", a.status::text AS status,
        u.name AS assignee, a.updated_at::text AS "updatedAt"
      FROM assessments a
      JOIN software s ON s.id = a.software_id
      LEFT JOIN editions e ON e.id = a.edition_id
      LEFT JOIN users u ON u.id = a.assignee_id
      WHERE a.status IN ('draft', 'in_review')
      ORDER BY a.updated_at
      LIMIT 200`),
  );
}

/** Four-eyes decisions proposed and not yet confirmed by a second reviewer, oldest first. */
export async function listAwaitingConfirmation(db: Db) {
  return rows<{ id: string; softwareSlug: string; softwareName: string; editionName: string | null; status: Status; proposedBy: string; reason: string; decidedAt: string }>(
    await db.execute(sql`
      SELECT c.id, s.slug AS "softwareSlug", s.name AS "softwareName", e.name AS "editionName", c.status, u.name AS "proposedBy",
        c.confirmation_reason AS reason, c.decided_at::text AS "decidedAt"
      FROM classifications c
      JOIN software s ON s.id = c.software_id
      LEFT JOIN editions e ON e.id = c.edition_id
      JOIN users u ON u.id = c.decided_by_id
      WHERE c.confirmation_reason IS NOT NULL AND c.confirmed_at IS NULL
      ORDER BY c.decided_at
      LIMIT 200`),
  );
}

/** Evidence expired or expiring on or before `dueBy` (YYYY-MM-DD), soonest first. */
export async function listEvidenceExpiring(db: Db, dueBy: string) {
  return rows<{ id: string; title: string; expiresOn: string; vendorSlug: string | null; vendorName: string | null; assessmentId: string | null; softwareName: string | null }>(
    await db.execute(sql`
      SELECT ev.id, ev.title, ev.expires_on::text AS "expiresOn", v.slug AS "vendorSlug", v.name AS "vendorName",
        ev.assessment_id AS "assessmentId", s.name AS "softwareName"
      FROM evidence ev
      LEFT JOIN vendors v ON v.id = ev.vendor_id
      LEFT JOIN assessments a ON a.id = ev.assessment_id
      LEFT JOIN software s ON s.id = a.software_id
      WHERE ev.expires_on <= ${dueBy}::date
      ORDER BY ev.expires_on
      LIMIT 200`),
  );
}

/**
 * What reviewers must look at, due within `horizonDays` of `today` or overdue, oldest first:
 * decisions in effect due for review, tools due for reassessment (by their latest completed
 * assessment), assessments in progress, decisions awaiting a second reviewer, and evidence
 * that has expired or is about to.
 */
export async function getReviewQueue(db: Db, today: string, horizonDays = 30) {
  const horizon = addDays(today, horizonDays);
  const [decisionsDue, reassessmentsDue, inProgress, awaitingConfirmation, evidenceExpiring] = await Promise.all([
    listDecisionsDue(db, horizon),
    listReassessmentsDue(db, horizon),
    listAssessmentsInProgress(db),
    listAwaitingConfirmation(db),
    listEvidenceExpiring(db, horizon),
  ]);
  return { decisionsDue, reassessmentsDue, inProgress, awaitingConfirmation, evidenceExpiring };
}
