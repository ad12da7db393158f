/**
 * Outgoing webhooks: the events, their payloads, when a failed delivery is tried again, and which
 * URLs may receive them. Pure: no database, no framework, nothing Node-only (the forms use it
 * too); signing is in ./webhook-signature.ts.
 *
 * A delivery is a POST of `{ id, type, createdAt, data }` as JSON.
 */
import { ADDRESS_REFUSED_MESSAGE, hostRefusal, hostRefusalMessage, type AddressPolicy } from "./address-policy";
import type { Holder, RequestKind, RequestStatus } from "./requests";
import type { DataClass, Status } from "./vocabulary";

// ---- Events ---------------------------------------------------------------------------------

/** The events an endpoint may subscribe to. */
export const WEBHOOK_EVENTS = ["classification.changed", "request.decided", "grant.created", "grant.expired"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** `ping` is sent only by "Send test event", to one endpoint; nobody subscribes to it. */
export type WebhookEventType = WebhookEvent | "ping";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "classification.changed": "A classification in effect changes (a decision, or a second reviewer's confirmation)",
  "request.decided": "A manager or security decides a step of a request",
  "grant.created": "An exception is granted",
  "grant.expired": "A granted exception ends",
};

/** What every delivery's body is. `id` is the event's: the same for every endpoint and every retry. */
export interface WebhookEnvelope<D = unknown> {
  id: string;
  type: WebhookEventType;
  /** ISO 8601, UTC: when the change happened. */
  createdAt: string;
  data: D;
}

export function webhookEnvelope<D>(id: string, type: WebhookEventType, createdAt: Date, data: D): WebhookEnvelope<D> {
  return { id, type, createdAt: createdAt.toISOString(), data };
}

// ---- Payloads -------------------------------------------------------------------------------

export interface SoftwareRef {
  id: string;
  slug: string;
  name: string;
}
export interface EditionRef {
  id: string;
  slug: string;
  name: string;
}
export interface ClassificationState {
  status: Status;
  maxDataClass: DataClass | null;
  conditions: string[];
}

const softwarePayload = (s: SoftwareRef, baseUrl: string) => ({ id: s.id, slug: s.slug, name: s.name, url: `${baseUrl}/software/${s.slug}` });
const editionPayload = (e: EditionRef | null) => (e ? { id: e.id, slug: e.slug, name: e.name } : null);
const statePayload = (c: ClassificationState) => ({ status: c.status, maxDataClass: c.maxDataClass, conditions: [...c.conditions] });

/**
 * Does a new decision change the answer? Only status, highest data class and conditions count:
 * a re-review that keeps all three (a new review date, a new rationale) is not a change.
 */
export function classificationChanged(previous: ClassificationState | null, next: ClassificationState): boolean {
  if (!previous) return true;
  if (previous.status !== next.status || previous.maxDataClass !== next.maxDataClass) return true;
  const a = [...new Set(previous.conditions)].sort();
  const b = [...new Set(next.conditions)].sort();
  return a.length !== b.length || a.some((c, i) => c !== b[i]);
}

/** `classification.changed`: the decision now in effect for a software (one edition, or all: `edition` null). */
export function classificationChangedData(
  input: {
    software: SoftwareRef;
    edition: EditionRef | null;
    classificationId: string;
    previous: ClassificationState | null;
    current: ClassificationState;
    /** The software's headline status (see lib/domain/headline.ts), before and after. */
    softwareStatus: { previous: Status | null; current: Status | null };
    decidedAt: Date;
    /** When it took effect: the decision, or a second reviewer's confirmation. */
    effectiveAt: Date;
    reviewDueOn: string;
  },
  baseUrl: string,
) {
  return {
    software: softwarePayload(input.software, baseUrl),
    edition: editionPayload(input.edition),
    classificationId: input.classificationId,
    previous: input.previous ? statePayload(input.previous) : null,
    current: statePayload(input.current),
    softwareStatus: { previous: input.softwareStatus.previous, current: input.softwareStatus.current },
    decidedAt: input.decidedAt.toISOString(),
    effectiveAt: input.effectiveAt.toISOString(),
    reviewDueOn: input.reviewDueOn,
  };
}

/** `request.decided`: one step of a request decided. The requester is named by id only. */
export function requestDecidedData(
  input: {
    request: { id: string; number: number; kind: RequestKind; requesterId: string; dataClass: DataClass | null; proposedName: string | null };
    step: Holder;
    decision: "approved" | "rejected";
    previousStatus: RequestStatus;
    status: RequestStatus;
    decidedAt: Date;
    decidedBy: { id: string; name: string };
    software: SoftwareRef | null;
    edition: EditionRef | null;
    /** The last day approved so far (exceptions), possibly shortened by security. */
    endsOn: string | null;
    grantId: string | null;
  },
  requestUrl: string,
  baseUrl: string,
) {
  return {
    request: { id: input.request.id, number: input.request.number, kind: input.request.kind, url: requestUrl },
    step: input.step,
    decision: input.decision,
    previousStatus: input.previousStatus,
    status: input.status,
    decidedAt: input.decidedAt.toISOString(),
    decidedBy: { id: input.decidedBy.id, name: input.decidedBy.name },
    requester: { id: input.request.requesterId },
    software: input.software ? softwarePayload(input.software, baseUrl) : null,
    edition: editionPayload(input.edition),
    proposedName: input.request.proposedName,
    dataClass: input.request.dataClass,
    endsOn: input.endsOn,
    grantId: input.grantId,
  };
}

export interface GrantFacts {
  id: string;
  dataClass: DataClass;
  conditions: string[];
  startsAt: Date;
  endsOn: string;
  endsAt: Date;
  expiredAt?: Date | null;
}

