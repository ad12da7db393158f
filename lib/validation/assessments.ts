import { z } from "zod";
import { jsonField, optional, uuid } from "./fields";

const answerValue = z.union([z.string().max(4000), z.array(z.string().max(200)).max(50), z.number().finite(), z.null()]);

/** Answers arrive as one JSON field (the questionnaire form serialises them). */
const answersJson = jsonField(z.record(z.string().max(100), answerValue, { message: "Answers must map question ids to answers" }), "Answers", 200_000);

const version = z.coerce.number({ message: "Reload the page and try again" }).int().min(1);

export const StartAssessmentInput = z.object({
  softwareId: uuid("Software"),
  editionId: optional(uuid("Edition")),
  assigneeId: optional(uuid("Assignee")),
  /** Which questionnaire; the default one when not given. */
  templateKey: optional(z.string().max(63)),
});

export const SaveAssessmentInput = z.object({
  id: uuid("Assessment"),
  version,
  answers: answersJson,
  mitigations: z.array(z.string().max(100)).max(50).default([]),
});

export const AssessmentTransitionInput = z.object({ id: uuid("Assessment"), version });
