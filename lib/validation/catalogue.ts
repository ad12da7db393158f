import { z } from "zod";
import { normaliseIdentifier } from "../domain/identifiers";
import { DATA_CLASSES, DPA_STATUSES, IDENTIFIER_TYPES, KINDS, PERMITTING_STATUSES, STATUSES, type DataClass, type Status } from "../domain/vocabulary";
import { httpUrl, isoDate, line, lines, optional, paragraph, requiredLine, slug, uuid } from "./fields";

/** Shared by the forms (client) and the mutations (server). */

export const SoftwareFields = z.object({
  name: requiredLine("Name", 120),
  vendorId: optional(uuid("Vendor")),
  kind: z.enum(KINDS, { message: "Choose a kind" }),
  category: requiredLine("Category", 60),
  description: paragraph("Description", 4000).default(""),
  homepage: optional(httpUrl("Homepage")),
  owner: optional(line("Internal owner", 200)),
});

/** A slug may be asked for (an import keeps the one it was exported with); otherwise one is made from the name. */
export const CreateSoftwareInput = SoftwareFields.extend({ slug: optional(slug("URL name")) });
export const UpdateSoftwareInput = SoftwareFields.extend({
  id: uuid("Software"),
  /** Optimistic concurrency: the updatedAt the editor loaded. */
  expectedUpdatedAt: z.string().min(1, "Reload the page and try again"),
});

export const VendorInput = z.object({
  name: requiredLine("Name", 120),
  website: optional(httpUrl("Website")),
});
export const UpdateVendorInput = VendorInput.extend({
  id: uuid("Vendor"),
  certifications: lines("Certifications", 30),
  dpa: z.enum(DPA_STATUSES, { message: "Choose the DPA status" }).default("unknown"),
  dataResidency: line("Data residency", 300).default(""),
  subprocessors: lines("Sub-processors", 100),
});

export const EditionInput = z.object({
  softwareId: uuid("Software"),
  name: requiredLine("Edition name", 80),
  description: paragraph("Description", 1000).default(""),
  /** Default: made from the name. An import keeps the slug the edition was exported with. */
  slug: optional(slug("Edition URL name")),
});

export const UpdateEditionInput = z.object({
  id: uuid("Edition"),
  name: requiredLine("Edition name", 80),
  description: paragraph("Description", 1000).default(""),
});

export const IdentifierInput = z
  .object({
    softwareId: uuid("Software"),
    editionId: optional(uuid("Edition")),
    type: z.enum(IDENTIFIER_TYPES, { message: "Choose an identifier type" }),
    value: requiredLine("Value", 300),
  })
  .transform((input, ctx) => {
    const normalised = normaliseIdentifier(input.type, input.value);
    if (!normalised) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `Not a valid ${input.type.replace("_", " ")} identifier` });
      return z.NEVER;
    }
    return { ...input, value: normalised };
  });

export const RemoveInput = z.object({ id: uuid("Item") });

/** A decision's own fields, shared by the form (ClassificationInput) and the catalogue import. */
export const DecisionFields = {
  status: z.enum(STATUSES, { message: "Choose a status" }),
  maxDataClass: optional(z.enum(DATA_CLASSES, { message: "Choose a data class" })),
  rationale: paragraph("Rationale", 4000).refine((v) => v.length >= 10, "Rationale is required: say why, in at least 10 characters"),
  reviewDueOn: optional(isoDate("Review due date")),
};

export const MAX_CONDITIONS = 20;
export const MAX_CONDITION_CHARS = 300;
export const MAX_ALTERNATIVES = 10;

/** What a decision must say whatever its source: a data class when it permits use, a condition when it has conditions. */
export function decisionRules(input: { status: Status; maxDataClass?: DataClass; conditions: string[] }, ctx: z.RefinementCtx) {
  if (PERMITTING_STATUSES.includes(input.status) && !input.maxDataClass) {
    ctx.addIssue({ code: "custom", path: ["maxDataClass"], message: "Say the highest data class this status allows" });
  }
  if (input.status === "approved_with_conditions" && input.conditions.length === 0) {
    ctx.addIssue({ code: "custom", path: ["conditions"], message: "List at least one condition" });
  }
}

export const ClassificationInput = z
  .object({
    softwareId: uuid("Software"),
    editionId: optional(uuid("Edition")),
    ...DecisionFields,
    /** One condition per line. */
    conditions: paragraph("Conditions", 4000)
      .default("")
      .transform((text) => text.split("\n").map((c) => c.trim()).filter(Boolean))
      .refine((list) => list.length <= MAX_CONDITIONS, `List at most ${MAX_CONDITIONS} conditions.`)
      .refine((list) => list.every((c) => c.length <= MAX_CONDITION_CHARS), `Each condition must be at most ${MAX_CONDITION_CHARS} characters`),
    alternatives: z.array(uuid("Alternative")).max(MAX_ALTERNATIVES, `Choose at most ${MAX_ALTERNATIVES} alternatives.`).default([]),
    /** The completed assessment the decision rests on (default: the latest for its scope). */
    assessmentId: optional(uuid("Assessment")),
  })
  .superRefine((input, ctx) => {
    decisionRules(input, ctx);
    if (input.alternatives.includes(input.softwareId)) {
      ctx.addIssue({ code: "custom", path: ["alternatives"], message: "A tool cannot be its own alternative" });
    }
  })
  .transform((input) => ({
    ...input,
    // A status that allows no use carries no data class.
    maxDataClass: PERMITTING_STATUSES.includes(input.status) ? input.maxDataClass! : null,
  }));
