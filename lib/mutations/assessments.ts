import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { assessments, editions, questionnaireTemplates, software, users } from "../db/schema";
import { isAiTool, scoreAssessment, validateAnswers, type AssessmentStatus, type QuestionnaireTemplate } from "../domain/assessment";
import { DEFAULT_TEMPLATE } from "../domain/default-template";
import { addMonths } from "../domain/review-due";
import { Conflict, NotFound, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { assessmentScope } from "../queries/assessments";
import { getSettings } from "../queries/settings";
import { defineMutation } from "../server/guard";
import { currentTemplate } from "./templates";
import { AssessmentTransitionInput, SaveAssessmentInput, StartAssessmentInput } from "../validation/assessments";

/** Loads an assessment with its template for a change, refusing a stale version or a wrong status. */
async function loadForChange(tx: Tx, id: string, expectedVersion: number, allowed: AssessmentStatus[]) {
  const [row] = await tx
    .select({ assessment: assessments, definition: questionnaireTemplates.definition, kind: software.kind, category: software.category })
    .from(assessments)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, assessments.templateId))
    .innerJoin(software, eq(software.id, assessments.softwareId))
    .where(eq(assessments.id, id))
    .for("update", { of: assessments });
  if (!row) throw new NotFound(t("assessments.errors.notFound"));
  if (row.assessment.version !== expectedVersion) {
    throw new Conflict(t("assessments.errors.stale"));
  }
  if (!allowed.includes(row.assessment.status)) {
    throw new Conflict(t("assessments.errors.wrongStatus", { status: t(`assessments.status.${row.assessment.status}`) }));
  }
  return { ...row, aiTool: isAiTool(row) };
}

function assertAnswersValid(template: QuestionnaireTemplate, answers: Record<string, unknown>, options: { complete: boolean; aiTool: boolean }) {
  const errors = validateAnswers(template, answers as never, { ...options, describe: (problem) => t(`assessments.answer.${problem.code}`, problem.values) });
  if (Object.keys(errors).length > 0) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([question, messages]) => [`answers.${question}`, messages]));
    const count = Object.keys(errors).length;
    throw new ValidationFailed(t("assessments.errors.answersNeedAttention", { count }), fieldErrors);
  }
}

export const startAssessment = defineMutation({
  name: "startAssessment",
  action: "assessment.write",
  input: StartAssessmentInput,
  async run({ tx, actor, input }) {
    const [target] = await tx.select({ id: software.id }).from(software).where(eq(software.id, input.softwareId));
    if (!target) throw new NotFound(t("assessments.errors.softwareGone"));
    if (input.editionId) {
      const [edition] = await tx.select({ id: editions.id }).from(editions).where(and(eq(editions.id, input.editionId), eq(editions.softwareId, input.softwareId)));
      if (!edition) throw new ValidationFailed(t("assessments.errors.editionNotOfSoftware"), { editionId: [t("assessments.errors.chooseEdition")] });
    }
    if (input.assigneeId) {
      const [assignee] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, input.assigneeId));
      if (!assignee?.active || assignee.role !== "reviewer") throw new ValidationFailed(t("assessments.errors.assignReviewer"), { assigneeId: [t("assessments.errors.assignReviewer")] });
    }
    const scope = assessmentScope(input.softwareId, input.editionId);
    const [open] = await tx.select({ id: assessments.id }).from(assessments).where(and(scope, inArray(assessments.status, ["draft", "in_review"])));
    if (open) throw new Conflict(t("assessments.errors.alreadyInProgress"));
    // A reassessment starts from the last completed one, so only what changed needs answering.
    const [previous] = await tx
      .select()
      .from(assessments)
      .where(and(scope, eq(assessments.status, "completed")))
      .orderBy(desc(assessments.completedAt))
      .limit(1);
    const template = await currentTemplate(tx, input.templateKey ?? DEFAULT_TEMPLATE.key);
    if (!template) throw new ValidationFailed(t("assessments.errors.noSuchTemplate"), { templateKey: [t("assessments.errors.chooseTemplate")] });
    // Carry over only what the (possibly newer) questionnaire still asks.
    const questionIds = new Set(template.definition.questions.map((q) => q.id));
    const mitigationIds = new Set(template.definition.mitigations.map((m) => m.id));
    const answers = Object.fromEntries(Object.entries(previous?.answers ?? {}).filter(([id]) => questionIds.has(id)));
    const mitigations = (previous?.mitigations ?? []).filter((id) => mitigationIds.has(id));
    const [created] = await tx
      .insert(assessments)
      .values({
        softwareId: input.softwareId,
        editionId: input.editionId ?? null,
        templateId: template.id,
        answers,
        mitigations,
        assigneeId: input.assigneeId ?? actor.id,
        createdById: actor.id,
        previousId: previous?.id ?? null,
      })
      .returning();
    return {
      result: created!,
      audit: [{ action: "assessment.started", entityType: "assessment", entityId: created!.id, softwareId: input.softwareId, after: { templateVersion: template.version, previousId: previous?.id ?? null, assigneeId: created!.assigneeId } }],
    };
  },
});

