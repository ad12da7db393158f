import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { API } from "@/lib/api/endpoints";
import type { BulkCheckAnswer } from "@/lib/api/responses";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { readBodyBytes } from "@/lib/server/body";
import { apiRead, authoriseApi, errorResponse } from "@/lib/server/guard";
import { parseInput } from "@/lib/server/validation";
import { bulkCheck, itemsFromRequestBody } from "@/lib/services/bulk-check";
import { checkSoftware } from "@/lib/services/verdicts";
import { BULK_CHECK_MAX_BYTES } from "@/lib/validation/api";
import { now } from "@/lib/clock";

// A person's own exception grants count (the same answer as their software page); a token has none.
export const GET = apiRead(API.checkOne, ({ db, query, user }) => checkSoftware(db, query, config().baseUrl, now(), user?.id));

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
    const text = new TextDecoder("utf-8").decode(await readBodyBytes(request, BULK_CHECK_MAX_BYTES));
    const { format, items } = itemsFromRequestBody(text, request.headers.get("content-type") ?? "", query.dataClass);
    const body: z.input<typeof BulkCheckAnswer> = await bulkCheck(db, items, { baseUrl: config().baseUrl, now: now(), userId: user?.id, format });
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
