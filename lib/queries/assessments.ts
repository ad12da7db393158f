import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { config } from "../config";
import type { Db } from "../db/client";
import { assessments, evidence, users } from "../db/schema";
import { readEvidenceFile } from "../storage/evidence-files";
import type { Answers, Level } from "../domain/assessment";

/** Assessments of one software and one edition (null: those covering all editions). */
export function assessmentScope(softwareId: string, editionId: string | null | undefined) {
  return and(eq(assessments.softwareId, softwareId), editionId ? eq(assessments.editionId, editionId) : isNull(assessments.editionId));
}

/** One assessment with its questionnaire, software, edition and assignee, in one query. */
export async function getAssessment(db: Db, id: string) {
  return db.query.assessments.findFirst({
    where: eq(assessments.id, id),
    with: {
      template: true,
      software: { columns: { id: true, slug: true, name: true, kind: true, category: true } },
      edition: { columns: { id: true, name: true } },
      assignee: { columns: { id: true, name: true } },
    },
  });
}
export type AssessmentDetail = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;

export async function listAssessmentsForSoftware(db: Db, softwareId: string) {
  return db.query.assessments.findMany({
    where: eq(assessments.softwareId, softwareId),
    orderBy: [desc(assessments.createdAt)],
    columns: { answers: false, result: false },
    with: { edition: { columns: { name: true } }, assignee: { columns: { name: true } } },
  });
}

export async function listReviewers(db: Db) {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.role, "reviewer")).orderBy(users.name);
}

/** Evidence of an assessment or a vendor, without the file bytes. */
export async function listEvidence(db: Db, owner: { assessmentId: string } | { vendorId: string }) {
  return db
    .select({
      id: evidence.id, title: evidence.title, url: evidence.url, fileName: evidence.fileName, contentType: evidence.contentType,
      size: evidence.size, expiresOn: evidence.expiresOn, createdAt: evidence.createdAt,
    })
    .from(evidence)
    .where("assessmentId" in owner ? eq(evidence.assessmentId, owner.assessmentId) : eq(evidence.vendorId, owner.vendorId))
    .orderBy(desc(evidence.createdAt));
}

/** An evidence file's bytes, from the database or the evidence directory, as it was stored. */
export async function getEvidenceFile(db: Db, id: string) {
  const [row] = await db
    .select({ fileName: evidence.fileName, contentType: evidence.contentType, storage: evidence.storage, sha256: evidence.sha256, content: evidence.content })
    .from(evidence)
    .where(eq(evidence.id, id));
  if (!row?.storage || !row.contentType || !row.fileName) return undefined;
  let content = row.content;
  if (row.storage === "directory") {
    const { evidenceDir } = config();
    if (!evidenceDir || !row.sha256) throw new Error("evidence is stored in a directory but EVIDENCE_DIR is not set");
    content = await readEvidenceFile(evidenceDir, row.sha256);
  }
  return content ? { fileName: row.fileName, contentType: row.contentType, content } : undefined;
}

/** The completed (current) assessments of some software, with what a reader is shown: tiers and answers. */
export async function completedAssessmentsBySoftware(db: Db, softwareIds: readonly string[]) {
  const bySoftware = new Map<string, CompletedAssessment[]>();
  if (softwareIds.length === 0) return bySoftware;
  const rows = await db
    .select({
      id: assessments.id,
      softwareId: assessments.softwareId,
      editionId: assessments.editionId,
      answers: assessments.answers,
      inherentTier: assessments.inherentTier,
      residualTier: assessments.residualTier,
      completedAt: assessments.completedAt,
    })
    .from(assessments)
    .where(and(inArray(assessments.softwareId, [...softwareIds]), eq(assessments.status, "completed")));
  for (const row of rows) bySoftware.set(row.softwareId, [...(bySoftware.get(row.softwareId) ?? []), row]);
  return bySoftware;
}

export interface CompletedAssessment {
  id: string;
  softwareId: string;
  editionId: string | null;
  answers: Answers;
  inherentTier: Level | null;
  residualTier: Level | null;
  completedAt: Date | null;
}