export const saveAssessmentDraft = defineMutation({
  name: "saveAssessmentDraft",
  action: "assessment.write",
  input: SaveAssessmentInput,
  async run({ tx, input, now }) {
    const { assessment, definition, aiTool } = await loadForChange(tx, input.id, input.version, ["draft", "in_review"]);
    assertAnswersValid(definition, input.answers, { complete: false, aiTool });
    const known = new Set(definition.mitigations.map((m) => m.id));
    const unknown = input.mitigations.filter((m) => !known.has(m));
    if (unknown.length) throw new ValidationFailed(t("assessments.errors.unknownCondition"), { mitigations: [t("assessments.errors.notACondition", { ids: unknown.join(", ") })] });
    const [saved] = await tx
      .update(assessments)
      .set({ answers: input.answers, mitigations: [...new Set(input.mitigations)], version: sql`${assessments.version} + 1`, updatedAt: now })
      .where(and(eq(assessments.id, input.id), eq(assessments.version, input.version)))
      .returning();
    return {
      result: saved!,
      audit: [{ action: "assessment.saved", entityType: "assessment", entityId: input.id, softwareId: assessment.softwareId, before: { answers: assessment.answers, mitigations: assessment.mitigations }, after: { answers: saved!.answers, mitigations: saved!.mitigations } }],
    };
  },
});

export const submitAssessment = defineMutation({
  name: "submitAssessment",
  action: "assessment.write",
  input: AssessmentTransitionInput,
  async run({ tx, input, now }) {
    const { assessment, definition, aiTool } = await loadForChange(tx, input.id, input.version, ["draft"]);
    assertAnswersValid(definition, assessment.answers, { complete: true, aiTool });
    const [saved] = await tx
      .update(assessments)
      .set({ status: "in_review", version: sql`${assessments.version} + 1`, updatedAt: now })
      .where(eq(assessments.id, input.id))
      .returning();
    return { result: saved!, audit: [{ action: "assessment.submitted", entityType: "assessment", entityId: input.id, softwareId: assessment.softwareId, before: { status: "draft" }, after: { status: "in_review" } }] };
  },
});

export const completeAssessment = defineMutation({
  name: "completeAssessment",
  action: "assessment.write",
  input: AssessmentTransitionInput,
  async run({ tx, input, now }) {
    const { assessment, definition, aiTool } = await loadForChange(tx, input.id, input.version, ["in_review"]);
    assertAnswersValid(definition, assessment.answers, { complete: true, aiTool });
    const result = scoreAssessment(definition, assessment.answers, assessment.mitigations);
    const scope = and(assessmentScope(assessment.softwareId, assessment.editionId), eq(assessments.status, "completed"));
    const superseded = await tx.update(assessments).set({ status: "superseded", updatedAt: now }).where(scope).returning({ id: assessments.id });
    const [saved] = await tx
      .update(assessments)
      .set({
        status: "completed",
        result,
        inherentTier: result.inherentTier,
        residualTier: result.residualTier,
        completedAt: now,
        reassessmentDueOn: addMonths(now, (await getSettings(tx)).reassessmentMonths[result.inherentTier]),
        version: sql`${assessments.version} + 1`,
        updatedAt: now,
      })
      .where(eq(assessments.id, input.id))
      .returning();
    return {
      result: saved!,
      audit: [
        { action: "assessment.completed", entityType: "assessment", entityId: input.id, softwareId: assessment.softwareId, after: { inherentTier: result.inherentTier, residualTier: result.residualTier } },
        ...superseded.map((s) => ({ action: "assessment.superseded", entityType: "assessment", entityId: s.id, softwareId: assessment.softwareId, after: { supersededBy: input.id } })),
      ],
    };
  },
});
