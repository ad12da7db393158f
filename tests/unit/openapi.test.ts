import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API, type EndpointSpec } from "@/lib/api/endpoints";
import { openApiContract } from "../support/openapi-contract";

const { document, check } = openApiContract();
const ROOT = path.resolve(import.meta.dirname, "..", "..");

type Operation = {
  description: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; description?: string }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { example?: unknown }> }>;
};
const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
  Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ route, method, operation })),
);

/** Route handlers under app/api/v1, as "METHOD /api/v1/path/{param}". */
function routeHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative(path.join(ROOT, "app"), dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
        const source = readFileSync(full, "utf8");
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) found.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(path.join(ROOT, "app", "api", "v1"));
  return found.sort();
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it("documents every /api/v1 route handler, and nothing that does not exist", () => {
    const documented = operations.map((o) => `${o.method.toUpperCase()} ${o.route}`).sort();
    expect(documented).toEqual(routeHandlers());
  });

  it("gives every endpoint a summary, every parameter a description, and every guarded endpoint its scope and refusals", () => {
    for (const { route, method, operation } of operations) {
      const name = `${method} ${route}`;
      expect(operation.description, name).toMatch(/\*\*Access:\*\*|No authentication/);
      for (const parameter of operation.parameters) expect(parameter.description, `${name} ?${parameter.name}`).toBeTruthy();
      if (operation.security.length > 0) {
        expect(operation.security[0]!.apiToken, name).toHaveLength(1);
        expect(Object.keys(operation.responses), name).toEqual(expect.arrayContaining(["200", "401", "403", "429", "500"]));
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.description, `${name} ${status}`).toBeTruthy();
        for (const content of Object.values(response.content ?? {})) expect(content.example, `${name} ${status} example`).toBeDefined();
      }
    }
  });

  it("names the scope each endpoint's handler enforces", () => {
    for (const endpoint of Object.values(API) as EndpointSpec[]) {
      const operation = (document.paths as Record<string, Record<string, Operation>>)[endpoint.path]![endpoint.method]!;
      expect(operation.security, endpoint.operationId).toEqual(endpoint.access ? [{ apiToken: [endpoint.access.scope] }, { session: [] }] : []);
    }
  });

  it("has examples that validate against the schemas they illustrate", () => {
    for (const { route, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, content] of Object.entries(response.content ?? {})) {
          const body = typeof content.example === "string" ? content.example : JSON.stringify(content.example);
          expect(check({ method, url: route.replace(/\{[^}]+\}/g, "example"), status: Number(status), contentType: mediaType, body }), `${method} ${route} ${status}`).toEqual([]);
        }
      }
    }
  });

  it("refuses responses that stray from it", () => {
    const slug = { method: "GET", url: "/api/v1/software/claude-code", contentType: "application/json" };
    expect(check({ ...slug, status: 200, body: JSON.stringify({ slug: "claude-code" }) }).join("\n")).toMatch(/required property 'name'/);
    expect(check({ ...slug, status: 418, body: "{}" })[0]).toMatch(/status is not documented/);
    expect(check({ ...slug, status: 404, body: JSON.stringify({ error: { status: 404, message: "No.", extra: true } }) })[0]).toMatch(/additional properties/);
    expect(check({ ...slug, url: "/api/v1/nowhere", status: 200, body: "{}" })[0]).toMatch(/not in the OpenAPI document/);
    expect(check({ ...slug, method: "DELETE", status: 200, body: "{}" })[0]).toMatch(/method is not documented/);
    expect(check({ ...slug, status: 404, contentType: "text/html", body: "<p>" })[0]).toMatch(/answered text\/html/);
  });

  it("documents the Idempotency-Key header on every write, and 503 with Retry-After on every endpoint that reads the database", () => {
    type Documented = Operation & { responses: Record<string, { headers?: Record<string, unknown> }> };
    for (const endpoint of Object.values(API) as EndpointSpec[]) {
      const operation = (document.paths as Record<string, Record<string, Documented>>)[endpoint.path]![endpoint.method]!;
      const header = operation.parameters.find((p) => p.in === "header" && p.name === "Idempotency-Key");
      if (endpoint.write) {
        expect(header?.description, endpoint.operationId).toMatch(/first answer/);
        expect(Object.keys(operation.responses), endpoint.operationId).toContain("409");
        expect(Object.keys(operation.responses[200]!.headers ?? {}), endpoint.operationId).toEqual(["Idempotent-Replayed"]);
      } else {
        expect(header, endpoint.operationId).toBeUndefined();
      }
      if (endpoint.access) expect(Object.keys(operation.responses[503]?.headers ?? {}), endpoint.operationId).toEqual(["Retry-After"]);
    }
    expect((Object.values(API) as EndpointSpec[]).filter((e) => e.write).map((e) => e.operationId)).toEqual(["importCatalogue"]);
  });
});
