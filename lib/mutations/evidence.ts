import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { config } from "../config";
import { assessments, evidence, vendors } from "../db/schema";
import { safeFileName, sniffContentType } from "../domain/evidence";
import { NotFound, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { defineMutation } from "../server/guard";
import { writeEvidenceFile } from "../storage/evidence-files";
import { AddEvidenceInput } from "../validation/evidence";

export const addEvidence = defineMutation({
  name: "addEvidence",
  action: "evidence.write",
  input: AddEvidenceInput,
  async run({ tx, actor, input }) {
    let softwareId: string | null = null;
    if (input.assessmentId) {
      const [assessment] = await tx.select({ softwareId: assessments.softwareId }).from(assessments).where(eq(assessments.id, input.assessmentId));
      if (!assessment) throw new NotFound(t("evidence.errors.assessmentGone"));
      softwareId = assessment.softwareId;
    } else {
      const [vendor] = await tx.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, input.vendorId!));
      if (!vendor) throw new NotFound(t("evidence.errors.vendorGone"));
    }
    let file: { fileName: string; contentType: string; size: number; sha256: string; storage: "database" | "directory"; content: Uint8Array | null } | null = null;
    if (input.file) {
      const content = new Uint8Array(await input.file.arrayBuffer());
      const contentType = sniffContentType(content);
      if (!contentType) {
        throw new ValidationFailed(t("evidence.errors.notAccepted"), { file: [t("evidence.errors.notAcceptedField")] });
      }
      const sha256 = createHash("sha256").update(content).digest("hex");
      const { evidenceDir } = config();
      if (evidenceDir) await writeEvidenceFile(evidenceDir, sha256, content);
      file = {
        fileName: safeFileName(input.file.name, contentType),
        contentType,
        size: content.byteLength,
        sha256,
        storage: evidenceDir ? "directory" : "database",
        content: evidenceDir ? null : content,
      };
    }
    const [row] = await tx
      .insert(evidence)
      .values({
        assessmentId: input.assessmentId ?? null,
        vendorId: input.vendorId ?? null,
        title: input.title,
        url: input.url ?? null,
        expiresOn: input.expiresOn ?? null,
        uploadedById: actor.id,
        ...file,
      })
      .returning({ id: evidence.id, title: evidence.title, fileName: evidence.fileName, contentType: evidence.contentType, size: evidence.size, sha256: evidence.sha256, url: evidence.url, expiresOn: evidence.expiresOn });
    return {
      result: row!,
      audit: [{ action: "evidence.added", entityType: "evidence", entityId: row!.id, softwareId, after: { ...row, assessmentId: input.assessmentId ?? null, vendorId: input.vendorId ?? null } }],
    };
  },
});
