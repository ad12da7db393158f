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
import { formDataToObject, parseInput } from "./validation";
import { now } from "../clock";

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
  run(ctx: { tx: Tx; actor: SessionUser; input: z.output<S>; now: Date }): Promise<{ result: R; audit: AuditEntry[] }>;
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
  const allowed = authorise(actor, mutation.action);
  const input = parseInput(mutation.input, rawInput);
  const database = db ?? (await getDb());
  try {
    let notified = false;
    const result = await database.transaction(async (tx) => {
      const { result, audit } = await mutation.run({ tx, actor: allowed, input, now: now() });
      if (audit.length === 0) throw new Error(`mutation ${mutation.name} reported no audit event`);
      await writeAudit(tx, allowed, audit);
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
      result = await runMutation(mutation, await getSessionUser(), formDataToObject(formData));
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
  handle: (ctx: ApiContext<z.output<Q>, z.output<P>>) => Promise<z.input<R>>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string> | undefined> }) => {
    try {
      const db = await getDb();
      const caller = await authoriseApi(request, db, endpoint.access);
      const params = parseInput(endpoint.params ?? emptyParams, (await context.params) ?? {}) as z.output<P>;
      const query = parseInput(endpoint.query, Object.fromEntries(request.nextUrl.searchParams));
      const body = await handle({ ...caller, query, params, db });
      return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const emptyParams = z.object({});

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { status: error.status, message: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) } },
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
