import { z } from "zod";
import { TOKEN_SCOPE_LABELS, TOKEN_SCOPES } from "../domain/api-tokens";
import { can } from "../domain/policy";
import { ROLES } from "../domain/vocabulary";
import { API, type EndpointSpec } from "./endpoints";
import { ApiError } from "./responses";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_HOURS, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from "../domain/idempotency";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoint table and its zod schemas
 * (lib/api/endpoints.ts). Pure: the server URL is the only input.
 */

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): requests as accepted, responses as sent. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };

const STANDARD_ERRORS: Record<number, { description: string; example: string }> = {
  400: { description: "Bad input", example: "Check the highlighted fields." },
  401: { description: "No session and no valid API token (unknown, expired and revoked tokens all get this answer)", example: "This API token is not valid: unknown, expired or revoked." },
  403: { description: "The token lacks the scope, or the person's role may not do this", example: "This token lacks the \"check:read\" scope." },
  404: { description: "Not found", example: "No software with slug \"no-such-tool\"." },
  413: { description: "The body is too large", example: "The body is larger than 5 MB." },
  422: { description: "Refused as a whole", example: "Nothing was imported: 1 row is rejected." },
  409: {
    description: "The `Idempotency-Key` is in use by a request still in progress (retry once it has finished), or was used for a different request (use a new key)",
    example: "This Idempotency-Key was already used for a different request (another body, path or query): use a new key for a new request.",
  },
  429: { description: "The token's rate limit for this minute is used up; retry after `Retry-After` seconds", example: "Too many requests for this token: try again in 42 s." },
  500: { description: "An unexpected failure, logged under `requestId`", example: "Internal error" },
  503: {
    description: "The database is unavailable (a restart, a failover) or has no connection free in time (overload); retry after `Retry-After` seconds. For a write, retry with the same `Idempotency-Key`: it may have been applied.",
    example: "The database is unavailable or overloaded right now: try again in a few seconds.",
  },
};

const RETRY_AFTER_HEADERS: Record<number, string> = {
  429: "Seconds until the next minute's budget",
  503: "Seconds to wait before trying again",
};

/** The header every write takes (lib/server/idempotency.ts). */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: IDEMPOTENCY_HEADER,
  in: "header",
  required: false,
  description:
    `Makes a retry safe: a repeated request with the same key (from the same token or person, within ${IDEMPOTENCY_KEY_HOURS} hours) gets the first answer — status and body, with \`Idempotent-Replayed: true\` — and is not applied again. ` +
    `Send a new random key (a UUID) for each new write, and the same key when retrying it after a timeout, a 503 or a lost connection. ` +
    `Only an answered write is remembered: a refused one changed nothing and runs again; a dry run keeps nothing. The same key with another body, path or query gets 409, as does a retry while the first request is still in progress. ` +
    `The key is ${IDEMPOTENCY_KEY_RULE}; anything else gets 400.`,
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN.source },
  example: "6f1c1d2e-0d8b-4d55-9a53-3f1c6c2b7a10",
};

function errorResponse(status: number, description = STANDARD_ERRORS[status]!.description) {
  const message = STANDARD_ERRORS[status]!.example;
  return {
    description,
    ...(RETRY_AFTER_HEADERS[status] ? { headers: { "Retry-After": { description: RETRY_AFTER_HEADERS[status], schema: { type: "integer", minimum: 1 } } } } : {}),
    content: {
      "application/json": {
        schema: ERROR_REF,
        example: { error: { status, message, ...(status === 400 ? { fields: { dataClass: ["dataClass must be one of public, internal, confidential, restricted"] } } : {}), ...(status === 500 ? { requestId: "5f0c7b9e-8a51-4f7e-b1a8-0d9a8d3c2e11" } : {}) } },
      },
    },
  };
}

function parameters(endpoint: EndpointSpec) {
  const list: JsonSchema[] = [];
  for (const [location, schema] of [["path", endpoint.params], ["query", endpoint.query]] as const) {
    const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...propertySchema } = property;
      const example = location === "query" ? endpoint.queryExample?.[name] : undefined;
      list.push({
        name,
        in: location,
        required: location === "path" || (object.required ?? []).includes(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: propertySchema,
        ...(example !== undefined ? { example } : {}),
      });
    }
  }
  return list;
}

/** Who may call: the token scope and the roles whose session may, from the policy table. */
function accessText(endpoint: EndpointSpec): string {
  if (!endpoint.access) return "No authentication.";
  const roles = ROLES.filter((role) => can(role, endpoint.access!.action));
  return `**Access:** an API token with the \`${endpoint.access.scope}\` scope, or a session of: ${roles.join(", ")}.`;
}

