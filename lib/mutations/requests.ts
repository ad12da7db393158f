import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { config } from "../config";
import type { Tx } from "../db/client";
import { grants, requestEvents, requests, requestSupporters, software, users } from "../db/schema";
import {
  checkDecision,
  checkEndDate,
  checkWithdraw,
  canViewRequest,
  DECISION_EVENT_KINDS,
  earlierDeciderIds,
  exceptionApplies,
  firstStep,
  dayAsDate,
  grantEndsAt,
  isoDay,
  OPEN_STATUSES,
  stepDueAt,
  requestPath,
  type Actor,
  type EndDateProblem,
  type RequestStatus,
} from "../domain/requests";
import type { DataClass } from "../domain/vocabulary";
import { formatter, t } from "../i18n/translate";
import { computeVerdict, currentClassification, decisionsInEffect } from "../domain/verdict";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../errors";
import { notify, type Notice, type NoticeWords } from "../notifications";
import { activeGrantFacts } from "../queries/requests";
import { getSettings } from "../queries/settings";
import { getSoftwareById, resolveSoftware } from "../queries/software";
import { defineMutation } from "../server/guard";
import { emitGrantCreated, emitRequestDecided } from "../webhooks/events";
import {
  CommentInput,
  DecideInput,
  ExceptionRequestInput,
  JoinRequestInput,
  NewSoftwareRequestInput,
  RevokeGrantInput,
  WithdrawInput,
} from "../validation/requests";


/** A request status inside a sentence ("is already approved"), in the reader's language. */
const statusWords = (say: NoticeWords["t"], status: RequestStatus) => say(`requests.statusInSentence.${status}`);
const dataClassWords = (say: NoticeWords["t"], dataClass: DataClass) => say(`vocabulary.dataClass.${dataClass}`);

/** What is wrong with an end date, in the language of the request. */
function endDateMessage(problem: EndDateProblem): string {
  if (problem.problem === "past") return t("requests.endDate.past");
  return t("requests.endDate.tooFar", { maxDays: problem.maxDays, latest: formatter().dateTime(dayAsDate(problem.latest), "day") });
}

async function activeReviewerIds(tx: Tx, except: string[] = []): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "reviewer"), eq(users.active, true)));
  return rows.map((r) => r.id).filter((id) => !except.includes(id));
}

/** Who to tell that a request now waits for them. */
async function holdersOf(tx: Tx, request: { status: RequestStatus; managerId: string | null; requesterId: string; securityDeciderId?: string | null }): Promise<string[]> {
  if (request.status === "awaiting_manager") return request.managerId ? [request.managerId] : [];
  if (request.status === "awaiting_security") return activeReviewerIds(tx, [request.requesterId]);
  if (request.status === "awaiting_confirmation") return activeReviewerIds(tx, [request.requesterId, request.securityDeciderId ?? ""]);
  return [];
}

/** A request that the same form already created (double submission) is reported, not repeated. */
async function refuseRepeat(tx: Tx, requesterId: string, idempotencyKey: string) {
  const [existing] = await tx
    .select({ id: requests.id, number: requests.number })
    .from(requests)
    .where(and(eq(requests.requesterId, requesterId), eq(requests.idempotencyKey, idempotencyKey)));
  if (existing) throw new Conflict(t("requests.errors.alreadySent", { number: existing.number }));
}

type RequestFields = Omit<typeof requests.$inferInsert, "status" | "requesterId" | "managerId" | "skippedManager" | "stepEnteredAt" | "stepDueAt">;

/**
 * Files a request at its first step (the manager, or security when there is none), records it on
 * the timeline and tells whoever holds it now.
 */
