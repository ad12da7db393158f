import "server-only";
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { Access } from "../api/endpoints";
import { authenticateToken, consumeRateLimit, type TokenPrincipal } from "../auth/api-tokens";
import { requestLocale } from "../auth/locale";
import { getSessionUser, type SessionUser } from "../auth/session";
import { config } from "../config";
import { bearerToken, tokenPrefix, type TokenScope } from "../domain/api-tokens";
import { transactionHasWritten, writeAudit, type AuditEntry } from "../db/audit";
import { getDb, type Db, type Tx } from "../db/client";
import { claimIdempotencyKey, IdempotentReplay, keepIdempotentAnswer, type StoredAnswer } from "../db/idempotency";
import { afterCommit, transactionWithHooks } from "../db/transaction";
import { asServiceUnavailable } from "../db/unavailable";
import { can, scopesAllow, SYSTEM_ACTIONS, type Action } from "../domain/policy";
import { AppError, Conflict, Forbidden, ServiceUnavailable, TooManyRequests, Unauthenticated } from "../errors";
import { FLASH_COOKIE, FLASH_SECONDS, writeFlash, type ActionState } from "../forms";
import { currentRequestId, describeError, logger, logSecurityEvent, setLogActor, withRequestContext } from "../log";
import { readBodyBytes, readBodyText } from "./body";
import { isVettedOrigin, wrongAddressMessage } from "./client-address";
import { idempotencyScope, readIdempotencyKey } from "./idempotency";
import { formDataToObject, parseInput } from "./validation";
import { now } from "../clock";
import { DEFAULT_LOCALE, negotiateLocale } from "../domain/locale";
import { runInLocale, t } from "../i18n/translate";

export interface MutationContext<S extends z.ZodType> {
  tx: Tx;
  /** The person acting: the signed-in user, or for an API token the admin who created it. */
  actor: SessionUser;
  /** The API token the call came with; null for a signed-in person. */
  token: TokenPrincipal | null;
  input: z.output<S>;
  now: Date;
  /**
   * Another mutation, as a step of this one: authorised for the same caller (the same role, or
   * the same token's scopes), its input validated, run in this transaction; its audit events are
   * written with this one's. A refusal rolls the whole transaction back.
   */
  run<S2 extends z.ZodType, R2>(mutation: Mutation<S2, R2>, input: unknown): Promise<R2>;
  /** `fn` runs once this transaction has committed, never when it rolls back. */
  afterCommit(fn: () => void): void;
}

/** What a mutation's author writes: its name, the policy action it needs, its input, and its body. */
export interface MutationDefinition<S extends z.ZodType, R> {
  name: string;
  action: Action;
  input: S;
  run(ctx: MutationContext<S>): Promise<{ result: R; audit: AuditEntry[] }>;
}

declare const resultOf: unique symbol;

/**
 * The one guarded door for every change: authenticate → authorise against the policy
 * table → validate with zod → run in a transaction → write the audit events in that same
 * transaction. A mutation that wrote must report at least one audit event or it is rolled back;
 * one that changed nothing reports none and commits no event.
 *
 * What defineMutation hands out has a name, an action and an input schema, and no way to run
 * it: the body is kept in this module (`bodies`), so the only way to run a mutation is through
 * the door below (runMutation, formAction, apiMutation, runAsSystem, or ctx.run inside one).
 */
export interface Mutation<S extends z.ZodType, R> {
  readonly name: string;
  readonly action: Action;
  readonly input: S;
  /** Type only (never set): the mutation's result. */
  readonly [resultOf]?: R;
}

type AnyMutation = Mutation<z.ZodType, unknown>;
type Body = (ctx: MutationContext<z.ZodType>) => Promise<{ result: unknown; audit: AuditEntry[] }>;

const bodies = new WeakMap<AnyMutation, Body>();

export function defineMutation<S extends z.ZodType, R>(definition: MutationDefinition<S, R>): Mutation<S, R> {
  const mutation: Mutation<S, R> = Object.freeze({ name: definition.name, action: definition.action, input: definition.input });
  bodies.set(mutation, definition.run as unknown as Body);
  return mutation;
}

export function authorise(actor: SessionUser | null, action: Action): SessionUser {
  if (!actor) throw new Unauthenticated();
  setLogActor({ kind: "user", id: actor.id, role: actor.role });
  if (!can(actor.role, action)) throw new Forbidden();
  return actor;
}

