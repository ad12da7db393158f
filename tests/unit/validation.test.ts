import { describe, expect, it } from "vitest";
import { ValidationFailed } from "@/lib/errors";
import { z } from "zod";
import { findPrototypeKey, isPrototypeFieldName } from "@/lib/domain/prototype-keys";
import { formDataToObject, parseInput } from "@/lib/server/validation";
import { jsonField } from "@/lib/validation/fields";
import { CheckQuery } from "@/lib/validation/api";
import { ClassificationInput, IdentifierInput } from "@/lib/validation/catalogue";
import { TemplateBody } from "@/lib/validation/templates";
import { DEFAULT_TEMPLATE } from "@/lib/domain/default-template";

describe("formDataToObject", () => {
  it("collects [] keys into arrays, nests dotted keys and skips React's action fields", () => {
    const data = new FormData();
    data.append("name", "Cursor");
    data.append("alternatives[]", "a");
    data.append("alternatives[]", "b");
    data.append("labels.public", "Public");
    data.append("labels.internal", "Internal");
    data.append("$ACTION_ID_abc", "");
    expect(formDataToObject(data)).toEqual({ name: "Cursor", alternatives: ["a", "b"], labels: { public: "Public", internal: "Internal" } });
  });

  it("builds objects without a prototype, which zod parses like any other", () => {
    const data = new FormData();
    data.append("name", "Cursor");
    data.append("labels.public", "Public");
    const input = formDataToObject(data);
    expect(Object.getPrototypeOf(input)).toBeNull();
    expect(Object.getPrototypeOf(input.labels)).toBeNull();
    const schema = z.object({ name: z.string(), labels: z.object({ public: z.string() }), tags: z.array(z.string()).default([]) });
    expect(parseInput(schema, input)).toEqual({ name: "Cursor", labels: { public: "Public" }, tags: [] });
  });

  // Issue 10, finding 1: "__proto__.category" wrote to Object.prototype of the server process.
  it.each(["__proto__.category", "__proto__", "__proto__[]", "constructor.prototype.x", "a.__proto__", "a.constructor", "prototype.x", "_1___proto__.x", "a[__proto__]", "_12_constructor"])(
    "refuses the field %s with a ValidationFailed naming it, and writes nothing to Object.prototype",
    (key) => {
      const data = new FormData();
      data.append("name", "Cursor");
      data.append(key, "polluted");
      expect(() => formDataToObject(data)).toThrow(ValidationFailed);
      expect(() => formDataToObject(data)).toThrow(JSON.stringify(key));
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("category");
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );

  it("keeps field names that merely contain those words", () => {
    expect(isPrototypeFieldName("constructorName")).toBe(false);
    expect(isPrototypeFieldName("labels.prototypes")).toBe(false);
    expect(isPrototypeFieldName("proto")).toBe(false);
  });
});

describe("prototype keys in JSON", () => {
  it("are found at any depth, as own keys that JSON.parse made", () => {
    expect(findPrototypeKey(JSON.parse('{"software":[{"name":"x","__proto__":{"polluted":1}}]}'))).toBe("software.0.__proto__");
    expect(findPrototypeKey(JSON.parse('{"a":{"constructor":{"prototype":{}}}}'))).toBe("a.constructor");
    expect(findPrototypeKey({ a: [1, { b: "constructor" }] })).toBeNull();
  });

  it("survive nesting too deep for recursion", () => {
    const deep = "[".repeat(50_000) + '{"__proto__":1}' + "]".repeat(50_000);
    expect(findPrototypeKey(JSON.parse(deep))).toMatch(/__proto__$/);
  });

  it("are refused by a JSON form field, naming the key", () => {
    const field = jsonField(z.record(z.string(), z.unknown()), "Answers", 1000);
    const result = field.safeParse('{"__proto__":{"polluted":true}}');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('"__proto__" is not accepted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseInput", () => {
  it("names every bad field", () => {
    const error = (() => {
      try {
        parseInput(CheckQuery, { q: "", dataClass: "top-secret" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).fieldErrors!)).toEqual(["q", "dataClass"]);
    expect((error as ValidationFailed).message).toContain("The q parameter is required");
  });

  it("names a key called __proto__ instead of failing on it", () => {
    const strict = z.strictObject({ name: z.string() });
    expect(() => parseInput(strict, JSON.parse('{"name":"x","__proto__":{"a":1}}'))).toThrow(ValidationFailed);
  });

  it("normalises identifiers and refuses invalid ones on the value field", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(parseInput(IdentifierInput, { softwareId: id, type: "domain", value: "HTTPS://WWW.Example.COM/x" }).value).toBe("example.com");
    const refused = (() => {
      try {
        parseInput(IdentifierInput, { softwareId: id, type: "domain", value: "no spaces allowed.com" });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((refused as ValidationFailed).fieldErrors!)).toEqual(["value"]);
  });

  it("drops the data class for statuses that allow no use", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const parsed = parseInput(ClassificationInput, { softwareId: id, status: "prohibited", maxDataClass: "restricted", rationale: "Exfiltrates data." });
    expect(parsed.maxDataClass).toBeNull();
  });
});

describe("TemplateBody", () => {
  it("accepts the built-in questionnaire unchanged, so it can be edited and saved as it is", () => {
    const body = { questions: DEFAULT_TEMPLATE.questions, mitigations: DEFAULT_TEMPLATE.mitigations };
    expect(TemplateBody.parse(JSON.parse(JSON.stringify(body)))).toEqual(body);
  });
});