async function submitRequest(tx: Tx, actor: Actor & { name: string }, now: Date, fields: RequestFields, notice: (number: number) => Pick<Notice, "title" | "body">) {
  const settings = await getSettings(tx);
  const [requester] = await tx.select({ managerId: users.managerId }).from(users).where(eq(users.id, actor.id));
  const step = firstStep({ managerId: requester?.managerId ?? null });
  // A concurrent double submission meets the unique (requester, idempotency key) index: a 409.
  const [created] = await tx
    .insert(requests)
    .values({
      ...fields,
      status: step.status,
      requesterId: actor.id,
      managerId: requester?.managerId ?? null,
      skippedManager: step.skippedManager,
      stepEnteredAt: now,
      stepDueAt: stepDueAt(step.status, now, settings.requests),
    })
    .returning();
  await tx.insert(requestEvents).values({ requestId: created!.id, actorId: actor.id, kind: "submitted", body: null });
  const { title, body } = notice(created!.number);
  await notify(tx, (await holdersOf(tx, created!)).map((userId) => ({ userId, title, body, link: requestPath(created!.id) })), config().baseUrl);
  return created!;
}

export const requestException = defineMutation({
  name: "requestException",
  action: "request.create",
  input: ExceptionRequestInput,
  async run({ tx, actor, input, now }) {
    await refuseRepeat(tx, actor.id, input.idempotencyKey);
    const detail = await getSoftwareById(tx, input.softwareId);
    if (!detail) throw new NotFound(t("requests.errors.softwareGone"));
    if (input.editionId && !detail.editions.some((e) => e.id === input.editionId)) {
      throw new ValidationFailed(t("requests.errors.editionNotOfSoftware"), { editionId: [t("requests.errors.chooseEdition")] });
    }
    const settings = await getSettings(tx);
    const endProblem = checkEndDate(input.endsOn, isoDay(now), settings.requests.maxExceptionDays);
    if (endProblem) {
      const message = endDateMessage(endProblem);
      throw new ValidationFailed(message, { endsOn: [message] });
    }

    const verdict = computeVerdict({
      software: { name: detail.name, editions: detail.editions.map((e) => ({ id: e.id, name: e.name })) },
      classifications: decisionsInEffect(detail.classifications),
      editionId: input.editionId ?? null,
      dataClass: input.dataClass,
      grants: await activeGrantFacts(tx, actor.id, detail.id, now),
      now,
      dataClassLabels: settings.dataClassLabels,
    });
    if (!exceptionApplies(verdict.verdict)) {
      const values = { tool: detail.name, dataClass: dataClassWords(t, input.dataClass) };
      const message = verdict.verdict === "allowed_by_exception" ? t("requests.errors.alreadyHold", values) : t("requests.errors.alreadyAllowed", values);
      throw new ValidationFailed(message, { dataClass: [message] });
    }
    const [open] = await tx
      .select({ number: requests.number })
      .from(requests)
      .where(and(eq(requests.requesterId, actor.id), eq(requests.softwareId, detail.id), eq(requests.kind, "exception"), inArray(requests.status, [...OPEN_STATUSES])));
    if (open) throw new Conflict(t("requests.errors.openException", { tool: detail.name, number: open.number }));

    const created = await submitRequest(
      tx,
      actor,
      now,
      { kind: "exception", softwareId: detail.id, editionId: input.editionId ?? null, dataClass: input.dataClass, purpose: input.purpose, justification: input.justification, endsOn: input.endsOn, idempotencyKey: input.idempotencyKey },
      (number) => ({
        title: ({ t }) => t("notices.exceptionAsked.title", { number, name: actor.name, tool: detail.name }),
        body: ({ t, day }) => t("notices.exceptionAsked.body", { name: actor.name, tool: detail.name, dataClass: dataClassWords(t, input.dataClass), endsOn: day(input.endsOn), purpose: input.purpose }),
      }),
    );
    return {
      result: created,
      audit: [{ action: "request.submitted", entityType: "request", entityId: created.id, softwareId: detail.id, after: { kind: "exception", status: created.status, dataClass: input.dataClass, endsOn: input.endsOn, skippedManager: created.skippedManager } }],
    };
  },
});

