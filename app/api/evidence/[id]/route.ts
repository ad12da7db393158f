import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { getEvidenceFile } from "@/lib/queries/assessments";
import { authorise, errorResponse } from "@/lib/server/guard";
import { uuid } from "@/lib/validation/fields";

/**
 * Downloads an evidence file, for reviewers and admins only. Always as an attachment, with the
 * sniffed type, no sniffing by the browser, and a sandboxing CSP in case it is opened anyway.
 */
export async function GET(_request: NextRequest, context: { params: Promise<{ id: string }> }) {
  try {
    authorise(await getSessionUser(), "evidence.read");
    const { id } = await context.params;
    const file = uuid("Evidence").safeParse(id).success ? await getEvidenceFile(await getDb(), id) : undefined;
    if (!file) throw new NotFound("No such evidence file.");
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
  } catch (error) {
    return errorResponse(error);
  }
}
