import { z } from "zod";
import { EVIDENCE_MAX_BYTES } from "../domain/evidence";
import { t, tr } from "../i18n/translate";
import { httpUrl, isoDate, optional, requiredLine, uuid } from "./fields";

export const AddEvidenceInput = z
  .object({
    assessmentId: optional(uuid("validation.fields.assessment")),
    vendorId: optional(uuid("validation.fields.vendor")),
    title: requiredLine("validation.fields.title", 200),
    url: optional(httpUrl("validation.fields.link")),
    file: optional(z.instanceof(File, tr("evidence.validation.chooseFile"))),
    expiresOn: optional(isoDate("validation.fields.validUntil")),
  })
  .superRefine((input, ctx) => {
    if (Boolean(input.assessmentId) === Boolean(input.vendorId)) {
      ctx.addIssue({ code: "custom", path: ["title"], message: t("evidence.validation.oneOwner") });
    }
    if (Boolean(input.url) === Boolean(input.file)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: t("evidence.validation.fileOrLink") });
    }
    if (input.file && input.file.size > EVIDENCE_MAX_BYTES) {
      ctx.addIssue({ code: "custom", path: ["file"], message: t("evidence.validation.tooLarge", { megabytes: EVIDENCE_MAX_BYTES / 1024 / 1024 }) });
    }
    if (input.file && input.file.size === 0) ctx.addIssue({ code: "custom", path: ["file"], message: t("evidence.validation.empty") });
  });
