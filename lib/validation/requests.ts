import { z } from "zod";
import { REQUEST_STATUSES } from "../domain/requests";
import { DATA_CLASSES } from "../domain/vocabulary";
import { t, tr } from "../i18n/translate";
import { httpUrl, isoDate, labelText, lines, optional, paragraph, requiredLine, uuid, type FieldLabel } from "./fields";

/** Shared by the request forms (client) and the mutations (server). */

const idempotencyKey = uuid("requests.fields.formKey").describe("A fresh id per form: a second submission of the same form makes no second request.");
const dataClass = z.enum(DATA_CLASSES, tr("requests.validation.chooseDataClass"));
const longText = (label: FieldLabel) => paragraph(label, 4000).refine((v) => v.length > 0, { error: () => t("validation.field.isRequired", { label: labelText(label) }) });

export const ExceptionRequestInput = z.object({
  idempotencyKey,
  softwareId: uuid("requests.fields.software"),
  editionId: optional(uuid("requests.fields.edition")),
  dataClass,
  purpose: requiredLine("requests.fields.purpose", 300),
  justification: longText("requests.fields.justification"),
  endsOn: isoDate("requests.fields.endDate"),
});

export const NewSoftwareRequestInput = z.object({
  idempotencyKey,
  proposedName: requiredLine("requests.fields.toolName", 120),
  proposedUrl: optional(httpUrl("requests.fields.website")),
  purpose: requiredLine("requests.fields.purpose", 300),
  justification: longText("requests.fields.justification"),
});

export const JoinRequestInput = z.object({ requestId: uuid("requests.fields.request"), justification: longText("requests.fields.justification") });

export const CommentInput = z.object({ requestId: uuid("requests.fields.request"), body: longText("requests.fields.comment") });

export const WithdrawInput = z.object({ requestId: uuid("requests.fields.request") });

export const DecideInput = z.object({
  requestId: uuid("requests.fields.request"),
  /** The step the decider saw: a decision on a step that has moved on is refused. */
  expectedStatus: z.enum(REQUEST_STATUSES, tr("requests.validation.reload")),
  decision: z.enum(["approve", "reject"], tr("requests.validation.chooseDecision")),
  comment: paragraph("requests.fields.comment", 4000).default(""),
  /** Security only: a shorter end date than asked, and conditions. */
  endsOn: optional(isoDate("requests.fields.endDate")),
  conditions: lines("requests.fields.conditions", 20),
});

export const RevokeGrantInput = z.object({ grantId: uuid("requests.fields.grant"), reason: longText("requests.fields.reason") });

/** The new-request page's query string: which tool (or which name to propose), prefilled choices. */
export const NewRequestQuery = z.object({
  software: optional(z.string().max(120)),
  edition: optional(uuid("requests.fields.edition")),
  dataClass: optional(dataClass),
  name: optional(z.string().trim().max(120)),
});

export const SuggestionsQuery = z.object({ q: requiredLine("requests.fields.query", 120) });
