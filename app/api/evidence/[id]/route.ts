import { NextResponse } from "next/server";
import { z } from "zod";
import { NotFound } from "@/lib/errors";
import { t } from "@/lib/i18n/translate";
import { getEvidenceFile } from "@/lib/queries/assessments";
import { apiRead } from "@/lib/server/guard";
import { uuid } from "@/lib/validation/fields";

/**
 * Downloads an evidence file, for reviewers and admins only (a session: no API token reads
 * evidence). Always as an attachment, with the sniffed type, no sniffing by the browser, and a
 * sandboxing CSP in case it is opened anyway.
 */
export const GET = apiRead({ access: { action: "evidence.read" }, query: z.object({}), params: z.object({ id: z.string() }) }, async ({ db, params }) => {
  const file = uuid("api.params.evidence").safeParse(params.id).success ? await getEvidenceFile(db, params.id) : undefined;
  if (!file) throw new NotFound(t("api.noEvidence"));
  return new NextResponse(Buffer.from(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
});
