import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { API } from "@/lib/api/endpoints";
import type { BulkCheckAnswer } from "@/lib/api/responses";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRead, authoriseApi, errorResponse } from "@/lib/server/guard";
import { parseInput } from "@/lib/server/validation";
import { bulkCheck, itemsFromRequestBody } from "@/lib/services/bulk-check";
import { checkSoftware } from "@/lib/services/verdicts";
import { BULK_CHECK_MAX_BYTES } from "@/lib/validation/api";
import { now } from "@/lib/clock";

// A person's own exception grants count (the same answer as their software page); a token has none.
export const GET = apiRead(API.checkOne, ({ db, query, user }) => checkSoftware(db, query, config().baseUrl, now(), user?.id));

class PayloadTooLarge extends AppError {
  constructor() {
    super(`The body is larger than ${BULK_CHECK_MAX_BYTES / 1024 / 1024} MB.`, 413);
  }
}

/**
 * Bulk check: up to 1,000 names or identifiers, or a package.json, package-lock.json,
 * requirements.txt or CycloneDX JSON SBOM → a verdict per item and a summary (README,
 * "Bulk and SBOM checks"). A session or a token with check:read, authorised before the body is read.
 */
export async function POST(request: NextRequest) {
  try {
    const db = await getDb();
    const { user } = await authoriseApi(request, db, API.checkBulk.access);
    const query = parseInput(API.checkBulk.query, Object.fromEntries(request.nextUrl.searchParams));
    const text = await readBodyText(request, BULK_CHECK_MAX_BYTES);
    const { format, items } = itemsFromRequestBody(text, request.headers.get("content-type") ?? "", query.dataClass);
    const body: z.input<typeof BulkCheckAnswer> = await bulkCheck(db, items, { baseUrl: config().baseUrl, now: now(), userId: user?.id, format });
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The body as UTF-8 text, refused (413) as soon as it passes `limit` bytes, whatever Content-Length claims. */
async function readBodyText(request: NextRequest, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new PayloadTooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
