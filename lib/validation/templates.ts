import { z } from "zod";
import { DIMENSIONS, LEVELS, type QuestionnaireTemplate } from "../domain/assessment";
import { t, tr, type MessageKey } from "../i18n/translate";
import { jsonField, labelText, line, paragraph, requiredLine } from "./fields";

/** Question, option and condition ids: stable keys that answers are stored under. */
const key = (label: MessageKey) =>
  z
    .string({ error: () => t("templates.validation.keyRequired", { label: labelText(label) }) })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, { error: () => t("templates.validation.keyFormat", { label: labelText(label) }) })
    // Answers are stored under these ids, and a key named for the prototype machinery is refused everywhere.
    .refine((id) => id !== "constructor" && id !== "prototype", { error: () => t("templates.validation.keyReserved", { label: labelText(label) }) });

/** Option values may start with a digit ("30d"). */
const optionValue = z
  .string(tr("templates.validation.valueRequired"))
  .trim()
  .regex(/^[a-z0-9][a-z0-9_]{0,62}$/, tr("templates.validation.valueFormat"));

const optionalText = (label: MessageKey, max: number) => paragraph(label, max).optional().transform((v) => v || undefined);

const riskWeights = z.partialRecord(z.enum(DIMENSIONS), z.enum(LEVELS, tr("templates.validation.chooseLevel")));

const option = z.object({ value: optionValue, label: requiredLine("validation.fields.optionLabel", 200), risk: riskWeights.optional() });

const base = {
  id: key("validation.fields.questionId"),
  section: requiredLine("validation.fields.section", 100),
  prompt: requiredLine("validation.fields.question", 500),
  help: optionalText("validation.fields.help", 1000),
  required: z.boolean(),
  aiOnly: z.boolean().optional(),
};

const choices = z.array(option).min(2, tr("templates.validation.minOptions")).max(30, tr("templates.validation.maxOptions"));
const finite = z.number(tr("templates.validation.enterNumber")).finite();

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
      unit: line("validation.fields.unit", 20).optional().transform((v) => v || undefined),
      thresholds: z.array(z.object({ atLeast: finite, risk: riskWeights })).max(10, tr("templates.validation.maxThresholds")).optional(),
    }),
    z.object({ ...base, type: z.literal("date") }),
    z.object({ ...base, type: z.literal("text"), maxLength: z.number().int().min(1).max(4000, tr("templates.validation.maxLength")).optional() }),
  ],
  tr("templates.validation.chooseType"),
);

const mitigation = z.object({
  id: key("validation.fields.conditionId"),
  label: requiredLine("validation.fields.condition", 200),
  reduces: z.partialRecord(z.enum(DIMENSIONS), z.number().int().min(1, tr("templates.validation.lowersBy")).max(3, tr("templates.validation.lowersBy"))),
});

const YES_NO_UNKNOWN = ["yes", "no", "unknown"];

/** The questions and conditions of a questionnaire, checked for what scoring relies on. */
export const TemplateBody = z
  .object({
    questions: z.array(question).min(1, tr("templates.validation.minQuestions")).max(200, tr("templates.validation.maxQuestions")),
    mitigations: z.array(mitigation).max(50, tr("templates.validation.maxConditions")),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: t("templates.validation.duplicateQuestion", { id: q.id }) });
      seen.add(q.id);
      if ("options" in q) {
        const values = new Set<string>();
        q.options.forEach((o, j) => {
          if (values.has(o.value)) ctx.addIssue({ code: "custom", path: ["questions", i, "options", j, "value"], message: t("templates.validation.duplicateValue", { value: o.value }) });
          values.add(o.value);
        });
        if (q.type === "yes_no_unknown" && q.options.map((o) => o.value).join() !== YES_NO_UNKNOWN.join()) {
          ctx.addIssue({ code: "custom", path: ["questions", i, "options"], message: t("templates.validation.yesNoOptions") });
        }
      }
      if (q.type === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max) {
        ctx.addIssue({ code: "custom", path: ["questions", i, "max"], message: t("templates.validation.maxBelowMin") });
      }
    });
    const mitigationIds = new Set<string>();
    body.mitigations.forEach((m, i) => {
      if (mitigationIds.has(m.id)) ctx.addIssue({ code: "custom", path: ["mitigations", i, "id"], message: t("templates.validation.duplicateCondition", { id: m.id }) });
      mitigationIds.add(m.id);
      if (Object.keys(m.reduces).length === 0) ctx.addIssue({ code: "custom", path: ["mitigations", i, "reduces"], message: t("templates.validation.conditionDimension") });
    });
  });

export type TemplateBody = Pick<QuestionnaireTemplate, "questions" | "mitigations">;

export const TemplateKey = key("validation.fields.templateKey");

export const SaveTemplateInput = z.object({
  key: TemplateKey,
  /** The version the author started from: 0 for a new questionnaire. */
  baseVersion: z.coerce.number(tr("templates.validation.reload")).int().min(0),
  title: requiredLine("validation.fields.title", 200),
  definition: jsonField(TemplateBody, "validation.fields.questionnaireDefinition", 500_000),
});
