import { z } from "zod";
import { optional, uuid } from "./fields";

const answerValue = z.union([z.string().max(4000), z.array(z.string().max(200)).max(50), z.number().finite(), z.null()]);

/** Answers arrive as one JSON field (the questionnaire form serialises them). */
const answersJson = z
  .string()
  .max(200_000, "Answers are too large")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Answers are not valid JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().max(100), answerValue, { message: "Answers must map question ids to answers" }));

const version = z.coerce.number({ message: "Reload the page and try again" }).int().min(1);

export const StartAssessmentInput = z.object({
  softwareId: uuid("Software"),
  editionId: optional(uuid("Edition")),
  assigneeId: optional(uuid("Assignee")),
});

export const SaveAssessmentInput = z.object({
  id: uuid("Assessment"),
  version,
  answers: answersJson,
  mitigations: z.array(z.string().max(100)).max(50).default([]),
});

export const AssessmentTransitionInput = z.object({ id: uuid("Assessment"), version });
