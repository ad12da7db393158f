import { z } from "zod";
import { normaliseIdentifier } from "../domain/identifiers";
import { DATA_CLASSES, DPA_STATUSES, IDENTIFIER_TYPES, KINDS, PERMITTING_STATUSES, STATUSES, type DataClass, type Status } from "../domain/vocabulary";
import { t, tr } from "../i18n/translate";
import { httpUrl, isoDate, line, lines, optional, paragraph, requiredLine, slug, uuid } from "./fields";

/** Shared by the forms (client) and the mutations (server). */

export const SoftwareFields = z.object({
  name: requiredLine("catalogue.fields.name", 120),
  vendorId: optional(uuid("catalogue.fields.vendor")),
  kind: z.enum(KINDS, tr("catalogue.validation.chooseKind")),
  category: requiredLine("catalogue.fields.category", 60),
  description: paragraph("catalogue.fields.description", 4000).default(""),
  homepage: optional(httpUrl("catalogue.fields.homepage")),
  owner: optional(line("catalogue.fields.internalOwner", 200)),
});

/** A slug may be asked for (an import keeps the one it was exported with); otherwise one is made from the name. */
export const CreateSoftwareInput = SoftwareFields.extend({ slug: optional(slug("catalogue.fields.urlName")) });
export const UpdateSoftwareInput = SoftwareFields.extend({
  id: uuid("catalogue.fields.software"),
  /** Optimistic concurrency: the updatedAt the editor loaded. */
  expectedUpdatedAt: z.string().min(1, tr("catalogue.validation.reload")),
});

export const VendorInput = z.object({
  name: requiredLine("catalogue.fields.name", 120),
  website: optional(httpUrl("catalogue.fields.website")),
});
export const UpdateVendorInput = VendorInput.extend({
  id: uuid("catalogue.fields.vendor"),
  certifications: lines("catalogue.fields.certifications", 30),
  dpa: z.enum(DPA_STATUSES, tr("catalogue.validation.chooseDpa")).default("unknown"),
  dataResidency: line("catalogue.fields.dataResidency", 300).default(""),
  subprocessors: lines("catalogue.fields.subprocessors", 100),
});

export const EditionInput = z.object({
  softwareId: uuid("catalogue.fields.software"),
  name: requiredLine("catalogue.fields.editionName", 80),
  description: paragraph("catalogue.fields.description", 1000).default(""),
  /** Default: made from the name. An import keeps the slug the edition was exported with. */
  slug: optional(slug("catalogue.fields.editionUrlName")),
});

export const UpdateEditionInput = z.object({
  id: uuid("catalogue.fields.edition"),
  name: requiredLine("catalogue.fields.editionName", 80),
  description: paragraph("catalogue.fields.description", 1000).default(""),
});

export const IdentifierInput = z
  .object({
    softwareId: uuid("catalogue.fields.software"),
    editionId: optional(uuid("catalogue.fields.edition")),
    type: z.enum(IDENTIFIER_TYPES, tr("catalogue.validation.chooseIdentifierType")),
    value: requiredLine("catalogue.fields.value", 300),
  })
  .transform((input, ctx) => {
    const normalised = normaliseIdentifier(input.type, input.value);
    if (!normalised) {
      ctx.addIssue({ code: "custom", path: ["value"], message: t("catalogue.validation.invalidIdentifier", { type: input.type }) });
      return z.NEVER;
    }
    return { ...input, value: normalised };
  });

export const RemoveInput = z.object({ id: uuid("catalogue.fields.item") });

/** A decision's own fields, shared by the form (ClassificationInput) and the catalogue import. */
export const DecisionFields = {
  status: z.enum(STATUSES, tr("catalogue.validation.chooseStatus")),
  maxDataClass: optional(z.enum(DATA_CLASSES, tr("catalogue.validation.chooseDataClass"))),
  rationale: paragraph("catalogue.fields.rationale", 4000).refine((v) => v.length >= 10, tr("catalogue.validation.rationaleRequired")),
  reviewDueOn: optional(isoDate("catalogue.fields.reviewDueDate")),
};

export const MAX_CONDITIONS = 20;
export const MAX_CONDITION_CHARS = 300;
export const MAX_ALTERNATIVES = 10;

/** What a decision must say whatever its source: a data class when it permits use, a condition when it has conditions. */
export function decisionRules(input: { status: Status; maxDataClass?: DataClass; conditions: string[] }, ctx: z.RefinementCtx) {
  if (PERMITTING_STATUSES.includes(input.status) && !input.maxDataClass) {
    ctx.addIssue({ code: "custom", path: ["maxDataClass"], message: t("catalogue.validation.sayDataClass") });
  }
  if (input.status === "approved_with_conditions" && input.conditions.length === 0) {
    ctx.addIssue({ code: "custom", path: ["conditions"], message: t("catalogue.validation.listCondition") });
  }
}

export const ClassificationInput = z
  .object({
    softwareId: uuid("catalogue.fields.software"),
    editionId: optional(uuid("catalogue.fields.edition")),
    ...DecisionFields,
    /** One condition per line. */
    conditions: paragraph("catalogue.fields.conditions", 4000)
      .default("")
      .transform((text) => text.split("\n").map((c) => c.trim()).filter(Boolean))
      .refine((list) => list.length <= MAX_CONDITIONS, tr("catalogue.validation.maxConditions", { max: MAX_CONDITIONS }))
      .refine((list) => list.every((c) => c.length <= MAX_CONDITION_CHARS), tr("catalogue.validation.conditionTooLong", { max: MAX_CONDITION_CHARS })),
    alternatives: z.array(uuid("catalogue.fields.alternative")).max(MAX_ALTERNATIVES, tr("catalogue.validation.maxAlternatives", { max: MAX_ALTERNATIVES })).default([]),
    /** The completed assessment the decision rests on (default: the latest for its scope). */
    assessmentId: optional(uuid("catalogue.fields.assessment")),
  })
  .superRefine((input, ctx) => {
    decisionRules(input, ctx);
    if (input.alternatives.includes(input.softwareId)) {
      ctx.addIssue({ code: "custom", path: ["alternatives"], message: t("catalogue.validation.ownAlternative") });
    }
  })
  .transform((input) => ({
    ...input,
    // A status that allows no use carries no data class.
    maxDataClass: PERMITTING_STATUSES.includes(input.status) ? input.maxDataClass! : null,
  }));
