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
  grantEndsAt,
  isoDay,
  OPEN_STATUSES,
  REQUEST_STATUS_LABELS,
  stepDueAt,
  requestPath,
  type Actor,
  type RequestStatus,
} from "../domain/requests";
import { computeVerdict, currentClassification, decisionsInEffect } from "../domain/verdict";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../errors";
import { notify, type Notice } from "../notifications";
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
  if (existing) throw new Conflict(`This form was already sent: it is request ${existing.number}.`);
}

type RequestFields = Omit<typeof requests.$inferInsert, "status" | "requesterId" | "managerId" | "skippedManager" | "stepEnteredAt" | "stepDueAt">;

/**
 * Files a request at its first step (the manager, or security when there is none), records it on
 * the timeline and tells whoever holds it now.
 */
async function submitRequest(tx: Tx, actor: Actor & { name: string }, now: Date, fields: RequestFields, notice: (number: number) => { title: string; body: string }) {
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
  await tx.insert(requestEvents).values({ requestId: created!.id, actorId: actor.id, kind: "submitted", body: step.skippedManager ? "No manager on record: sent straight to security." : null });
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
    if (!detail) throw new NotFound("That software no longer exists.");
    if (input.editionId && !detail.editions.some((e) => e.id === input.editionId)) {
      throw new ValidationFailed("That edition is not one of this software's", { editionId: ["Choose one of this software's editions"] });
    }
    const settings = await getSettings(tx);
    const endProblem = checkEndDate(input.endsOn, isoDay(now), settings.requests.maxExceptionDays);
    if (endProblem) throw new ValidationFailed(endProblem, { endsOn: [endProblem] });

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
      const message = verdict.verdict === "allowed_by_exception"
        ? `You already hold an exception for ${detail.name} with ${settings.dataClassLabels[input.dataClass]} data.`
        : `${detail.name} is already allowed for ${settings.dataClassLabels[input.dataClass]} data: no exception is needed.`;
      throw new ValidationFailed(message, { dataClass: [message] });
    }
    const [open] = await tx
      .select({ number: requests.number })
      .from(requests)
      .where(and(eq(requests.requesterId, actor.id), eq(requests.softwareId, detail.id), eq(requests.kind, "exception"), inArray(requests.status, [...OPEN_STATUSES])));
    if (open) throw new Conflict(`You already have an open exception request for ${detail.name} (request ${open.number}).`);

    const created = await submitRequest(
      tx,
      actor,
      now,
      { kind: "exception", softwareId: detail.id, editionId: input.editionId ?? null, dataClass: input.dataClass, purpose: input.purpose, justification: input.justification, endsOn: input.endsOn, idempotencyKey: input.idempotencyKey },
      (number) => ({
        title: `Request ${number}: ${actor.name} asks to use ${detail.name}`,
        body: `${actor.name} asks for an exception to use ${detail.name} with ${settings.dataClassLabels[input.dataClass]} data until ${input.endsOn}.\nPurpose: ${input.purpose}`,
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
      const message = `${row?.name ?? input.proposedName} is already in the catalogue: open its page to see the answer, or ask for an exception there.`;
      throw new ValidationFailed(message, { proposedName: [message] });
    }
    const [duplicate] = await tx
      .select({ id: requests.id, number: requests.number })
      .from(requests)
      .where(and(eq(requests.kind, "new_software"), inArray(requests.status, [...OPEN_STATUSES]), sql`lower(${requests.proposedName}) = lower(${input.proposedName})`));
    if (duplicate) {
      throw new Conflict(`Someone already asked for ${input.proposedName} (request ${duplicate.number}): join that request instead.`, { proposedName: [`Already requested: join request ${duplicate.number}`] });
    }
    const created = await submitRequest(
      tx,
      actor,
      now,
      { kind: "new_software", proposedName: input.proposedName, proposedUrl: input.proposedUrl ?? null, purpose: input.purpose, justification: input.justification, idempotencyKey: input.idempotencyKey },
      (number) => ({ title: `Request ${number}: review ${input.proposedName}`, body: `${actor.name} asks security to review ${input.proposedName}.\nPurpose: ${input.purpose}` }),
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
  if (!row) throw new NotFound("That request does not exist.");
  const supporters = await tx.select({ userId: requestSupporters.userId }).from(requestSupporters).where(eq(requestSupporters.requestId, id));
  const [requester] = await tx.select({ name: users.name, managerId: users.managerId }).from(users).where(eq(users.id, row.requesterId));
  const supporterIds = supporters.map((s) => s.userId);
  const requesterManagerId = requester?.managerId ?? null;
  if (!canViewRequest({ kind: row.kind, requesterId: row.requesterId, managerId: requesterManagerId, supporterIds }, actor)) throw new NotFound("That request does not exist.");
  return { request: row, supporterIds, requesterManagerId, requesterName: requester?.name ?? "someone" };
}

export const joinRequest = defineMutation({
  name: "joinRequest",
  action: "request.create",
  input: JoinRequestInput,
  async run({ tx, actor, input }) {
    const { request, supporterIds } = await loadForChange(tx, input.requestId, actor);
    if (request.kind !== "new_software") throw new ValidationFailed("Only requests for new tools can be joined; ask for your own exception instead.");
    if (!OPEN_STATUSES.includes(request.status)) throw new Conflict(`Request ${request.number} is already ${REQUEST_STATUS_LABELS[request.status].toLowerCase()}.`);
    if (request.requesterId === actor.id) throw new Conflict("This is your own request.");
    if (supporterIds.includes(actor.id)) throw new Conflict("You already joined this request.");
    await tx.insert(requestSupporters).values({ requestId: request.id, userId: actor.id, justification: input.justification });
    await tx.insert(requestEvents).values({ requestId: request.id, actorId: actor.id, kind: "joined", body: input.justification });
    await notify(tx, [{ userId: request.requesterId, title: `Request ${request.number}: ${actor.name} asks for it too`, body: input.justification, link: requestPath(request.id) }], config().baseUrl);
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
    await notify(tx, audience.map((userId) => ({ userId, title: `Request ${request.number}: comment from ${actor.name}`, body: input.body, link: requestPath(request.id) })), config().baseUrl);
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
    if (!check.allowed) throw request.requesterId === actor.id ? new Conflict(check.reason) : new Forbidden(check.reason);
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
      throw new Conflict(`This step was already decided${last ? ` by ${last.name}` : ""}: the request is now "${REQUEST_STATUS_LABELS[request.status].toLowerCase()}".`);
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
    if (!check.allowed) throw new Forbidden(check.reason);

    const settings = await getSettings(tx);
    const isSecurityApproval = input.decision === "approve" && request.status === "awaiting_security" && request.kind === "exception";
    let approvedEndsOn = request.approvedEndsOn ?? request.endsOn;
    let approvedConditions = request.approvedConditions;
    if (isSecurityApproval) {
      approvedEndsOn = input.endsOn ?? request.endsOn;
      if (approvedEndsOn && request.endsOn && approvedEndsOn > request.endsOn) {
        throw new ValidationFailed("Security may shorten an exception, not lengthen it", { endsOn: [`At most ${request.endsOn}, the date asked for`] });
      }
      const problem = approvedEndsOn ? checkEndDate(approvedEndsOn, isoDay(now), settings.requests.maxExceptionDays) : null;
      if (problem) throw new ValidationFailed(problem, { endsOn: [problem] });
      approvedConditions = input.conditions;
    } else if (!(request.status === "awaiting_security" && request.kind === "exception") && (input.endsOn || input.conditions.length > 0)) {
      // Security's rejection may arrive with the approval's fields filled in (the form pre-fills
      // the end date): they are ignored. Anywhere else they mean a mistaken caller.
      throw new ValidationFailed("An end date and conditions are set by security when approving an exception", { endsOn: ["Only for the security approval of an exception"] });
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
    const what = detail?.name ?? request.proposedName ?? "the tool";
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
      const conditions = approvedConditions.length ? `\nConditions:\n${approvedConditions.map((c) => `- ${c}`).join("\n")}` : "";
      notices.push({ userId: request.requesterId, title: `Exception granted: ${what}`, body: `You may use ${what} with ${settings.dataClassLabels[request.dataClass]} data through ${approvedEndsOn}.${conditions}`, link: requestPath(request.id) });
    } else if (next === "approved") {
      notices.push({ userId: request.requesterId, title: `Request ${request.number} accepted: ${what}`, body: `Security accepted your request and will assess ${what}.`, link: requestPath(request.id) });
    } else if (next === "rejected") {
      notices.push({ userId: request.requesterId, title: `Request ${request.number} rejected: ${what}`, body: input.comment || "Your request was rejected.", link: requestPath(request.id) });
    } else {
      notices.push({ userId: request.requesterId, title: `Request ${request.number}: ${REQUEST_STATUS_LABELS[next].toLowerCase()}`, body: `${actor.name} approved this step.${input.comment ? `\n${input.comment}` : ""}`, link: requestPath(request.id) });
      for (const userId of await holdersOf(tx, updated!)) {
        notices.push({ userId, title: `Request ${request.number}: ${requesterName} asks to use ${what}`, body: `It waits for you: ${REQUEST_STATUS_LABELS[next].toLowerCase()}.`, link: requestPath(request.id) });
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
    if (!grant) throw new NotFound("That grant does not exist.");
    if (grant.revokedAt) throw new Conflict("This grant was already revoked.");
    if (grant.endsAt <= now) throw new Conflict("This grant has already ended.");
    await tx.update(grants).set({ revokedAt: now, revokedById: actor.id, revokeReason: input.reason }).where(and(eq(grants.id, grant.id), isNull(grants.revokedAt)));
    await tx.insert(requestEvents).values({ requestId: grant.requestId, actorId: actor.id, kind: "revoked", body: input.reason });
    const [tool] = await tx.select({ name: software.name }).from(software).where(eq(software.id, grant.softwareId));
    await notify(tx, [{ userId: grant.userId, title: `Exception revoked: ${tool?.name ?? "a tool"}`, body: `Your exception was revoked by security.\nReason: ${input.reason}`, link: requestPath(grant.requestId) }], config().baseUrl);
    return {
      result: { id: grant.id },
      audit: [{ action: "grant.revoked", entityType: "grant", entityId: grant.id, softwareId: grant.softwareId, before: { revokedAt: null }, after: { revokedAt: now.toISOString() }, reason: input.reason }],
    };
  },
});