export const requestNewSoftware = defineMutation({
  name: "requestNewSoftware",
  action: "request.create",
  input: NewSoftwareRequestInput,
  async run({ tx, actor, input, now }) {
    await refuseRepeat(tx, actor.id, input.idempotencyKey);
    const known = await resolveSoftware(tx, input.proposedName);
    if (known && known.match !== "fuzzy") {
      const [row] = await tx.select({ name: software.name }).from(software).where(eq(software.slug, known.slug));
      const message = t("requests.errors.inCatalogue", { tool: row?.name ?? input.proposedName });
      throw new ValidationFailed(message, { proposedName: [message] });
    }
    const [duplicate] = await tx
      .select({ id: requests.id, number: requests.number })
      .from(requests)
      .where(and(eq(requests.kind, "new_software"), inArray(requests.status, [...OPEN_STATUSES]), sql`lower(${requests.proposedName}) = lower(${input.proposedName})`));
    if (duplicate) {
      throw new Conflict(t("requests.errors.alreadyAskedFor", { tool: input.proposedName, number: duplicate.number }), { proposedName: [t("requests.errors.alreadyRequested", { number: duplicate.number })] });
    }
    const created = await submitRequest(
      tx,
      actor,
      now,
      { kind: "new_software", proposedName: input.proposedName, proposedUrl: input.proposedUrl ?? null, purpose: input.purpose, justification: input.justification, idempotencyKey: input.idempotencyKey },
      (number) => ({
        title: ({ t }) => t("notices.newToolAsked.title", { number, tool: input.proposedName }),
        body: ({ t }) => t("notices.newToolAsked.body", { name: actor.name, tool: input.proposedName, purpose: input.purpose }),
      }),
    );
    return {
      result: created,
      audit: [{ action: "request.submitted", entityType: "request", entityId: created.id, after: { kind: "new_software", status: created.status, proposedName: input.proposedName, skippedManager: created.skippedManager } }],
    };
  },
});

/**
 * Loads a request for a change, locked, with what the rules need. Someone who may not see it
 * is told it does not exist. The manager is the requester's manager now.
 */
async function loadForChange(tx: Tx, id: string, actor: Actor) {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id)).for("update");
  if (!row) throw new NotFound(t("requests.errors.requestMissing"));
  const supporters = await tx.select({ userId: requestSupporters.userId }).from(requestSupporters).where(eq(requestSupporters.requestId, id));
  const [requester] = await tx.select({ name: users.name, managerId: users.managerId }).from(users).where(eq(users.id, row.requesterId));
  const supporterIds = supporters.map((s) => s.userId);
  const requesterManagerId = requester?.managerId ?? null;
  if (!canViewRequest({ kind: row.kind, requesterId: row.requesterId, managerId: requesterManagerId, supporterIds }, actor)) throw new NotFound(t("requests.errors.requestMissing"));
  return { request: row, supporterIds, requesterManagerId, requesterName: requester?.name ?? null };
}

export const joinRequest = defineMutation({
  name: "joinRequest",
  action: "request.create",
  input: JoinRequestInput,
  async run({ tx, actor, input }) {
    const { request, supporterIds } = await loadForChange(tx, input.requestId, actor);
    if (request.kind !== "new_software") throw new ValidationFailed(t("requests.errors.onlyNewToolsJoin"));
    if (!OPEN_STATUSES.includes(request.status)) throw new Conflict(t("requests.errors.alreadyStatus", { number: request.number, status: statusWords(t, request.status) }));
    if (request.requesterId === actor.id) throw new Conflict(t("requests.errors.ownRequest"));
    if (supporterIds.includes(actor.id)) throw new Conflict(t("requests.errors.alreadyJoined"));
    await tx.insert(requestSupporters).values({ requestId: request.id, userId: actor.id, justification: input.justification });
    await tx.insert(requestEvents).values({ requestId: request.id, actorId: actor.id, kind: "joined", body: input.justification });
    await notify(tx, [{ userId: request.requesterId, title: ({ t }) => t("notices.joined.title", { number: request.number, name: actor.name }), body: input.justification, link: requestPath(request.id) }], config().baseUrl);
    return {
      result: { id: request.id, number: request.number, demand: supporterIds.length + 2 },
      audit: [{ action: "request.joined", entityType: "request", entityId: request.id, after: { supporter: actor.id } }],
    };
  },
});

