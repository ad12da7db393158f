import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { Access } from "../api/endpoints";
import { authenticateToken, consumeRateLimit, type TokenPrincipal } from "../auth/api-tokens";
import { getSessionUser, type SessionUser } from "../auth/session";
import { config } from "../config";
import { bearerToken } from "../domain/api-tokens";
import { writeAudit, type AuditEntry } from "../db/audit";
import { getDb, type Db, type Tx } from "../db/client";
import { can, type Action } from "../domain/policy";
import { AppError, Conflict, Forbidden, TooManyRequests, Unauthenticated } from "../errors";
import type { ActionState } from "../forms";
import { nudgeDelivery } from "../jobs/runner";
import { recordedNotices } from "../notifications";
import { recordedWebhookEvents } from "../webhooks/emit";
import { findUserById } from "../queries/users";
import { readBodyBytes } from "./body";
import { formDataToObject, parseInput } from "./validation";
import { now } from "../clock";

export interface MutationContext<S extends z.ZodType> {
  tx: Tx;
  /** The person acting: the signed-in user, or for an API token the admin who created it. */
  actor: SessionUser;
  /** The API token the call came with; null for a signed-in person. */
  token: TokenPrincipal | null;
  input: z.output<S>;
  now: Date;
}

/**
 * The one guarded door for every change: authenticate → authorise against the policy
 * table → validate with zod → run in a transaction → write the audit events in that same
 * transaction. A mutation must report at least one audit event or it is rolled back. After a
 * commit that recorded notices or webhook events, delivery is nudged.
 */
export interface Mutation<S extends z.ZodType, R> {
  name: string;
  action: Action;
  input: S;
  run(ctx: MutationContext<S>): Promise<{ result: R; audit: AuditEntry[] }>;
}

export function defineMutation<S extends z.ZodType, R>(mutation: Mutation<S, R>): Mutation<S, R> {
  return mutation;
}

