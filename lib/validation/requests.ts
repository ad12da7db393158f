import { z } from "zod";
import { REQUEST_STATUSES } from "../domain/requests";
import { DATA_CLASSES } from "../domain/vocabulary";
import { httpUrl, isoDate, lines, optional, paragraph, requiredLine, uuid } from "./fields";

/** Shared by the request forms (client) and the mutations (server). */

const idempotencyKey = uuid("Form key").describe("A fresh id per form: a second submission of the same form makes no second request.");
const dataClass = z.enum(DATA_CLASSES, { message: "Choose a data class" });
const longText = (label: string) => paragraph(label, 4000).refine((v) => v.length > 0, `${label} is required`);

export const ExceptionRequestInput = z.object({
  idempotencyKey,
  softwareId: uuid("Software"),
  editionId: optional(uuid("Edition")),
  dataClass,
  purpose: requiredLine("Purpose", 300),
  justification: longText("Justification"),
  endsOn: isoDate("End date"),
});

export const NewSoftwareRequestInput = z.object({
  idempotencyKey,
  proposedName: requiredLine("Tool name", 120),
  proposedUrl: optional(httpUrl("Website")),
  purpose: requiredLine("Purpose", 300),
  justification: longText("Justification"),
});

export const JoinRequestInput = z.object({ requestId: uuid("Request"), justification: longText("Justification") });

export const CommentInput = z.object({ requestId: uuid("Request"), body: longText("Comment") });

export const WithdrawInput = z.object({ requestId: uuid("Request") });

export const DecideInput = z.object({
  requestId: uuid("Request"),
  /** The step the decider saw: a decision on a step that has moved on is refused. */
  expectedStatus: z.enum(REQUEST_STATUSES, { message: "Reload the page and try again" }),
  decision: z.enum(["approve", "reject"], { message: "Choose approve or reject" }),
  comment: paragraph("Comment", 4000).default(""),
  /** Security only: a shorter end date than asked, and conditions. */
  endsOn: optional(isoDate("End date")),
  conditions: lines("Conditions", 20),
});

export const RevokeGrantInput = z.object({ grantId: uuid("Grant"), reason: longText("Reason") });

/** The new-request page's query string: which tool (or which name to propose), prefilled choices. */
export const NewRequestQuery = z.object({
  software: optional(z.string().max(120)),
  edition: optional(uuid("Edition")),
  dataClass: optional(dataClass),
  name: optional(z.string().trim().max(120)),
});

export const SuggestionsQuery = z.object({ q: requiredLine("q", 120) });
