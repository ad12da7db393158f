import type { OpenApiDocument } from "./openapi";

/**
 * The API reference page's model: the OpenAPI document read back into sections, parameter
 * tables and response field tables. Pure, so the page only lays it out.
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
};

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

export interface ParameterRow {
  name: string;
  location: string;
  required: boolean;
  type: string;
  description: string;
  example: string | null;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  scope: string | null;
  parameters: ParameterRow[];
  body: { mediaType: string; example: string | null; fields: FieldRow[] }[];
  response: { mediaType: string; description: string; example: string; fields: FieldRow[] };
  errors: { status: string; description: string }[];
}

/** A schema's type in a few words: `string (date)`, `one of: a, b`, `integer, 1–100, default 25`. */
export function describeType(schema: Schema): string {
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(describeType).join(" or ");
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of: ${schema.enum.map((v) => (v === null ? "null" : String(v))).join(", ")}`);
  else if (schema.const !== undefined) parts.push(JSON.stringify(schema.const));
  else {
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    let type = types.join(" or ") || "any";
    if (schema.type === "array" && schema.items) type = `array of ${describeType(schema.items)}`;
    if (schema.type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object" && !schema.properties) {
      type = `map of ${describeType(schema.additionalProperties)}`;
    }
    parts.push(schema.format ? `${type} (${schema.format})` : type);
  }
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? ""}–${schema.maximum ?? ""}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined) parts.push(`${schema.minItems ?? 0} to ${schema.maxItems ?? "any"} items`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

/** `T | null` as zod writes it (anyOf with a null branch) → T, nullable. */
function unwrapNullable(schema: Schema): { schema: Schema; nullable: boolean } {
  const alternatives = schema.anyOf;
  if (alternatives && alternatives.length === 2 && alternatives.some((a) => a.type === "null")) {
    const inner = alternatives.find((a) => a.type !== "null")!;
    return { schema: { ...inner, description: schema.description ?? inner.description }, nullable: true };
  }
  return { schema, nullable: false };
}

/** Every field of an object schema, nested ones as `a.b` and array items as `a[].b`. */
export function fieldRows(root: Schema, prefix = "", depth = 0): FieldRow[] {
  if (depth > 4 || !root.properties) return [];
  const rows: FieldRow[] = [];
  for (const [name, property] of Object.entries(root.properties)) {
    const { schema, nullable } = unwrapNullable(property);
    const path = `${prefix}${name}`;
    const type = describeType(schema);
    rows.push({ path, type: nullable ? `${type}, or null` : type, required: (root.required ?? []).includes(name), description: schema.description ?? "" });
    if (schema.type === "object") rows.push(...fieldRows(schema, `${path}.`, depth + 1));
    if (schema.type === "array" && schema.items?.type === "object") rows.push(...fieldRows(schema.items, `${path}[].`, depth + 1));
  }
  return rows;
}

function uniqueByPath(rows: FieldRow[]): FieldRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.path) && seen.add(row.path));
}

function exampleText(example: unknown): string | null {
  if (example === undefined) return null;
  return typeof example === "string" ? example : JSON.stringify(example, null, 2);
}

type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  "x-token-scope"?: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema; example?: unknown }[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema; example?: unknown }> }>;
};

export function referenceOperations(document: OpenApiDocument): ReferenceOperation[] {
  const result: ReferenceOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as Operation;
      const ok = operation.responses["200"]!;
      const [mediaType, content] = Object.entries(ok.content ?? {})[0] ?? ["application/json", { schema: {}, example: undefined }];
      result.push({
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        tag: operation.tags[0] ?? "",
        summary: operation.summary,
        description: operation.description,
        scope: operation["x-token-scope"] ?? null,
        parameters: operation.parameters.map((p) => ({
          name: p.name,
          location: p.in,
          required: p.required,
          type: describeType(p.schema),
          description: p.description ?? "",
          example: p.example === undefined ? null : String(p.example),
        })),
        body: Object.entries(operation.requestBody?.content ?? {}).map(([type, body]) => ({
          mediaType: type,
          example: exampleText(body.example),
          fields: uniqueByPath((body.schema.anyOf ?? [body.schema]).flatMap((alternative) => fieldRows(alternative))),
        })),
        response: { mediaType, description: ok.description, example: exampleText(content.example) ?? "", fields: fieldRows(content.schema) },
        errors: Object.entries(operation.responses)
          .filter(([status]) => status !== "200")
          .map(([status, response]) => ({ status, description: response.description })),
      });
    }
  }
  return result;
}