export async function runMutation<S extends z.ZodType, R>(
  mutation: Mutation<S, R>,
  actor: SessionUser | null,
  rawInput: unknown,
  db?: Db,
): Promise<R> {
  return executeMutation(mutation, { user: authorise(actor, mutation.action), token: null }, rawInput, db ?? (await getDb()));
}

/**
 * The system actor: the app itself, for work nobody signed in asks for (the user behind a
 * single sign-on is recorded before any session exists). It may do the SYSTEM_ACTIONS only, and
 * its audit events name no person (actor "system").
 */
export const SYSTEM_ACTOR: SessionUser = Object.freeze({ id: "00000000-0000-0000-0000-000000000000", email: "system", name: "Vetted", role: "employee", managerId: null });

/** Runs one of the SYSTEM_ACTIONS' mutations under the system actor, through the whole door. */
export async function runAsSystem<S extends z.ZodType, R>(mutation: Mutation<S, R>, rawInput: unknown, db?: Db): Promise<R> {
  const caller: Caller = { user: SYSTEM_ACTOR, token: null, system: true };
  if (!mayAct(caller, mutation.action)) throw new Forbidden(t("api.systemCannot", { action: mutation.action }));
  return executeMutation(mutation, caller, rawInput, db ?? (await getDb()));
}

/**
 * Who made an API write: a signed-in person (authorised by role), or an API token (authorised
 * by scope) acting for the admin who created it.
 */
export type ApiCaller = { user: SessionUser; token: null } | { user: SessionUser; token: TokenPrincipal };

/**
 * Runs a mutation for an API caller authenticated by a door of its own (SCIM's, lib/scim/http.ts,
 * which answers in SCIM's error shape): authorised as every API call is (a token's scopes and its
 * creator's current role, a person's role), then validated, run and audited by the door.
 */
export async function runForApiCaller<S extends z.ZodType, R>(mutation: Mutation<S, R>, caller: ApiCaller, rawInput: unknown, db?: Db): Promise<R> {
  if (!mayAct(caller, mutation.action)) throw new Forbidden(caller.token ? `This token's scopes do not allow ${mutation.action}.` : undefined);
  return executeMutation(mutation, caller, rawInput, db ?? (await getDb()));
}

/** Whoever a mutation runs for: an API caller, or the system actor. */
type Caller = (ApiCaller & { system?: undefined }) | { user: SessionUser; token: null; system: true };

/** May this caller do `action`: the system its own actions, a token what its scopes stand for, a person what their role may. */
function mayAct(caller: Caller, action: Action): boolean {
  if (caller.system) return SYSTEM_ACTIONS.includes(action);
  // A token does what its scopes stand for, and never more than its creator's current role allows.
  if (caller.token) return scopesAllow(caller.token.scopes, action) && can(caller.user.role, action);
  return can(caller.user.role, action);
}

/**
 * A token is not a person, so its writes are audited under the admin who created it (the
 * accountable person, as actor id) with the token named beside them (as actor email):
 * `admin@example.com via API token "CI sync" (vt_AbC123…)`.
 */
export function auditActor(caller: ApiCaller | Caller): { id: string | null; email: string } {
  if ("system" in caller && caller.system) return { id: null, email: "system" };
  if (!caller.token) return caller.user;
  return { id: caller.user.id, email: `${caller.user.email} via API token "${caller.token.name}" (${caller.token.prefix}…)` };
}

/** One transaction of the door: what every mutation run in it shares. */
interface Run {
  tx: Tx;
  now: Date;
  caller: Caller;
  audit: AuditEntry[];
}

/** The only caller of a mutation's body: with a context whose `run` authorises nested mutations for the same caller. */
async function runBody<S extends z.ZodType, R>(mutation: Mutation<S, R>, input: z.output<S>, run: Run): Promise<R> {
  const body = bodies.get(mutation);
  if (!body) throw new Error(`${mutation.name} was not made by defineMutation`);
  const ctx: MutationContext<z.ZodType> = {
    tx: run.tx,
    actor: run.caller.user,
    token: run.caller.token,
    input,
    now: run.now,
    run: async (inner, raw) => {
      if (!mayAct(run.caller, inner.action)) {
        throw new Forbidden(run.caller.token ? t("api.tokenStepScope", { action: inner.action, mutation: mutation.name }) : undefined);
      }
      return runBody(inner, parseInput(inner.input, raw), run);
    },
    afterCommit: (fn) => afterCommit(run.tx, fn),
  };
  const { result, audit } = await body(ctx);
  run.audit.push(...audit);
  return result as R;
}

