/**
 * The demo's history of work (db/seed-activity-data.ts), written as the mutations would have
 * written it on the day: completed assessments scored by the real scoring code, their evidence,
 * and requests moved step by step through the real request rules, each row and each audit event
 * dated when it happened. Run by db/seed.ts after the catalogue; what already exists is left alone.
 */
import { and, desc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { AuditEntry } from "../lib/db/audit";
import type { Tx } from "../lib/db/client";
import { assessments, auditEvents, classifications, editions, evidence, grants, questionnaireTemplates, requestEvents, requests, software, users } from "../lib/db/schema";
import { isAiTool, scoreAssessment, validateAnswers } from "../lib/domain/assessment";
import { DEFAULT_TEMPLATE } from "../lib/domain/default-template";
import { checkDecision, checkEndDate, firstStep, grantEndsAt, isoDay, stepDueAt, type RequestStatus } from "../lib/domain/requests";
import { addDays, addMonths } from "../lib/domain/review-due";
import { getSettings } from "../lib/queries/settings";
import { seedAssessments, seedRequests, type SeedAssessment, type SeedRequest } from "./seed-activity-data";

const DAY = 86_400_000;

/** Audit events dated when their change happened (the door dates them at commit, which for history is wrong). */
async function auditAt(tx: Tx, actor: { id: string; email: string }, at: Date, entries: AuditEntry[]): Promise<void> {
  await tx.insert(auditEvents).values(
    entries.map((e) => ({
      at,
      actorId: actor.id,
      actorEmail: actor.email,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      softwareId: e.softwareId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    })),
  );
}

/** The stored default questionnaire, stored as version 1 if no one has used it yet (as currentTemplate does). */
async function defaultTemplateId(tx: Tx): Promise<string> {
  const [latest] = await tx.select({ id: questionnaireTemplates.id }).from(questionnaireTemplates).where(eq(questionnaireTemplates.key, DEFAULT_TEMPLATE.key)).orderBy(desc(questionnaireTemplates.version)).limit(1);
  if (latest) return latest.id;
  const [created] = await tx
    .insert(questionnaireTemplates)
    .values({ key: DEFAULT_TEMPLATE.key, version: DEFAULT_TEMPLATE.version, title: DEFAULT_TEMPLATE.title, definition: DEFAULT_TEMPLATE })
    .returning({ id: questionnaireTemplates.id });
  return created!.id;
}

async function findSoftware(tx: Tx, name: string, editionName?: string) {
  const [row] = await tx.select({ id: software.id, kind: software.kind, category: software.category }).from(software).where(eq(software.name, name));
  if (!row) return undefined;
  if (!editionName) return { ...row, editionId: null };
  const [edition] = await tx.select({ id: editions.id }).from(editions).where(and(eq(editions.softwareId, row.id), eq(editions.name, editionName)));
  if (!edition) throw new Error(`seed: ${name} has no edition "${editionName}"`);
  return { ...row, editionId: edition.id };
}

/** One completed assessment, as start → save → submit → complete would leave it. */
async function seedAssessment(tx: Tx, entry: SeedAssessment, reviewer: { id: string; email: string }, templateId: string, now: Date): Promise<boolean> {
  const target = await findSoftware(tx, entry.software, entry.edition);
  if (!target) return false;
  const scope = and(eq(assessments.softwareId, target.id), target.editionId ? eq(assessments.editionId, target.editionId) : isNull(assessments.editionId));
  const [existing] = await tx.select({ id: assessments.id }).from(assessments).where(scope).limit(1);
  if (existing) return false;

  const errors = validateAnswers(DEFAULT_TEMPLATE, entry.answers, { complete: true, aiTool: isAiTool(target) });
  if (Object.keys(errors).length > 0) throw new Error(`seed: the assessment of ${entry.software} does not answer the questionnaire: ${JSON.stringify(errors)}`);
  const result = scoreAssessment(DEFAULT_TEMPLATE, entry.answers, entry.mitigations);
  const startedAt = new Date(now.getTime() - entry.startedDaysAgo * DAY);
  const savedAt = new Date(startedAt.getTime() + DAY);
  const completedAt = new Date(now.getTime() - entry.completedDaysAgo * DAY);
  const submittedAt = new Date(completedAt.getTime() - DAY);
  const { reassessmentMonths } = await getSettings(tx);

  const [row] = await tx
    .insert(assessments)
    .values({
      softwareId: target.id,
      editionId: target.editionId,
      templateId,
      status: "completed",
      answers: entry.answers,
      mitigations: entry.mitigations,
      result,
      inherentTier: result.inherentTier,
      residualTier: result.residualTier,
      assigneeId: reviewer.id,
      createdById: reviewer.id,
      // start, save, submit, complete: each bumps the version.
      version: 4,
      createdAt: startedAt,
      updatedAt: completedAt,
      completedAt,
      reassessmentDueOn: addMonths(completedAt, reassessmentMonths[result.inherentTier]),
    })
    .returning({ id: assessments.id });
  const id = row!.id;
  const softwareId = target.id;
  await auditAt(tx, reviewer, startedAt, [{ action: "assessment.started", entityType: "assessment", entityId: id, softwareId, after: { templateVersion: DEFAULT_TEMPLATE.version, previousId: null, assigneeId: reviewer.id } }]);
  await auditAt(tx, reviewer, savedAt, [{ action: "assessment.saved", entityType: "assessment", entityId: id, softwareId, before: { answers: {}, mitigations: [] }, after: { answers: entry.answers, mitigations: entry.mitigations } }]);
  await auditAt(tx, reviewer, submittedAt, [{ action: "assessment.submitted", entityType: "assessment", entityId: id, softwareId, before: { status: "draft" }, after: { status: "in_review" } }]);
  await auditAt(tx, reviewer, completedAt, [{ action: "assessment.completed", entityType: "assessment", entityId: id, softwareId, after: { inherentTier: result.inherentTier, residualTier: result.residualTier } }]);

  for (const item of entry.evidence ?? []) {
    const addedAt = new Date(now.getTime() - item.addedDaysAgo * DAY);
    const expiresOn = addDays(isoDay(now), item.expiresInDays);
    const [added] = await tx
      .insert(evidence)
      .values({ assessmentId: id, title: item.title, url: item.url, expiresOn, uploadedById: reviewer.id, createdAt: addedAt })
      .returning({ id: evidence.id, title: evidence.title, fileName: evidence.fileName, contentType: evidence.contentType, size: evidence.size, sha256: evidence.sha256, url: evidence.url, expiresOn: evidence.expiresOn });
    await auditAt(tx, reviewer, addedAt, [{ action: "evidence.added", entityType: "evidence", entityId: added!.id, softwareId, after: { ...added, assessmentId: id, vendorId: null } }]);
  }

  // The decision in force that was made after this assessment rests on it.
  const [decision] = await tx
    .select({ id: classifications.id })
    .from(classifications)
    .where(and(eq(classifications.softwareId, softwareId), target.editionId ? or(isNull(classifications.editionId), eq(classifications.editionId, target.editionId)) : isNull(classifications.editionId), gte(classifications.decidedAt, completedAt), isNull(classifications.assessmentId)))
    .orderBy(desc(classifications.decidedAt))
    .limit(1);
  if (decision) await tx.update(classifications).set({ assessmentId: id }).where(eq(classifications.id, decision.id));
  return true;
}

const EVENT_OF: Partial<Record<RequestStatus, string>> = { awaiting_security: "manager_approved", awaiting_confirmation: "security_approved", approved: "approved" };

/** One exception request, submitted and then approved step by step under the real rules (checkDecision). */
async function seedRequest(tx: Tx, entry: SeedRequest, people: Map<string, string>, now: Date): Promise<boolean> {
  const requesterId = people.get(entry.requester);
  if (!requesterId) return false;
  const [existing] = await tx.select({ id: requests.id }).from(requests).where(and(eq(requests.requesterId, requesterId), eq(requests.idempotencyKey, entry.idempotencyKey)));
  if (existing) return false;
  const target = await findSoftware(tx, entry.software, entry.edition);
  if (!target) return false;
  const [tool] = await tx.select({ status: software.status }).from(software).where(eq(software.id, target.id));
  const [requester] = await tx.select({ email: users.email, managerId: users.managerId }).from(users).where(eq(users.id, requesterId));
  const deciders = await tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.id, [...people.values()]));
  const settings = (await getSettings(tx)).requests;

  const submittedAt = new Date(now.getTime() - entry.submittedDaysAgo * DAY);
  const endsOn = addDays(isoDay(now), entry.endsInDays);
  const endProblem = checkEndDate(endsOn, isoDay(submittedAt), settings.maxExceptionDays);
  if (endProblem) throw new Error(`seed: request for ${entry.software}: ${endProblem}`);
  const step = firstStep({ managerId: requester!.managerId });
  const [created] = await tx
    .insert(requests)
    .values({
      kind: "exception",
      status: step.status,
      requesterId,
      managerId: requester!.managerId,
      skippedManager: step.skippedManager,
      softwareId: target.id,
      editionId: target.editionId,
      dataClass: entry.dataClass,
      purpose: entry.purpose,
      justification: entry.justification,
      endsOn,
      stepEnteredAt: submittedAt,
      stepDueAt: stepDueAt(step.status, submittedAt, settings),
      idempotencyKey: entry.idempotencyKey,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    })
    .returning();
  let request = created!;
  await tx.insert(requestEvents).values({ requestId: request.id, actorId: requesterId, kind: "submitted", createdAt: submittedAt });
  await auditAt(tx, { id: requesterId, email: requester!.email }, submittedAt, [
    { action: "request.submitted", entityType: "request", entityId: request.id, softwareId: target.id, after: { kind: "exception", status: request.status, dataClass: entry.dataClass, endsOn, skippedManager: request.skippedManager } },
  ]);

  const deciderIds: string[] = [];
  for (const approval of entry.approvals) {
    const decider = deciders.find((d) => d.email === approval.by);
    if (!decider) throw new Error(`seed: no demo user ${approval.by}`);
    const at = new Date(now.getTime() - approval.daysAgo * DAY);
    const check = checkDecision(
      { status: request.status, kind: "exception", requesterId, requesterManagerId: requester!.managerId, softwareStatus: tool?.status ?? null, securityDeciderId: request.securityDeciderId, supporterIds: [], deciderIds },
      { id: decider.id, role: decider.role },
      "approve",
    );
    if (!check.allowed) throw new Error(`seed: ${approval.by} may not approve the request for ${entry.software}: ${check.reason}`);
    const next = check.next;
    const previousStatus = request.status;
    const isSecurityApproval = request.status === "awaiting_security";
    const approvedEndsOn = request.approvedEndsOn ?? request.endsOn;
    const approvedConditions = isSecurityApproval ? approval.conditions ?? [] : request.approvedConditions;
    if (isSecurityApproval && approvedEndsOn) {
      const problem = checkEndDate(approvedEndsOn, isoDay(at), settings.maxExceptionDays);
      if (problem) throw new Error(`seed: security approval of ${entry.software}: ${problem}`);
    }
    const [updated] = await tx
      .update(requests)
      .set({
        status: next,
        stepEnteredAt: at,
        stepDueAt: stepDueAt(next, at, settings),
        securityDeciderId: isSecurityApproval ? decider.id : request.securityDeciderId,
        approvedEndsOn,
        approvedConditions,
        decidedAt: next === "approved" ? at : null,
        updatedAt: at,
      })
      .where(eq(requests.id, request.id))
      .returning();
    request = updated!;
    deciderIds.push(decider.id);
    await tx.insert(requestEvents).values({ requestId: request.id, actorId: decider.id, kind: EVENT_OF[next] ?? next, body: approval.comment ?? null, createdAt: at });
    const audit: AuditEntry[] = [
      { action: "request.approved", entityType: "request", entityId: request.id, softwareId: target.id, before: { status: previousStatus }, after: { status: next, endsOn: approvedEndsOn, conditions: approvedConditions }, reason: approval.comment ?? null },
    ];
    if (next === "approved" && approvedEndsOn) {
      const [grant] = await tx
        .insert(grants)
        .values({ requestId: request.id, userId: requesterId, softwareId: target.id, editionId: target.editionId, dataClass: entry.dataClass, conditions: approvedConditions, startsAt: at, endsOn: approvedEndsOn, endsAt: grantEndsAt(approvedEndsOn), createdAt: at })
        .returning({ id: grants.id });
      audit.push({ action: "grant.created", entityType: "grant", entityId: grant!.id, softwareId: target.id, after: { userId: requesterId, dataClass: entry.dataClass, endsOn: approvedEndsOn, conditions: approvedConditions } });
    }
    await auditAt(tx, decider, at, audit);
  }
  return true;
}

/**
 * Completed assessments (by `reviewerId`) always; the requests only when their people exist
 * (`people`: demo users by email). Returns how many of each were added.
 */
export async function seedActivity(tx: Tx, reviewerId: string, people: Map<string, string>, now: Date): Promise<{ assessments: number; requests: number }> {
  const [reviewer] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, reviewerId));
  const templateId = await defaultTemplateId(tx);
  let assessed = 0;
  for (const entry of seedAssessments) if (await seedAssessment(tx, entry, reviewer!, templateId, now)) assessed++;
  let asked = 0;
  for (const entry of seedRequests) if (await seedRequest(tx, entry, people, now)) asked++;
  return { assessments: assessed, requests: asked };
}
