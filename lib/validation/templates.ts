import { z } from "zod";
import { DIMENSIONS, LEVELS, type QuestionnaireTemplate } from "../domain/assessment";
import { jsonField, line, paragraph, requiredLine } from "./fields";

/** Question, option and condition ids: stable keys that answers are stored under. */
const key = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, `${label}: lower-case letters, digits and _, starting with a letter`)
    // Answers are stored under these ids, and a key named for the prototype machinery is refused everywhere.
    .refine((id) => id !== "constructor" && id !== "prototype", `${label}: "constructor" and "prototype" are reserved`);

/** Option values may start with a digit ("30d"). */
const optionValue = z
  .string({ message: "Value is required" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_]{0,62}$/, "Value: lower-case letters, digits and _");

const optionalText = (label: string, max: number) => paragraph(label, max).optional().transform((v) => v || undefined);

const riskWeights = z.partialRecord(z.enum(DIMENSIONS), z.enum(LEVELS, { message: "Choose a risk level" }));

const option = z.object({ value: optionValue, label: requiredLine("Label", 200), risk: riskWeights.optional() });

const base = {
  id: key("Question id"),
  section: requiredLine("Section", 100),
  prompt: requiredLine("Question", 500),
  help: optionalText("Help", 1000),
  required: z.boolean(),
  aiOnly: z.boolean().optional(),
};

const choices = z.array(option).min(2, "Give at least two options").max(30, "At most 30 options");
const finite = z.number({ message: "Enter a number" }).finite();

const question = z.discriminatedUnion(
  "type",
  [
    z.object({ ...base, type: z.literal("yes_no_unknown"), options: choices }),
    z.object({ ...base, type: z.literal("single_choice"), options: choices }),
    z.object({ ...base, type: z.literal("multiple_choice"), options: choices }),
    z.object({
      ...base,
      type: z.literal("number"),
      min: finite.optional(),
      max: finite.optional(),
      unit: line("Unit", 20).optional().transform((v) => v || undefined),
      thresholds: z.array(z.object({ atLeast: finite, risk: riskWeights })).max(10, "At most 10 thresholds").optional(),
    }),
    z.object({ ...base, type: z.literal("date") }),
    z.object({ ...base, type: z.literal("text"), maxLength: z.number().int().min(1).max(4000, "At most 4000").optional() }),
  ],
  { message: "Choose a question type" },
);

const mitigation = z.object({
  id: key("Condition id"),
  label: requiredLine("Condition", 200),
  reduces: z.partialRecord(z.enum(DIMENSIONS), z.number().int().min(1, "Lowers by 1 to 3 levels").max(3, "Lowers by 1 to 3 levels")),
});

const YES_NO_UNKNOWN = ["yes", "no", "unknown"];

/** The questions and conditions of a questionnaire, checked for what scoring relies on. */
export const TemplateBody = z
  .object({
    questions: z.array(question).min(1, "Add at least one question").max(200, "At most 200 questions"),
    mitigations: z.array(mitigation).max(50, "At most 50 conditions"),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `Another question already uses the id "${q.id}"` });
      seen.add(q.id);
      if ("options" in q) {
        const values = new Set<string>();
        q.options.forEach((o, j) => {
          if (values.has(o.value)) ctx.addIssue({ code: "custom", path: ["questions", i, "options", j, "value"], message: `The value "${o.value}" is used twice` });
          values.add(o.value);
        });
        if (q.type === "yes_no_unknown" && q.options.map((o) => o.value).join() !== YES_NO_UNKNOWN.join()) {
          ctx.addIssue({ code: "custom", path: ["questions", i, "options"], message: "Yes/no/unknown questions have exactly the options yes, no and unknown" });
        }
      }
      if (q.type === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max) {
        ctx.addIssue({ code: "custom", path: ["questions", i, "max"], message: "The maximum is below the minimum" });
      }
    });
    const mitigationIds = new Set<string>();
    body.mitigations.forEach((m, i) => {
      if (mitigationIds.has(m.id)) ctx.addIssue({ code: "custom", path: ["mitigations", i, "id"], message: `Another condition already uses the id "${m.id}"` });
      mitigationIds.add(m.id);
      if (Object.keys(m.reduces).length === 0) ctx.addIssue({ code: "custom", path: ["mitigations", i, "reduces"], message: "Say which dimension this condition lowers" });
    });
  });

export type TemplateBody = Pick<QuestionnaireTemplate, "questions" | "mitigations">;

export const TemplateKey = key("Key");

export const SaveTemplateInput = z.object({
  key: TemplateKey,
  /** The version the author started from: 0 for a new questionnaire. */
  baseVersion: z.coerce.number({ message: "Reload the page and try again" }).int().min(0),
  title: requiredLine("Title", 200),
  definition: jsonField(TemplateBody, "The questionnaire", 500_000),
});