function operation(endpoint: EndpointSpec) {
  const responses: Record<string, unknown> = {
    200: {
      description: endpoint.ok.description,
      ...(endpoint.write ? { headers: { "Idempotent-Replayed": { description: "`true` when this is the kept answer to an earlier request with the same `Idempotency-Key`", schema: { type: "string", enum: ["true"] } } } } : {}),
      content: {
        [endpoint.ok.contentType]: { schema: jsonSchema(endpoint.ok.schema, "output"), example: endpoint.ok.example },
        ...Object.fromEntries(
          Object.entries(endpoint.ok.alternatives ?? {}).map(([mediaType, { schema, example }]) => [mediaType, { schema: jsonSchema(schema, "output"), example }]),
        ),
      },
    },
  };
  for (const error of endpoint.errors) {
    responses[error.status] = error.schema
      ? { description: error.description, content: { "application/json": { schema: jsonSchema(error.schema, "output"), example: error.example } } }
      : errorResponse(error.status, error.description);
  }
  if (endpoint.write) responses[409] = errorResponse(409);
  if (endpoint.access) for (const status of [401, 403, 429]) responses[status] = errorResponse(status);
  responses[500] = errorResponse(500);
  if (endpoint.access) responses[503] = errorResponse(503);
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: `${endpoint.description}\n\n${accessText(endpoint)}`,
    security: endpoint.access ? [{ apiToken: [endpoint.access.scope] }, { session: [] }] : [],
    ...(endpoint.access ? { "x-token-scope": endpoint.access.scope } : {}),
    parameters: [...parameters(endpoint), ...(endpoint.write ? [IDEMPOTENCY_KEY_PARAMETER] : [])],
    ...(endpoint.body
      ? {
          requestBody: {
            description: endpoint.body.description,
            required: true,
            content: Object.fromEntries(
              Object.entries(endpoint.body.content).map(([mediaType, { schema, example }]) => [
                mediaType,
                { schema: jsonSchema(schema, "input"), ...(example !== undefined ? { example } : {}) },
              ]),
            ),
          },
        }
      : {}),
    responses,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of Object.values(API) as EndpointSpec[]) {
    (paths[endpoint.path] ??= {})[endpoint.method] = operation(endpoint);
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "Vetted API",
      version: "1",
      description:
        "Ask Vetted, the company's software risk registry, whether a tool may be used and for which data; read the catalogue; export its decisions to enforcement tools.\n\n" +
        "**Authentication:** send `Authorization: Bearer vt_…` with an API token created by a reviewer or an administrator (Tokens), or call from a browser with a Vetted session. " +
        "Each endpoint names the token scope it needs:\n\n" +
        TOKEN_SCOPES.map((scope) => `- \`${scope}\`: ${TOKEN_SCOPE_LABELS[scope]}`).join("\n") +
        "\n\n**Errors** are JSON `{ \"error\": { \"status\", \"message\", \"fields\"? } }`. Each token may make a limited number of calls a minute (600 by default); beyond it the answer is 429 with `Retry-After`. " +
        "While the database is unavailable or overloaded the answer is 503 with `Retry-After`.\n\n" +
        `**Retries:** every write takes an \`${IDEMPOTENCY_HEADER}\` header; a retry with the same key gets the first answer instead of applying the write twice.\n\n` +
        "**Provisioning** of people and groups from an identity provider is not part of this API: it is SCIM 2.0 at `/scim/v2` (a token of scope `scim`), which describes itself at `/scim/v2/ServiceProviderConfig`, `/scim/v2/ResourceTypes` and `/scim/v2/Schemas`.",
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "Check", description: "Verdicts for one tool or many" },
      { name: "Catalogue", description: "The catalogue and its decisions" },
      { name: "Enforcement exports", description: "Files for Santa, browsers, web proxies and CI, derived from identifiers and current status" },
      { name: "Reference", description: "This description" },
    ],
    paths,
    components: {
      schemas: { Error: jsonSchema(ApiError, "output") },
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", bearerFormat: "vt_ followed by 43 characters", description: "An API token. Its scopes limit what it may call." },
        session: { type: "apiKey", in: "cookie", name: "__Secure-next-auth.session-token", description: "A signed-in person's session (the cookie is `next-auth.session-token` when Vetted is served over plain HTTP). What it may call follows the person's role." },
      },
    },
  };
}
