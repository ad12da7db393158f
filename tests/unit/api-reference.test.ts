import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { describeType, fieldRows, referenceOperations } from "@/lib/api/reference";

describe("the API reference model", () => {
  it("describes types in words", () => {
    expect(describeType({ type: "string", enum: ["public", "internal"] })).toBe("one of: public, internal");
    expect(describeType({ type: "integer", minimum: 1, maximum: 100, default: 25 })).toBe("integer, 1–100, default 25");
    expect(describeType({ type: "array", items: { type: "string" } })).toBe("array of string");
    expect(describeType({ type: "string", format: "uri" })).toBe("string (uri)");
  });

  it("flattens nested and nullable fields", () => {
    const rows = fieldRows({
      type: "object",
      required: ["a"],
      properties: {
        a: { type: "string", description: "A" },
        b: { anyOf: [{ type: "object", properties: { c: { type: "integer" } }, required: ["c"] }, { type: "null" }], description: "B" },
        d: { type: "array", items: { type: "object", properties: { e: { type: "boolean" } } } },
      },
    });
    expect(rows).toEqual([
      { path: "a", type: "string", required: true, description: "A" },
      { path: "b", type: "object, or null", required: false, description: "B" },
      { path: "b.c", type: "integer", required: true, description: "" },
      { path: "d", type: "array of object", required: false, description: "" },
      { path: "d[].e", type: "boolean", required: false, description: "" },
    ]);
  });

  it("lists every operation with its scope, parameters, answer fields and errors", () => {
    const operations = referenceOperations(openApiDocument("https://vetted.example.com"));
    const check = operations.find((o) => o.method === "GET" && o.path === "/api/v1/check")!;
    expect(check.scope).toBe("check:read");
    expect(check.parameters.map((p) => p.name)).toEqual(["q", "dataClass", "edition"]);
    expect(check.parameters[0]).toMatchObject({ required: true, example: "@anthropic-ai/claude-code" });
    expect(check.response.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["verdict", "software.status", "alternatives[].url"]));
    expect(check.errors.map((e) => e.status)).toEqual(["400", "401", "403", "429", "500", "503"]);
    const bulk = operations.find((o) => o.method === "POST")!;
    expect(bulk.body.map((b) => b.mediaType)).toEqual(["application/json", "text/plain"]);
    expect(bulk.body[0]!.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["items", "items[].q", "file"]));
  });
});
