import { describe, expect, it } from "vitest";
import { ValidationFailed } from "@/lib/errors";
import { formDataToObject, parseInput } from "@/lib/server/validation";
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
    expect((error as ValidationFailed).message).toContain("q is required");
  });

  it("normalises identifiers and refuses invalid ones on the value field", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(parseInput(IdentifierInput, { softwareId: id, type: "domain", value: "HTTPS://WWW.Example.COM/x" }).value).toBe("example.com");
    expect(() => parseInput(IdentifierInput, { softwareId: id, type: "domain", value: "no spaces allowed.com" })).toThrow(/value/);
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
