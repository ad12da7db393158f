import { z } from "zod";
import { tr } from "../i18n/translate";
import { jsonField, optional, uuid } from "./fields";

const answerValue = z.union([z.string().max(4000), z.array(z.string().max(200)).max(50), z.number().finite(), z.null()]);

/** Answers arrive as one JSON field (the questionnaire form serialises them). */
const answersJson = jsonField(z.record(z.string().max(100), answerValue, tr("assessments.validation.answersShape")), "validation.fields.answers", 200_000);

const version = z.coerce.number(tr("assessments.validation.reload")).int().min(1);

export const StartAssessmentInput = z.object({
  softwareId: uuid("validation.fields.software"),
  editionId: optional(uuid("validation.fields.edition")),
  assigneeId: optional(uuid("validation.fields.assignee")),
  /** Which questionnaire; the default one when not given. */
  templateKey: optional(z.string().max(63)),
});

export const SaveAssessmentInput = z.object({
  id: uuid("validation.fields.assessment"),
  version,
  answers: answersJson,
  mitigations: z.array(z.string().max(100)).max(50).default([]),
});

export const AssessmentTransitionInput = z.object({ id: uuid("validation.fields.assessment"), version });