/**
 * `grant.created` and `grant.expired`. The holder is named by id and work email — the one key an
 * enforcement tool (MDM, proxy, IdP group) can act on; nothing else about them (no name, purpose
 * or justification).
 */
export function grantData(
  input: { grant: GrantFacts; person: { id: string; email: string }; software: SoftwareRef; edition: EditionRef | null; request: { id: string; number: number } },
  requestUrl: string,
  baseUrl: string,
) {
  const g = input.grant;
  return {
    grant: {
      id: g.id,
      dataClass: g.dataClass,
      conditions: [...g.conditions],
      startsAt: g.startsAt.toISOString(),
      endsOn: g.endsOn,
      endsAt: g.endsAt.toISOString(),
      ...(g.expiredAt !== undefined ? { expiredAt: g.expiredAt ? g.expiredAt.toISOString() : null } : {}),
    },
    person: { id: input.person.id, email: input.person.email },
    software: softwarePayload(input.software, baseUrl),
    edition: editionPayload(input.edition),
    request: { id: input.request.id, number: input.request.number, url: requestUrl },
  };
}

/** `ping`: "Send test event". */
export function pingData(endpoint: { id: string; name: string }) {
  return { message: "A test event from Vetted: this endpoint is reachable and its signature can be verified.", endpoint: { id: endpoint.id, name: endpoint.name } };
}

// ---- Retries --------------------------------------------------------------------------------

/** Tries in all, the first included; then the delivery is marked failed (an admin may redeliver it). */
export const WEBHOOK_MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const BACKOFF_FACTOR = 4;
const LONGEST_RETRY_SECONDS = 12 * 3600;
/** ±20 %: receivers that failed together are not all retried at the same second. */
const JITTER = 0.2;

/**
 * The wait before the next try, after `attempts` tries have failed: 30 s, 2 min, 8 min, 32 min,
 * 2 h 8 min, 8 h 32 min, 12 h (each ±20 %) — the eighth try comes some 23 hours after the first.
 * `random` is in [0, 1).
 */
export function retryDelaySeconds(attempts: number, random: number): number {
  const base = Math.min(FIRST_RETRY_SECONDS * BACKOFF_FACTOR ** Math.max(0, attempts - 1), LONGEST_RETRY_SECONDS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/**
 * When to try again after a failed try, or null when `attempts` tries are all there are. A
 * receiver that asks for more time (`Retry-After`, e.g. with 429 or 503) gets it, up to the
 * longest wait.
 */
export function nextAttemptAt(attempts: number, now: Date, random: number, retryAfterSeconds: number | null = null): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const delay = Math.max(retryDelaySeconds(attempts, random), Math.min(retryAfterSeconds ?? 0, LONGEST_RETRY_SECONDS));
  return new Date(now.getTime() + delay * 1000);
}

/** A `Retry-After` header in seconds (delta or HTTP date), or null. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** Finished deliveries (delivered or failed) stay in the delivery log this long. */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** At most 200 printable characters of a receiver's answer, for the delivery log; never the whole body. */
export const RESPONSE_SNIPPET_CHARS = 200;

export function responseSnippet(text: string): string | null {
  const clean = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!clean) return null;
  return clean.length > RESPONSE_SNIPPET_CHARS ? `${clean.slice(0, RESPONSE_SNIPPET_CHARS - 1)}…` : clean;
}

/** Resolver codes: the name did not resolve (nothing was connected to). */
const NAME_NOT_FOUND = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_NODATA", "ENODATA", "EAI_FAIL"]);

/**
 * A failed try, for the delivery log. One message for every failure after the name resolved —
 * refused, reset, unreachable, not HTTP, a TLS failure, too slow — so the log cannot tell an
 * open port from a closed one (a port scanner by webhook); an address the policy refuses says
 * only that. Never a URL, an address, a header or the error's own text.
 */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "AddressRefused") return ADDRESS_REFUSED_MESSAGE;
  const code = error instanceof Error ? ((error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code) : undefined;
  if (typeof code === "string" && NAME_NOT_FOUND.has(code)) return "the host name could not be resolved";
  const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
  return `no HTTP answer within ${limit} (unreachable, refused, not HTTP, or a TLS failure)`;
}

// ---- Where deliveries may go ----------------------------------------------------------------

export const WEBHOOK_URL_MAX = 2000;

/**
 * Why a URL cannot receive webhooks, or null when it can: https (plain http only where the
 * installation allows it), no user name or password in it (use a secret path or the signature),
 * no fragment, and — given the installation's address policy — not a host the policy refuses
 * (checked again on every delivery, against the addresses the name resolves to).
 */
export function webhookUrlProblem(value: string, options: { allowHttp: boolean; addresses?: AddressPolicy }): string | null {
  if (value.length > WEBHOOK_URL_MAX) return `The URL must be at most ${WEBHOOK_URL_MAX} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, e.g. https://hooks.example.com/vetted";
  }
  if (url.protocol === "http:") {
    if (!options.allowHttp) return "The URL must start with https:// (plain http is turned off on this installation)";
  } else if (url.protocol !== "https:") {
    return "The URL must start with https://";
  }
  if (!url.hostname) return "The URL needs a host name";
  if (url.username || url.password) return "The URL must not contain a user name or password; receivers check the signature instead";
  if (url.hash || value.includes("#")) return "The URL must not contain a #fragment";
  const refusal = options.addresses ? hostRefusal(url.hostname, options.addresses) : null;
  return refusal ? hostRefusalMessage(refusal) : null;
}

/** The URL as the audit trail keeps it: scheme and host only, since a path or query may hold a receiver's token. */
export function describeWebhookUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(invalid URL)";
  }
}
