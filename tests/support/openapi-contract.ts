import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "../../lib/api/openapi";

/**
 * Checks a response seen in a test against the OpenAPI document: the path, method, status and
 * media type must be documented, and a JSON body must validate against the documented schema.
 * Used by the integration tests (tests/support/api.ts) and, through a recording proxy in front
 * of the app, by every end-to-end journey (e2e/support/contract-proxy.ts).
 */
export interface ObservedResponse {
  method: string;
  /** Path and query, or a whole URL. */
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };

/** JSON pointer segment (RFC 6901), written for a URI fragment. */
function pointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));
}

export function openApiContract(serverUrl = "http://vetted.test") {
  const document = openApiDocument(serverUrl);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi.json");
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
    operations: operations as Record<string, Operation>,
  }));
  const validators = new Map<string, ValidateFunction>();

  function validator(ref: string): ValidateFunction {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    return validate;
  }

  /** What is wrong with the response; empty when it matches the document. */
  function check(response: ObservedResponse): string[] {
    const pathname = new URL(response.url, serverUrl).pathname;
    const method = response.method.toLowerCase();
    const where = `${response.method.toUpperCase()} ${pathname} → ${response.status}`;
    const route = routes.find((r) => r.pattern.test(pathname));
    if (!route) return [`${where}: the path is not in the OpenAPI document`];
    const operation = route.operations[method];
    if (!operation) return [`${where}: the method is not documented for ${route.template}`];
    const documented = operation.responses[String(response.status)];
    if (!documented) return [`${where}: the status is not documented (documented: ${Object.keys(operation.responses).join(", ")})`];
    const mediaType = (response.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    if (!documented.content?.[mediaType]) return [`${where}: answered ${mediaType || "no content type"}, documented: ${Object.keys(documented.content ?? {}).join(", ")}`];
    let body: unknown = response.body;
    if (mediaType === "application/json") {
      try {
        body = JSON.parse(response.body);
      } catch {
        return [`${where}: the body is not JSON`];
      }
    }
    const ref = `openapi.json#/paths/${pointer(route.template)}/${method}/responses/${response.status}/content/${pointer(mediaType)}/schema`;
    const validate = validator(ref);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || "(body)"} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}`);
  }

  return { document, check };
}