/** Work of the door's own in the mutation's transaction: before it runs, and after its audit events. */
interface TransactionHooks<R> {
  before(tx: Tx, at: Date): Promise<void>;
  after(tx: Tx, result: R, at: Date): Promise<void>;
}

/** Runs an already authorised mutation: validate → transaction → audit in that transaction. */
async function executeMutation<S extends z.ZodType, R>(mutation: Mutation<S, R>, caller: Caller, rawInput: unknown, database: Db, hooks?: TransactionHooks<R>): Promise<R> {
  const input = parseInput(mutation.input, rawInput);
  try {
    return await transactionWithHooks(database, async (tx) => {
      const run: Run = { tx, now: now(), caller, audit: [] };
      await hooks?.before(tx, run.now);
      const result = await runBody(mutation, input, run);
      const audit = run.audit;
      // No event is fine only for a true no-op (nothing written); a write without one is a bug.
      if (audit.length === 0 && (await transactionHasWritten(tx))) throw new Error(`mutation ${mutation.name} wrote without reporting an audit event`);
      if (audit.length > 0) await writeAudit(tx, auditActor(caller), audit);
      await hooks?.after(tx, result, run.now);
      return result;
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** A unique-key race that slipped past the mutation's own checks becomes a 409, not a 500. */
function translateDatabaseError(error: unknown): unknown {
  const cause = (error as { cause?: { code?: string; constraint?: string } })?.cause ?? (error as { code?: string; constraint?: string });
  if (cause?.code === "23505") return new Conflict(t("errors.alreadyExists", { constraint: cause.constraint ?? "unique key" }));
  if (cause?.code === "23503") return new Conflict(t("errors.stillReferenced"));
  return error;
}

// ---- Server actions -------------------------------------------------------------------

/**
 * A one-shot confirmation carried to the next page the browser shows, be it the same page
 * re-rendered or the one a redirect opens: a short-lived cookie the page's status region reads
 * once and clears (components/flash.tsx). Never a secret: the page can read the cookie.
 */
async function setFlash(message: string, at: number): Promise<void> {
  // Setting a cookie in a server action makes Next re-render the page and its layouts, which hand it to the region.
  (await cookies()).set(FLASH_COOKIE, writeFlash(message, at), { path: "/", maxAge: FLASH_SECONDS, sameSite: "lax", httpOnly: false });
}

/**
 * Turns a mutation into a server action for useActionState. Only the ActionState reaches the
 * browser; the mutation's result (a database row) stays on the server, for `after` to use
 * (revalidate, redirect).
 */
export function formAction<S extends z.ZodType, R>(
  mutation: Mutation<S, R>,
  successMessage: (result: R) => string,
  after?: (result: R) => void,
  options: { flash?: boolean; reveal?: (result: R) => string } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    // Every message the action makes (refusals, field errors, the confirmation) is in the reader's language.
    const { locale, overrides } = await requestLocale();
    return runInLocale(locale, () => withRequestContext(async (): Promise<ActionState> => {
      let result: R;
      try {
        // Authorised before a single field is read: a role that may not call this never has its input parsed.
        const actor = authorise(await getSessionUser(), mutation.action);
        assertSameOrigin(await headers());
        result = await runMutation(mutation, actor, formDataToObject(formData));
      } catch (thrown) {
        const error = asServiceUnavailable(thrown);
        if (error instanceof AppError) {
          noteRefusal(error, mutation.action);
          return { status: "error", message: error.message, fieldErrors: error.fieldErrors, at: Date.now() };
        }
        const requestId = logUnexpected(error);
        return { status: "error", message: t("errors.somethingWentWrong", { reference: requestId }), at: Date.now() };
      }
      const message = successMessage(result);
      const at = Date.now();
      // A decision's confirmation outlives the form that asked for it: the page shows it after the re-render or redirect.
      if (options.flash) await setFlash(message, at);
      after?.(result); // outside the try: redirect() works by throwing
      return { status: "ok", message, at, ...(options.flash ? { flashed: true } : {}), ...(options.reveal ? { revealed: options.reveal(result) } : {}) };
    }), overrides);
  };
}

// ---- API route handlers ---------------------------------------------------------------

/**
 * Every /api route handler is made by one of these wrappers: apiRead, apiMutation, or apiRoute
 * itself for a public one (health, the OpenAPI document, sign-in). It gives the request an id,
 * on every log line and answered as X-Request-Id, and maps any error to the app's JSON error
 * with its headers. No route handler catches errors itself.
 */
export function apiRoute<C>(handle: (request: NextRequest, context: C) => Response | Promise<Response>) {
  // API messages follow Accept-Language (English when it names nothing we have); codes and field names never change.
  return (request: NextRequest, context: C): Promise<Response> =>
    runInLocale(negotiateLocale(request.headers.get("accept-language")) ?? DEFAULT_LOCALE, () => withRequestContext(async () => {
      let response: Response;
      try {
        response = await handle(request, context);
      } catch (error) {
        response = errorResponse(error);
      }
      try {
        response.headers.set("X-Request-Id", currentRequestId()!);
      } catch {
        // A response with immutable headers (a redirect made by a library) keeps them as they are.
      }
      return response;
    }));
}

interface ApiContext<Q, P> {
  /** The signed-in person, when the call came with a session; null for a token. */
  user: SessionUser | null;
  /** The API token, when the call came with one. */
  token: TokenPrincipal | null;
  query: Q;
  params: P;
  db: Db;
  /** The body as text: at most the endpoint's maxBodyBytes (413 past it), strictly UTF-8 (400 naming the line otherwise). */
  bodyText(): Promise<string>;
  /** The request's Content-Type, "" when none. */
  contentType: string;
}

/** Who may call an endpoint: a session whose role may `action`, or, when `scope` is named, a token holding it. */
type EndpointAccess = { action: Action; scope?: TokenScope };

/**
 * Who is calling the JSON API: a bearer token (verified, in force, holding `scope`, within its
 * rate limit) or else a session whose role may `action`. Anything else is refused.
 */
export async function authoriseApi(request: NextRequest, db: Db, access: EndpointAccess): Promise<{ user: SessionUser | null; token: TokenPrincipal | null }> {
  const bearer = bearerToken(request.headers.get("authorization"));
  if (bearer === "invalid") {
    logSecurityEvent("token.invalid", { reason: "malformed Authorization header" });
    throw new Unauthenticated(t("api.bearerHeader"));
  }
  if (!bearer) return { user: authorise(await getSessionUser(), access.action), token: null };
  const at = now();
  const token = await authenticateToken(db, bearer, at).catch((error: unknown) => {
    if (error instanceof Unauthenticated) logSecurityEvent("token.invalid", { reason: "unknown, expired or revoked", prefix: tokenPrefix(bearer) });
    throw error;
  });
  setLogActor({ kind: "token", tokenId: token.id, prefix: token.prefix, createdById: token.creator.id });
  if (!access.scope) {
    logSecurityEvent("token.scope_refused", { tokenId: token.id, action: access.action, reason: "endpoint takes no API token" });
    throw new Forbidden(t("api.sessionOnly"));
  }
  if (!token.scopes.includes(access.scope)) {
    logSecurityEvent("token.scope_refused", { tokenId: token.id, scope: access.scope });
    throw new Forbidden(t("api.tokenLacksScope", { scope: access.scope }));
  }
  await consumeRateLimit(db, token.id, at, config().apiRateLimitPerMinute);
  return { user: null, token };
}

/**
 * A read endpoint (an entry of lib/api/endpoints.ts, or a session-only one without `scope`):
 * session or token → policy or scope → validated path and query → JSON in the documented
 * shape, or a response of the handler's own (a file, plain text). A read that takes a body (the
 * bulk check) reads it with `bodyText`, after all of this. Errors become JSON 4xx.
 */
export function apiRead<Q extends z.ZodType, P extends z.ZodType = z.ZodObject, R extends z.ZodType = z.ZodUnknown>(
  endpoint: { access: EndpointAccess; query: Q; params?: P; ok?: { schema: R }; maxBodyBytes?: number },
  handle: (ctx: ApiContext<z.output<Q>, z.output<P>>) => Promise<z.input<R> | Response>,
) {
  return apiRoute(async (request: NextRequest, context: { params: Promise<Record<string, string> | undefined> }) => {
    const db = await getDb();
    const caller = await authoriseApi(request, db, endpoint.access);
    const params = parseInput(endpoint.params ?? emptyParams, (await context.params) ?? {}) as z.output<P>;
    const query = parseInput(endpoint.query, Object.fromEntries(request.nextUrl.searchParams));
    const bodyText = () => readBodyText(request, endpoint.maxBodyBytes ?? 0);
    const body = await handle({ ...caller, query, params, db, bodyText, contentType: request.headers.get("content-type") ?? "" });
    if (body instanceof Response) return body;
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  });
}

const emptyParams = z.object({});

// ---- API writes -----------------------------------------------------------------------

/**
 * A browser sends its cookies with a POST from any site. A session's write (a server action
 * or an API write) must come from a page of this app: `Sec-Fetch-Site` (when the browser
 * sends it) must be same-origin, and `Origin` (when sent) must be VETTED_URL's. The proxy
 * refuses such posts first; the door checks again, so no entry point depends on the proxy's
 * matcher. Callers that send neither (curl, scripts) are not browsers carrying someone else's
 * cookies. Token calls need no check: no browser adds a bearer token.
 */
export function assertSameOrigin(requestHeaders: Pick<Headers, "get">): void {
  const site = requestHeaders.get("sec-fetch-site");
  if (site && site !== "same-origin") throw new Forbidden(t("api.crossSite"));
  const origin = requestHeaders.get("origin");
  // Scheme, host and port of VETTED_URL exactly; Host and X-Forwarded-Host do not count.
  if (origin && !isVettedOrigin(origin)) {
    throw new Forbidden(t("api.foreignOrigin", { origin: origin.slice(0, 100), openAt: wrongAddressMessage() }));
  }
}

/**
 * Who may write through the JSON API: a bearer token holding `scope` (within its rate limit,
 * created by a person who is still active and whose role still holds its scopes), or a signed-in person whose role may `action`,
 * calling from the app's own pages.
 */
export async function authoriseApiWrite(request: NextRequest, db: Db, access: Access): Promise<ApiCaller> {
  const bearer = bearerToken(request.headers.get("authorization"));
  if (!bearer) assertSameOrigin(request.headers);
  const { user, token } = await authoriseApi(request, db, access);
  if (user) return { user, token: null };
  // authenticateToken checked that the creator is active and their role still holds the token's scopes.
  return { user: token!.creator, token: token! };
}

/**
 * The guarded door for API writes: caller (session from this app, or token with the scope)
 * → query string → body, read only up to `maxBodyBytes` (413 past it, before anything is
 * parsed) → the mutation's input → the mutation in one transaction with its audit events.
 * With `dryRun`, a call the query marks as one runs `dryRun.run` in a READ ONLY transaction
 * instead: the same checks and answer, nothing written, nothing audited.
 */
export function apiMutation<Q extends z.ZodType, S extends z.ZodType, R, P = R>(
  endpoint: { access: Access; query: Q; write?: boolean },
  options: {
    mutation: Mutation<S, R>;
    maxBodyBytes: number;
    input: (ctx: { query: z.output<Q>; body: Uint8Array; contentType: string }) => unknown;
    dryRun?: { when: (query: z.output<Q>) => boolean; run: (ctx: DryRunContext<S>) => Promise<P> };
  },
) {
  // The endpoint table documents the policy action; it must be the one the mutation is authorised by.
  if (endpoint.access.action !== options.mutation.action) {
    throw new Error(`${options.mutation.name} is authorised by ${options.mutation.action}, but its endpoint documents ${endpoint.access.action}`);
  }
  // …and its scope must stand for that action, as it does for the mutation's own steps (ctx.run).
  if (!scopesAllow([endpoint.access.scope], endpoint.access.action)) {
    throw new Error(`The scope ${endpoint.access.scope} does not stand for ${endpoint.access.action} (SCOPE_ACTIONS, lib/domain/policy.ts)`);
  }
  // So that the reference documents its Idempotency-Key header.
  if (!endpoint.write) throw new Error(`${options.mutation.name} is a write: mark its endpoint \`write: true\``);
  return apiRoute(async (request: NextRequest) => {
    try {
      const db = await getDb();
      const caller = await authoriseApiWrite(request, db, endpoint.access);
      const query = parseInput(endpoint.query, Object.fromEntries(request.nextUrl.searchParams));
      const key = readIdempotencyKey(request.headers);
      const body = await readBodyBytes(request, options.maxBodyBytes);
      const contentType = request.headers.get("content-type") ?? "";
      const raw = options.input({ query, body, contentType });
      const dryRun = options.dryRun && options.dryRun.when(query) ? options.dryRun : null;
      if (dryRun) return NextResponse.json(await previewMutation(options.mutation, dryRun.run, caller, raw, db), { headers: { "Cache-Control": "private, no-store" } });
      if (!key) return NextResponse.json(await executeMutation(options.mutation, caller, raw, db), { headers: { "Cache-Control": "private, no-store" } });
      // The answer is kept in the write's transaction: applied and remembered together, or neither.
      const scope = idempotencyScope(key, { userId: caller.user.id, tokenId: caller.token?.id ?? null }, { method: request.method, url: request.nextUrl, contentType, body });
      let answer: StoredAnswer | null = null;
      await executeMutation(options.mutation, caller, raw, db, {
        before: (tx, at) => claimIdempotencyKey(tx, scope, at),
        after: async (tx, result, at) => {
          answer = { status: 200, body: JSON.stringify(result) };
          await keepIdempotentAnswer(tx, scope, answer, at);
        },
      });
      return idempotentResponse(answer!, false);
    } catch (error) {
      if (error instanceof IdempotentReplay) return idempotentResponse(error.answer, true);
      return errorResponse(error);
    }
  });
}

/** What a dry run sees: a mutation's context without the means to write (no nested mutations, nothing after commit). */
export type DryRunContext<S extends z.ZodType> = Pick<MutationContext<S>, "tx" | "actor" | "token" | "input" | "now">;

/** The kept answer, byte for byte; `Idempotent-Replayed: true` when it is the answer to an earlier request. */
function idempotentResponse(answer: StoredAnswer, replayed: boolean): NextResponse {
  return new NextResponse(answer.body, {
    status: answer.status,
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store", ...(replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
}

/** A signed-in person's dry run of a mutation (authorised as the mutation itself): `run` in a read-only transaction. */
export async function runDryRun<S extends z.ZodType, P>(
  mutation: Mutation<S, unknown>,
  run: (ctx: DryRunContext<S>) => Promise<P>,
  actor: SessionUser | null,
  rawInput: unknown,
  db?: Db,
): Promise<P> {
  return previewMutation(mutation, run, { user: authorise(actor, mutation.action), token: null }, rawInput, db ?? (await getDb()));
}

/** A mutation's dry run: its input validated, `run` in a read-only transaction, no audit. */
async function previewMutation<S extends z.ZodType, P>(
  mutation: Mutation<S, unknown>,
  run: (ctx: DryRunContext<S>) => Promise<P>,
  caller: ApiCaller,
  rawInput: unknown,
  db: Db,
): Promise<P> {
  const input = parseInput(mutation.input, rawInput);
  return db.transaction((tx) => run({ tx, actor: caller.user, token: caller.token, input, now: now() }), { accessMode: "read only" });
}

export function errorResponse(thrown: unknown): NextResponse {
  const error = asServiceUnavailable(thrown);
  if (error instanceof AppError) {
    noteRefusal(error);
    const retryAfter: Record<string, string> = error instanceof TooManyRequests || error instanceof ServiceUnavailable ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return NextResponse.json(
      {
        error: {
          status: error.status,
          message: error.message,
          ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      },
      { status: error.status, headers: { "Cache-Control": "no-store", ...retryAfter } },
    );
  }
  const requestId = logUnexpected(error);
  return NextResponse.json({ error: { status: 500, message: t("errors.internal"), requestId } }, { status: 500 });
}

/** A 401 or 403 from the door is a security event (someone tried what they may not); other 4xx are ordinary mistakes. */
function noteRefusal(error: AppError, action?: Action): void {
  if (error.status !== 401 && error.status !== 403) return;
  logSecurityEvent("access.refused", { status: error.status, reason: error.message.slice(0, 200), ...(action ? { action } : {}) });
}

/** Logs an unexpected failure under a reference the user can quote: the request's id. Never the input (see describeError). */
export function logUnexpected(error: unknown): string {
  const requestId = currentRequestId() ?? randomUUID();
  logger().error({ error: describeForLog(error), ...(currentRequestId() ? {} : { requestId }) }, "unexpected error");
  return requestId;
}

/** The log's description of an error, with its redaction rule (lib/log.ts, describeError). */
export const describeForLog = describeError;
