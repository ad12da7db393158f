import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { assessments, users } from "../db/schema";

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
