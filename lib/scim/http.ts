import "server-only";
import type { NextRequest } from "next/server";
import { config } from "../config";
import { getDb, type Db } from "../db/client";
import { asServiceUnavailable } from "../db/unavailable";
import { bearerToken } from "../domain/api-tokens";
import { SCIM_MAX_BODY_BYTES } from "../domain/scim-discovery";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import { isPrototypeFieldName } from "../domain/prototype-keys";
import { AppError, PayloadTooLarge, ServiceUnavailable, TooManyRequests, ValidationFailed } from "../errors";
import { currentRequestId, logSecurityEvent, withRequestContext } from "../log";
import { readBodyText } from "../server/body";
import { authoriseApi, logUnexpected, type ApiCaller } from "../server/guard";

export const SCIM_CONTENT_TYPE = "application/scim+json";

/** What a SCIM handler is given: the caller (the token, acting for the admin who created it), the database, the path's parameters. */
export interface ScimContext {
  request: NextRequest;
  db: Db;
  caller: ApiCaller;
  params: Record<string, string>;
  /** Where the resources live, e.g. https://vetted.example.com/scim/v2. */
  base: string;
}

type RouteContext = { params: Promise<Record<string, string | string[]> | undefined> };

const REALM = 'Bearer realm="Vetted SCIM"';

/**
 * The door in front of every /scim/v2 handler: a bearer API token of scope scim, and nothing
 * else, is accepted (no session: an identity provider has none, and a browser's cookie must not
 * reach provisioning); the token's rate limit counts. Errors of any kind are answered in SCIM's
 * shape (RFC 7644 §3.12) as application/scim+json; each response carries X-Request-Id.
 */
export function scimRoute(handle: (ctx: ScimContext) => Promise<Response>) {
  return (request: NextRequest, context: RouteContext): Promise<Response> =>
    withRequestContext(async () => {
      let response: Response;
      try {
        const db = await getDb();
        const caller = await authenticate(request, db);
        const raw = (await context.params) ?? {};
        const params = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
        response = await handle({ request, db, caller, params, base: `${config().baseUrl}/scim/v2` });
      } catch (error) {
        response = scimErrorResponse(error);
      }
      response.headers.set("X-Request-Id", currentRequestId()!);
      return response;
    });
}

async function authenticate(request: NextRequest, db: Db): Promise<ApiCaller> {
  const bearer = bearerToken(request.headers.get("authorization"));
  if (bearer === null) {
    logSecurityEvent("access.refused", { status: 401, reason: "SCIM call without a bearer token" });
    throw new ScimError(401, SCIM_MESSAGES.noToken, undefined, { "WWW-Authenticate": REALM });
  }
  try {
    const { token } = await authoriseApi(request, db, { action: "users.provision", scope: "scim" });
    return { user: token!.creator, token: token! };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 401) throw new ScimError(401, SCIM_MESSAGES.badToken, undefined, { "WWW-Authenticate": `${REALM}, error="invalid_token"` });
    if (error.status === 403) throw new ScimError(403, SCIM_MESSAGES.wrongScope, undefined, { "WWW-Authenticate": `${REALM}, error="insufficient_scope", scope="scim"` });
    throw error;
  }
}

/** A SCIM resource or message, with its ETag (meta.version) as a header when it has one. */
export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const version = (body as { meta?: { version?: unknown } } | null)?.meta?.version;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": SCIM_CONTENT_TYPE, "Cache-Control": "no-store", ...(typeof version === "string" ? { ETag: version } : {}), ...headers },
  });
}

export function scimNoContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Any error in SCIM's shape: SCIM's own as they are, the app's typed ones by their status, anything else a logged 500 with a reference. */
export function scimErrorResponse(thrown: unknown): Response {
  const error = asScimError(asServiceUnavailable(thrown));
  return scimJson(error.body(), error.status, error.headers);
}

function asScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof PayloadTooLarge) return new ScimError(413, SCIM_MESSAGES.tooLarge(SCIM_MAX_BODY_BYTES), undefined, { Connection: "close" });
  if (error instanceof TooManyRequests) return new ScimError(429, SCIM_MESSAGES.rateLimited(error.retryAfterSeconds), "tooMany", { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof ServiceUnavailable) return new ScimError(503, SCIM_MESSAGES.unavailable, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof AppError) {
    // The door's own refusals: input its schema refused, a unique key a race slipped past, a scope.
    if (error.status === 409) return new ScimError(409, error.message, "uniqueness");
    if (error.status === 403) return new ScimError(403, SCIM_MESSAGES.wrongScope);
    if (error.status === 400) return new ScimError(400, error.message, "invalidValue");
    return new ScimError(error.status, error.message);
  }
  return new ScimError(500, SCIM_MESSAGES.internal(logUnexpected(error)));
}

/** The body as a JSON object: at most SCIM_MAX_BODY_BYTES (413), UTF-8, JSON (400 invalidSyntax), keys of the prototype machinery dropped. */
export async function readScimBody(request: NextRequest): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type && !type.includes("json")) throw new ScimError(415, SCIM_MESSAGES.wrongContentType, "invalidSyntax");
  let text: string;
  try {
    text = await readBodyText(request, SCIM_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof ValidationFailed) throw new ScimError(400, SCIM_MESSAGES.notUtf8, "invalidSyntax");
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text, (key, value: unknown) => {
      // PostgreSQL stores no NUL in text or jsonb: refused here as the bad value it is, not as a database error.
      if (typeof value === "string" && value.includes("\u0000")) throw new ScimError(400, SCIM_MESSAGES.nulCharacter, "invalidValue");
      return isPrototypeFieldName(key) ? undefined : value;
    });
  } catch (error) {
    if (error instanceof ScimError) throw error;
    throw new ScimError(400, SCIM_MESSAGES.notJson, "invalidSyntax");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, SCIM_MESSAGES.notObject, "invalidSyntax");
  return body as Record<string, unknown>;
}

/** For what the service does not do: 501 in SCIM's shape, after the token is checked. */
export function scimNotImplemented(detail: string) {
  return scimRoute(async () => {
    throw new ScimError(501, detail);
  });
}