export const commentOnRequest = defineMutation({
  name: "commentOnRequest",
  action: "request.create",
  input: CommentInput,
  async run({ tx, actor, input }) {
    const { request, requesterManagerId } = await loadForChange(tx, input.requestId, actor);
    const [event] = await tx.insert(requestEvents).values({ requestId: request.id, actorId: actor.id, kind: "comment", body: input.body }).returning({ id: requestEvents.id });
    const audience = [request.requesterId, ...(requesterManagerId && request.status === "awaiting_manager" ? [requesterManagerId] : [])].filter((id) => id !== actor.id);
    await notify(tx, audience.map((userId) => ({ userId, title: ({ t }) => t("notices.comment.title", { number: request.number, name: actor.name }), body: input.body, link: requestPath(request.id) })), config().baseUrl);
    return { result: { id: event!.id }, audit: [{ action: "request.commented", entityType: "request", entityId: request.id, softwareId: request.softwareId }] };
  },
});

export const withdrawRequest = defineMutation({
  name: "withdrawRequest",
  action: "request.create",
  input: WithdrawInput,
  async run({ tx, actor, input, now }) {
    const { request } = await loadForChange(tx, input.requestId, actor);
    const check = checkWithdraw(request, actor);
    if (!check.allowed) {
      const reason = t(`requests.refusal.${check.reason}`, { status: statusWords(t, request.status) });
      throw request.requesterId === actor.id ? new Conflict(reason) : new Forbidden(reason);
    }
    await tx.update(requests).set({ status: "withdrawn", decidedAt: now, stepDueAt: null, updatedAt: now }).where(eq(requests.id, request.id));
    await tx.insert(requestEvents).values({ requestId: request.id, actorId: actor.id, kind: "withdrawn" });
    return {
      result: { id: request.id },
      audit: [{ action: "request.withdrawn", entityType: "request", entityId: request.id, softwareId: request.softwareId, before: { status: request.status }, after: { status: "withdrawn" } }],
    };
  },
});

const EVENT_OF: Record<RequestStatus, string> = {
  awaiting_manager: "submitted",
  awaiting_security: "manager_approved",
  awaiting_confirmation: "security_approved",
  approved: "approved",
  rejected: "rejected",
  withdrawn: "withdrawn",
};

/**
 * The decision on a request's current step, by its manager, a reviewer or a second reviewer.
 * The page names the step it showed: a decision on a step that has moved on (two approvers at
 * once, a stale page) is refused and says who decided.
 */
