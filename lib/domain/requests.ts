/**
 * Requests and grants: the state machine and who may move it. Pure: no database, no framework.
 *
 * A request goes to the requester's manager, then to security; an exception for a prohibited
 * tool also needs a second reviewer. Approval of an exception becomes a grant, which ends by
 * itself at the end of its last day.
 */
import type { Role, Status, Verdict } from "./vocabulary";

export const REQUEST_KINDS = ["exception", "new_software"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ["awaiting_manager", "awaiting_security", "awaiting_confirmation", "approved", "rejected", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** English status labels, for components not yet reading `vocabulary.requestStatus` (components/badges.tsx). */
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  awaiting_manager: "Waiting for the manager",
  awaiting_security: "Waiting for security",
  awaiting_confirmation: "Waiting for a second reviewer",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

/** A request's page, the link every notice about it carries. */
export function requestPath(id: string): string {
  return `/requests/${id}`;
}

export const OPEN_STATUSES: readonly RequestStatus[] = ["awaiting_manager", "awaiting_security", "awaiting_confirmation"];

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Who holds a request at each open step. */
export type Holder = "manager" | "security" | "second_reviewer";

export const HOLDER_OF: Record<RequestStatus, Holder | null> = {
  awaiting_manager: "manager",
  awaiting_security: "security",
  awaiting_confirmation: "second_reviewer",
  approved: null,
  rejected: null,
  withdrawn: null,
};

/** Days each step may take before it is overdue and escalated; admins change them in settings. */
export interface RequestSettings {
  managerSlaDays: number;
  securitySlaDays: number;
  maxExceptionDays: number;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = { managerSlaDays: 3, securitySlaDays: 5, maxExceptionDays: 90 };

/** The first step: the manager, or security straight away when the requester has no manager. */
export function firstStep(requester: { managerId: string | null }): { status: RequestStatus; skippedManager: boolean } {
  return requester.managerId ? { status: "awaiting_manager", skippedManager: false } : { status: "awaiting_security", skippedManager: true };
}

/** When a step entered at `from` is due. */
export function stepDueAt(status: RequestStatus, from: Date, settings: RequestSettings): Date | null {
  const days = status === "awaiting_manager" ? settings.managerSlaDays : status === "awaiting_security" || status === "awaiting_confirmation" ? settings.securitySlaDays : null;
  return days === null ? null : new Date(from.getTime() + days * 86_400_000);
}

export interface RequestFacts {
  status: RequestStatus;
  kind: RequestKind;
  requesterId: string;
  /** The requester's manager now. */
  requesterManagerId: string | null;
  /** The status of the tool's classification in force, for exceptions. */
  softwareStatus: Status | null;
  /** Who gave the security approval that waits for confirmation. */
  securityDeciderId: string | null;
  /** People who joined the request with their own justification. */
  supporterIds: string[];
  /** People who already decided an earlier step of this request (see `earlierDeciderIds`). */
  deciderIds: string[];
}

/** The request events that record a step's decision; their actors decided a step. */
export const DECISION_EVENT_KINDS: readonly string[] = ["manager_approved", "security_approved", "approved", "rejected"];

/** Who decided a step of a request so far, from its timeline. */
export function earlierDeciderIds(events: readonly { kind: string; actorId: string | null }[]): string[] {
  return [...new Set(events.filter((e) => e.actorId && DECISION_EVENT_KINDS.includes(e.kind)).map((e) => e.actorId!))];
}

export interface Actor {
  id: string;
  role: Role;
}

export type Decision = "approve" | "reject";

/**
 * Why a decision or a withdrawal is refused, as a word the caller turns into a sentence in the
 * reader's language (`requests.refusal.<reason>`; "alreadyClosed" names the request's status).
 */
export type RequestRefusal =
  | "ownRequest"
  | "joined"
  | "notTheManager"
  | "notAReviewer"
  | "notAReviewerToConfirm"
  | "secondReviewer"
  | "oneStepEach"
  | "alreadyClosed"
  | "notTheRequester";

export type DecisionCheck = { allowed: true; next: RequestStatus } | { allowed: false; reason: RequestRefusal };

/**
 * May this person decide this request's current step, and where does the decision lead?
 * Nobody decides a request they made or joined, nor more than one step of it (a reviewer who
 * is also the requester's manager decides one step, not both); managers decide for their
 * direct reports; reviewers give the security decision; an approved exception for a
 * prohibited tool waits for a second, different reviewer.
 */
export function checkDecision(request: RequestFacts, actor: Actor, decision: Decision): DecisionCheck {
  if (actor.id === request.requesterId) return { allowed: false, reason: "ownRequest" };
  if (request.supporterIds.includes(actor.id)) return { allowed: false, reason: "joined" };
  switch (request.status) {
    case "awaiting_manager":
      if (request.requesterManagerId !== actor.id) return { allowed: false, reason: "notTheManager" };
      return { allowed: true, next: decision === "approve" ? "awaiting_security" : "rejected" };
    case "awaiting_security":
      if (actor.role !== "reviewer") return { allowed: false, reason: "notAReviewer" };
      if (request.deciderIds.includes(actor.id)) return { allowed: false, reason: "oneStepEach" };
      if (decision === "reject") return { allowed: true, next: "rejected" };
      return { allowed: true, next: request.kind === "exception" && request.softwareStatus === "prohibited" ? "awaiting_confirmation" : "approved" };
    case "awaiting_confirmation":
      if (actor.role !== "reviewer") return { allowed: false, reason: "notAReviewerToConfirm" };
      if (actor.id === request.securityDeciderId) return { allowed: false, reason: "secondReviewer" };
      if (request.deciderIds.includes(actor.id)) return { allowed: false, reason: "oneStepEach" };
      return { allowed: true, next: decision === "approve" ? "approved" : "rejected" };
    default:
      return { allowed: false, reason: "alreadyClosed" };
  }
}

/**
 * Who may see a request. A review of a new tool is open to everyone, so that others can join
 * it instead of asking again; an exception is personal: those who asked, their manager, and
 * security (reviewers, admins).
 */
export function canViewRequest(request: { kind: RequestKind; requesterId: string; managerId: string | null; supporterIds: string[] }, actor: Actor): boolean {
  return (
    request.kind === "new_software" ||
    actor.id === request.requesterId ||
    actor.id === request.managerId ||
    request.supporterIds.includes(actor.id) ||
    actor.role === "reviewer" ||
    actor.role === "admin"
  );
}

/** Only the requester withdraws, and only before the final decision. */
export function checkWithdraw(request: { status: RequestStatus; requesterId: string }, actor: Actor): { allowed: true } | { allowed: false; reason: RequestRefusal } {
  if (actor.id !== request.requesterId) return { allowed: false, reason: "notTheRequester" };
  if (!isOpen(request.status)) return { allowed: false, reason: "alreadyClosed" };
  return { allowed: true };
}

/** An exception is for an answer that is not already "allowed": a restricted, prohibited or under-review tool, or a data class above the one allowed. */
export function exceptionApplies(verdict: Verdict): boolean {
  return verdict === "exception_required" || verdict === "prohibited" || verdict === "under_review";
}

// ---- Dates --------------------------------------------------------------------------------

const DAY = 86_400_000;

/** A grant is valid through its end date: it stops at the start of the next day (UTC). */
export function grantEndsAt(endsOn: string): Date {
  return new Date(Date.parse(`${endsOn}T00:00:00Z`) + DAY);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY));
}

/** What is wrong with an end date, for `requests.endDate.<problem>` (with the maximum and the latest day allowed). */
export type EndDateProblem = { problem: "past" } | { problem: "tooFar"; maxDays: number; latest: string };

/** An end date is at least today and at most the configured maximum ahead. */
export function checkEndDate(endsOn: string, today: string, maxDays: number): EndDateProblem | null {
  if (endsOn < today) return { problem: "past" };
  const latest = addDays(today, maxDays);
  if (endsOn > latest) return { problem: "tooFar", maxDays, latest };
  return null;
}

/** A calendar day (YYYY-MM-DD) as the moment it starts in UTC, for formatting it in a language. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Reminders before a grant ends, in days. */
export const REMINDER_DAYS = [7, 1] as const;

/**
 * The reminder due now for a grant, if any: the nearest threshold reached that is closer than
 * the last one sent. Sweeps that miss a threshold send one reminder, not a burst of them.
 */
export function dueReminder(endsAt: Date, now: Date, lastSentDays: number | null): (typeof REMINDER_DAYS)[number] | null {
  const left = endsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const reached = REMINDER_DAYS.filter((d) => left <= d * DAY && (lastSentDays === null || d < lastSentDays));
  return reached.length ? Math.min(...reached) as (typeof REMINDER_DAYS)[number] : null;
}
