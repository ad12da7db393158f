import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/server/validation";
import { asSentence, fieldLabel, validationSummary } from "@/lib/validation/messages";
import { ExceptionRequestInput } from "@/lib/validation/requests";
import { SettingsInput } from "@/lib/validation/settings";
import { DEFAULT_REASSESSMENT_MONTHS } from "@/lib/domain/assessment";

function refusal(schema: z.ZodType, input: unknown): ValidationFailed {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof ValidationFailed) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

const DEVELOPER_OUTPUT = /Invalid input|expected \w+, received|Too (small|big): expected|>=|<=|^[a-z]+(\.[a-z0-9]+)+:/;

describe("validation messages a person reads", () => {
  it("replaces zod's default messages with plain sentences naming the field", () => {
    const schema = z.object({ managerName: z.string(), age: z.number().int().min(18), tags: z.array(z.string()).max(2), email: z.email(), kind: z.enum(["cli", "saas"]) });
    const error = refusal(schema, { age: 3, tags: ["a", "b", "c"], email: "nope", kind: "desktop" });
    expect(error.fieldErrors).toEqual({
      managerName: ["Manager name is required."],
      age: ["Age must be at least 18."],
      tags: ["Tags may list at most 2 items."],
      email: ["Email must be an email address."],
      kind: ["Kind must be one of: cli, saas."],
    });
    expect(refusal(z.object({ name: z.string().min(1) }), { name: "" }).fieldErrors).toEqual({ name: ["Name is required."] });
    expect(refusal(z.object({ count: z.number() }), { count: "seven" }).fieldErrors).toEqual({ count: ["Count must be a number."] });
    for (const messages of Object.values(error.fieldErrors!)) for (const message of messages) expect(message).not.toMatch(DEVELOPER_OUTPUT);
  });

  it("keeps a schema's own message, as a sentence, and summarises without field paths", () => {
    const error = refusal(ExceptionRequestInput.pick({ purpose: true }), { purpose: "" });
    expect(error.fieldErrors).toEqual({ purpose: ["Purpose is required."] });
    expect(error.message).toBe("Please correct 1 field: Purpose is required.");
    expect(error.message).not.toMatch(DEVELOPER_OUTPUT);
  });

  it("says what is wrong with a settings interval in words, not as a path", () => {
    const error = refusal(SettingsInput.pick({ reassessment: true }), { reassessment: { ...DEFAULT_REASSESSMENT_MONTHS, critical: "0" } });
    expect(error.fieldErrors).toEqual({ "reassessment.critical": ["The interval for reassessing critical-risk tools must be at least 1 month."] });
    expect(error.message).toBe("Please correct 1 field: The interval for reassessing critical-risk tools must be at least 1 month.");
  });

  it("counts several fields and says which item of a list is wrong", () => {
    expect(validationSummary({ purpose: ["Purpose is required."], justification: ["Justification is required."] })).toBe(
      "Please correct 2 fields: Purpose is required. Justification is required.",
    );
    expect(validationSummary({ "items.2.q": ["Q is required."] })).toBe("Please correct 1 field: Item 3: Q is required.");
    expect(validationSummary({ _form: ["Reload the page."] })).toBe("Reload the page.");
  });

  it("makes labels from keys and sentences from fragments", () => {
    expect(fieldLabel(["requests", "managerSlaDays"])).toBe("Manager sla days");
    expect(fieldLabel(["items", 0])).toBe("Items");
    expect(fieldLabel([])).toBe("This value");
    expect(asSentence("purpose is required")).toBe("Purpose is required.");
    expect(asSentence("Is it done?")).toBe("Is it done?");
  });
});