export const decideRequest = defineMutation({
  name: "decideRequest",
  action: "request.decide",
  input: DecideInput,
  async run({ tx, actor, input, now }) {
    const { request, supporterIds, requesterManagerId, requesterName } = await loadForChange(tx, input.requestId, actor);
    if (request.status !== input.expectedStatus) {
      const [last] = await tx
        .select({ name: users.name })
        .from(requestEvents)
        .innerJoin(users, eq(users.id, requestEvents.actorId))
        .where(eq(requestEvents.requestId, request.id))
        .orderBy(sql`${requestEvents.createdAt} desc`)
        .limit(1);
      const status = statusWords(t, request.status);
      throw new Conflict(last ? t("requests.errors.alreadyDecidedBy", { name: last.name, status }) : t("requests.errors.alreadyDecided", { status }));
    }
    const detail = request.softwareId ? await getSoftwareById(tx, request.softwareId) : undefined;
    const current = detail ? currentClassification(decisionsInEffect(detail.classifications), request.editionId, now) : null;
    const decided = await tx.select({ kind: requestEvents.kind, actorId: requestEvents.actorId }).from(requestEvents).where(and(eq(requestEvents.requestId, request.id), inArray(requestEvents.kind, [...DECISION_EVENT_KINDS])));
    const check = checkDecision(
      {
        status: request.status,
        kind: request.kind,
        requesterId: request.requesterId,
        requesterManagerId,
        softwareStatus: current?.status ?? null,
        securityDeciderId: request.securityDeciderId,
        supporterIds,
        deciderIds: earlierDeciderIds(decided),
      },
      actor,
      input.decision,
    );
    if (!check.allowed) throw new Forbidden(t(`requests.refusal.${check.reason}`, { status: statusWords(t, request.status) }));

    const settings = await getSettings(tx);
    const isSecurityApproval = input.decision === "approve" && request.status === "awaiting_security" && request.kind === "exception";
    let approvedEndsOn = request.approvedEndsOn ?? request.endsOn;
    let approvedConditions = request.approvedConditions;
    if (isSecurityApproval) {
      approvedEndsOn = input.endsOn ?? request.endsOn;
      if (approvedEndsOn && request.endsOn && approvedEndsOn > request.endsOn) {
        throw new ValidationFailed(t("requests.errors.shortenOnly"), { endsOn: [t("requests.errors.atMost", { date: formatter().dateTime(dayAsDate(request.endsOn), "day") })] });
      }
      const problem = approvedEndsOn ? checkEndDate(approvedEndsOn, isoDay(now), settings.requests.maxExceptionDays) : null;
      if (problem) {
        const message = endDateMessage(problem);
        throw new ValidationFailed(message, { endsOn: [message] });
      }
      approvedConditions = input.conditions;
    } else if (!(request.status === "awaiting_security" && request.kind === "exception") && (input.endsOn || input.conditions.length > 0)) {
      // Security's rejection may arrive with the approval's fields filled in (the form pre-fills
      // the end date): they are ignored. Anywhere else they mean a mistaken caller.
      throw new ValidationFailed(t("requests.errors.endDateOnlySecurity"), { endsOn: [t("requests.errors.onlySecurityApproval")] });
    }

    const next = check.next;
    const [updated] = await tx
      .update(requests)
      .set({
        status: next,
        stepEnteredAt: now,
        stepDueAt: stepDueAt(next, now, settings.requests),
        escalatedAt: null,
        securityDeciderId: request.status === "awaiting_security" && input.decision === "approve" ? actor.id : request.securityDeciderId,
        approvedEndsOn,
        approvedConditions,
        decidedAt: next === "approved" || next === "rejected" ? now : null,
        updatedAt: now,
      })
      .where(and(eq(requests.id, request.id), eq(requests.status, request.status)))
      .returning();
    await tx.insert(requestEvents).values({ requestId: request.id, actorId: actor.id, kind: input.decision === "reject" ? "rejected" : EVENT_OF[next], body: input.comment || null });

    const notices: Notice[] = [];
    const named = detail?.name ?? request.proposedName ?? null;
    const what = (say: NoticeWords["t"]) => named ?? say("notices.theTool");
    let grantId: string | null = null;
    if (next === "approved" && request.kind === "exception" && request.softwareId && request.dataClass && approvedEndsOn) {
      const [grant] = await tx
        .insert(grants)
        .values({
          requestId: request.id,
          userId: request.requesterId,
          softwareId: request.softwareId,
          editionId: request.editionId,
          dataClass: request.dataClass,
          conditions: approvedConditions,
          startsAt: now,
          endsOn: approvedEndsOn,
          endsAt: grantEndsAt(approvedEndsOn),
        })
        .returning({ id: grants.id });
      grantId = grant!.id;
      const dataClass = request.dataClass;
      const endsOn = approvedEndsOn;
      const conditions = (say: NoticeWords["t"]) => (approvedConditions.length ? `\n${say("notices.granted.conditions")}\n${approvedConditions.map((c) => `- ${c}`).join("\n")}` : "");
      notices.push({
        userId: request.requesterId,
        title: ({ t }) => t("notices.granted.title", { tool: what(t) }),
        body: ({ t, day }) => `${t("notices.granted.body", { tool: what(t), dataClass: dataClassWords(t, dataClass), endsOn: day(endsOn) })}${conditions(t)}`,
        link: requestPath(request.id),
      });
    } else if (next === "approved") {
      notices.push({
        userId: request.requesterId,
        title: ({ t }) => t("notices.accepted.title", { number: request.number, tool: what(t) }),
        body: ({ t }) => t("notices.accepted.body", { tool: what(t) }),
        link: requestPath(request.id),
      });
    } else if (next === "rejected") {
      notices.push({
        userId: request.requesterId,
        title: ({ t }) => t("notices.rejected.title", { number: request.number, tool: what(t) }),
        body: input.comment || (({ t }) => t("notices.rejected.body")),
        link: requestPath(request.id),
      });
    } else {
      notices.push({
        userId: request.requesterId,
        title: ({ t }) => t("notices.stepApproved.title", { number: request.number, status: statusWords(t, next) }),
        body: ({ t }) => `${t("notices.stepApproved.body", { name: actor.name })}${input.comment ? `\n${input.comment}` : ""}`,
        link: requestPath(request.id),
      });
      for (const userId of await holdersOf(tx, updated!)) {
        notices.push({
          userId,
          title: ({ t }) => t("notices.waitsForYou.title", { number: request.number, name: requesterName ?? t("notices.someone"), tool: what(t) }),
          body: ({ t }) => t("notices.waitsForYou.body", { status: statusWords(t, next) }),
          link: requestPath(request.id),
        });
      }
    }
    await notify(tx, notices, config().baseUrl);
    await emitRequestDecided(tx, {
      request,
      previousStatus: request.status,
      status: next,
      decision: input.decision === "approve" ? "approved" : "rejected",
      decidedBy: { id: actor.id, name: actor.name },
      endsOn: approvedEndsOn,
      grantId,
      at: now,
    });
    if (grantId) await emitGrantCreated(tx, grantId, now);
    return {
      result: { ...updated!, grantId },
      audit: [
        { action: `request.${input.decision === "approve" ? "approved" : "rejected"}`, entityType: "request", entityId: request.id, softwareId: request.softwareId, before: { status: request.status }, after: { status: next, endsOn: approvedEndsOn, conditions: approvedConditions }, reason: input.comment || null },
        ...(grantId ? [{ action: "grant.created", entityType: "grant", entityId: grantId, softwareId: request.softwareId, after: { userId: request.requesterId, dataClass: request.dataClass, endsOn: approvedEndsOn, conditions: approvedConditions } }] : []),
      ],
    };
  },
});