export function authorise(actor: SessionUser | null, action: Action): SessionUser {
  if (!actor) throw new Unauthenticated();
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
 * Who made an API write: a signed-in person (authorised by role), or an API token (authorised
 * by scope) acting for the admin who created it.
 */
export type ApiCaller = { user: SessionUser; token: null } | { user: SessionUser; token: TokenPrincipal };

/**
 * A token is not a person, so its writes are audited under the admin who created it (the
 * accountable person, as actor id) with the token named beside them (as actor email):
 * `admin@example.com via API token "CI sync" (vt_AbC123…)`.
 */
export function auditActor(caller: ApiCaller): { id: string; email: string } {
  if (!caller.token) return caller.user;
  return { id: caller.user.id, email: `${caller.user.email} via API token "${caller.token.name}" (${caller.token.prefix}…)` };
}

/** Runs an already authorised mutation: validate → transaction → audit in that transaction. */
async function executeMutation<S extends z.ZodType, R>(mutation: Mutation<S, R>, caller: ApiCaller, rawInput: unknown, database: Db): Promise<R> {
  const input = parseInput(mutation.input, rawInput);
  try {
    let notified = false;
    const result = await database.transaction(async (tx) => {
      const { result, audit } = await mutation.run({ tx, actor: caller.user, token: caller.token, input, now: now() });
      if (audit.length === 0) throw new Error(`mutation ${mutation.name} reported no audit event`);
      await writeAudit(tx, auditActor(caller), audit);
      notified = recordedNotices(tx) || recordedWebhookEvents(tx);
      return result;
    });
    if (notified) nudgeDelivery();
    return result;
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** A unique-key race that slipped past the mutation's own checks becomes a 409, not a 500. */
function translateDatabaseError(error: unknown): unknown {
  const cause = (error as { cause?: { code?: string; constraint?: string } })?.cause ?? (error as { code?: string; constraint?: string });
  if (cause?.code === "23505") return new Conflict(`That already exists (${cause.constraint ?? "unique key"}).`);
  if (cause?.code === "23503") return new Conflict("It refers to something that no longer exists, or is still in use.");
  return error;
}

// ---- Server actions -------------------------------------------------------------------

/**
 * Turns a mutation into a server action for useActionState. Only the ActionState reaches the
 * browser; the mutation's result (a database row) stays on the server, for `after` to use
 * (revalidate, redirect).
 */
export function formAction<S extends z.ZodType, R>(
  mutation: Mutation<S, R>,
  successMessage: (result: R) => string,
  after?: (result: R) => void,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    let result: R;
    try {
      // Authorised before a single field is read: a role that may not call this never has its input parsed.
      const actor = authorise(await getSessionUser(), mutation.action);
      result = await runMutation(mutation, actor, formDataToObject(formData));
    } catch (error) {
      if (error instanceof AppError) {
        return { status: "error", message: error.message, fieldErrors: error.fieldErrors, at: Date.now() };
      }
      const requestId = logUnexpected(error);
      return { status: "error", message: `Something went wrong (reference ${requestId}).`, at: Date.now() };
    }
    after?.(result); // outside the try: redirect() works by throwing
    return { status: "ok", message: successMessage(result), at: Date.now() };
  };
}

// ---- API route handlers ---------------------------------------------------------------

interface ApiContext<Q, P> {
  /** The signed-in person, when the call came with a session; null for a token. */
  user: SessionUser | null;
  /** The API token, when the call came with one. */
  token: TokenPrincipal | null;
  query: Q;
  params: P;
  db: Db;
}

/**
 * Who is calling the JSON API: a bearer token (verified, in force, holding `scope`, within its
 * rate limit) or else a session whose role may `action`. Anything else is refused.
 */
export async function authoriseApi(request: NextRequest, db: Db, access: Access): Promise<{ user: SessionUser | null; token: TokenPrincipal | null }> {
  const bearer = bearerToken(request.headers.get("authorization"));
  if (bearer === "invalid") throw new Unauthenticated("The Authorization header must be \"Bearer vt_…\" with an API token.");
  if (!bearer) return { user: authorise(await getSessionUser(), access.action), token: null };
  const at = now();
  const token = await authenticateToken(db, bearer, at);
  if (!token.scopes.includes(access.scope)) throw new Forbidden(`This token lacks the "${access.scope}" scope.`);
  await consumeRateLimit(db, token.id, at, config().apiRateLimitPerMinute);
  return { user: null, token };
}

/**
 * A read endpoint (an entry of lib/api/endpoints.ts): session or token → policy or scope →
 * validated path and query → JSON in the documented shape. Errors become JSON 4xx.
 */
export function apiRead<Q extends z.ZodType, P extends z.ZodType = z.ZodObject, R extends z.ZodType = z.ZodUnknown>(
  endpoint: { access: Access; query: Q; params?: P; ok?: { schema: R } },
  handle: (ctx: ApiContext<z.output<Q>, z.output<P>>) => Promise<z.input<R> | Response>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string> | undefined> }) => {
    try {
      const db = await getDb();
      const caller = await authoriseApi(request, db, endpoint.access);
      const params = parseInput(endpoint.params ?? emptyParams, (await context.params) ?? {}) as z.output<P>;
      const query = parseInput(endpoint.query, Object.fromEntries(request.nextUrl.searchParams));
      const body = await handle({ ...caller, query, params, db });
      // A handler may answer with a response of its own (a file to download).
      if (body instanceof Response) return body;
      return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const emptyParams = z.object({});

// ---- API writes -----------------------------------------------------------------------

/**
 * A browser sends its cookies with a POST from any site; a server action is protected from
 * that by Next, a route handler is not. A session's write must come from a page of this
 * app: `Sec-Fetch-Site` (when the browser sends it) must be same-origin, and `Origin` (when
 * sent) must be VETTED_URL's. Callers that send neither (curl, scripts) are not browsers
 * carrying someone else's cookies. Token calls need no check: no browser adds a bearer token.
 */
export function assertSameOrigin(request: NextRequest): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") throw new Forbidden("Cross-site requests cannot change anything: use the app's own pages, or an API token.");
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(config().baseUrl).origin) {
    throw new Forbidden(`Requests from ${origin.slice(0, 100)} cannot change anything: use the app at ${config().baseUrl}, or an API token.`);
  }
}

/**
 * Who may write through the JSON API: a bearer token holding `scope` (within its rate limit,
 * created by an admin who is still active), or a signed-in person whose role may `action`,
 * calling from the app's own pages.
 */
export async function authoriseApiWrite(request: NextRequest, db: Db, access: Access): Promise<ApiCaller> {
  const bearer = bearerToken(request.headers.get("authorization"));
  if (!bearer) assertSameOrigin(request);
  const { user, token } = await authoriseApi(request, db, access);
  if (user) return { user, token: null };
  const creator = await findUserById(db, token!.createdById);
  if (!creator || !creator.active) throw new Forbidden("The admin who created this token is no longer active: ask an admin for a new token.");
  return {
    user: { id: creator.id, email: creator.email, name: creator.name, role: creator.role, managerId: creator.managerId },
    token: token!,
  };
}

/**
 * The guarded door for API writes: caller (session from this app, or token with the scope)
 * → query string → body, read only up to `maxBodyBytes` (413 past it, before anything is
 * parsed) → the mutation's input → the mutation in one transaction with its audit events.
 * With `dryRun`, a call the query marks as one runs `dryRun.run` in a READ ONLY transaction
 * instead: the same checks and answer, nothing written, nothing audited.
 */
export function apiMutation<Q extends z.ZodType, S extends z.ZodType, R, P = R>(
  endpoint: { access: Access; query: Q },
  options: {
    mutation: Mutation<S, R>;
    maxBodyBytes: number;
    input: (ctx: { query: z.output<Q>; body: Uint8Array; contentType: string }) => unknown;
    dryRun?: { when: (query: z.output<Q>) => boolean; run: (ctx: MutationContext<S>) => Promise<P> };
  },
) {
  // The endpoint table documents the policy action; it must be the one the mutation is authorised by.
  if (endpoint.access.action !== options.mutation.action) {
    throw new Error(`${options.mutation.name} is authorised by ${options.mutation.action}, but its endpoint documents ${endpoint.access.action}`);
  }
  return async (request: NextRequest) => {
    try {
      const db = await getDb();
      const caller = await authoriseApiWrite(request, db, endpoint.access);
      const query = parseInput(endpoint.query, Object.fromEntries(request.nextUrl.searchParams));
      const body = await readBodyBytes(request, options.maxBodyBytes);
      const raw = options.input({ query, body, contentType: request.headers.get("content-type") ?? "" });
      const dryRun = options.dryRun && options.dryRun.when(query) ? options.dryRun : null;
      const result = dryRun
        ? await previewMutation(options.mutation, dryRun.run, caller, raw, db)
        : await executeMutation(options.mutation, caller, raw, db);
      return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A signed-in person's dry run of a mutation (authorised as the mutation itself): `run` in a read-only transaction. */
export async function runDryRun<S extends z.ZodType, P>(
  mutation: Mutation<S, unknown>,
  run: (ctx: MutationContext<S>) => Promise<P>,
  actor: SessionUser | null,
  rawInput: unknown,
  db?: Db,
): Promise<P> {
  return previewMutation(mutation, run, { user: authorise(actor, mutation.action), token: null }, rawInput, db ?? (await getDb()));
}

/** A mutation's dry run: its input validated, `run` in a read-only transaction, no audit. */
async function previewMutation<S extends z.ZodType, P>(
  mutation: Mutation<S, unknown>,
  run: (ctx: MutationContext<S>) => Promise<P>,
  caller: ApiCaller,
  rawInput: unknown,
  db: Db,
): Promise<P> {
  const input = parseInput(mutation.input, rawInput);
  return db.transaction((tx) => run({ tx, actor: caller.user, token: caller.token, input, now: now() }), { accessMode: "read only" });
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      {
        error: {
          status: error.status,
          message: error.message,
          ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      },
      { status: error.status, headers: { "Cache-Control": "no-store", ...(error instanceof TooManyRequests ? { "Retry-After": String(error.retryAfterSeconds) } : {}) } },
    );
  }
  const requestId = logUnexpected(error);
  return NextResponse.json({ error: { status: 500, message: "Internal error", requestId } }, { status: 500 });
}

/**
 * Logs an unexpected failure under a reference the user can quote. Never the input: a failed
 * query's message carries its parameters (password hashes, emails) and PostgreSQL's own
 * message may quote a value, so for those only the SQLSTATE, the routine and the SQL text
 * (with placeholders, no values) are logged.
 */
export function logUnexpected(error: unknown): string {
  const requestId = randomUUID();
  console.error(`[error ${requestId}] ${describeForLog(error)}`);
  return requestId;
}

export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return "non-error thrown";
  if ("params" in error && "query" in error) {
    const cause = (error.cause ?? {}) as { code?: string; routine?: string };
    return `database query failed: SQLSTATE ${cause.code ?? "?"} in ${cause.routine ?? "?"}; query: ${String(error.query).slice(0, 500)}`;
  }
  return `${error.name}: ${error.message}\n${error.stack ?? ""}`;
}
