import { z } from "zod";
import { EVIDENCE_MAX_BYTES } from "../domain/evidence";
import { httpUrl, isoDate, optional, requiredLine, uuid } from "./fields";

export const AddEvidenceInput = z
  .object({
    assessmentId: optional(uuid("Assessment")),
    vendorId: optional(uuid("Vendor")),
    title: requiredLine("Title", 200),
    url: optional(httpUrl("Link")),
    file: optional(z.instanceof(File, { message: "Choose a file" })),
    expiresOn: optional(isoDate("Valid until")),
  })
  .superRefine((input, ctx) => {
    if (Boolean(input.assessmentId) === Boolean(input.vendorId)) {
      ctx.addIssue({ code: "custom", path: ["title"], message: "Evidence belongs to one assessment or one vendor" });
    }
    if (Boolean(input.url) === Boolean(input.file)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "Attach a file or give a link (one of the two)" });
    }
    if (input.file && input.file.size > EVIDENCE_MAX_BYTES) {
      ctx.addIssue({ code: "custom", path: ["file"], message: `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` });
    }
    if (input.file && input.file.size === 0) ctx.addIssue({ code: "custom", path: ["file"], message: "The file is empty" });
  });