export const revokeGrant = defineMutation({
  name: "revokeGrant",
  action: "grant.revoke",
  input: RevokeGrantInput,
  async run({ tx, actor, input, now }) {
    const [grant] = await tx.select().from(grants).where(eq(grants.id, input.grantId)).for("update");
    if (!grant) throw new NotFound(t("requests.errors.grantMissing"));
    if (grant.revokedAt) throw new Conflict(t("requests.errors.grantRevoked"));
    if (grant.endsAt <= now) throw new Conflict(t("requests.errors.grantEnded"));
    await tx.update(grants).set({ revokedAt: now, revokedById: actor.id, revokeReason: input.reason }).where(and(eq(grants.id, grant.id), isNull(grants.revokedAt)));
    await tx.insert(requestEvents).values({ requestId: grant.requestId, actorId: actor.id, kind: "revoked", body: input.reason });
    const [tool] = await tx.select({ name: software.name }).from(software).where(eq(software.id, grant.softwareId));
    const toolName = (say: NoticeWords["t"]) => tool?.name ?? say("notices.aTool");
    await notify(
      tx,
      [{
        userId: grant.userId,
        title: ({ t }) => t("notices.revoked.title", { tool: toolName(t) }),
        body: ({ t }) => t("notices.revoked.body", { reason: input.reason }),
        link: requestPath(grant.requestId),
      }],
      config().baseUrl,
    );
    return {
      result: { id: grant.id },
      audit: [{ action: "grant.revoked", entityType: "grant", entityId: grant.id, softwareId: grant.softwareId, before: { revokedAt: null }, after: { revokedAt: now.toISOString() }, reason: input.reason }],
    };
  },
});
