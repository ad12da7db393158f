import type { z } from "zod";
import { API } from "@/lib/api/endpoints";
import type { BulkCheckAnswer } from "@/lib/api/responses";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { apiRead } from "@/lib/server/guard";
import { bulkCheck, itemsFromRequestBody } from "@/lib/services/bulk-check";
import { checkSoftware } from "@/lib/services/verdicts";
import { BULK_CHECK_MAX_BYTES } from "@/lib/validation/api";

// A person's own exception grants count (the same answer as their software page); a token has none.
export const GET = apiRead(API.checkOne, ({ db, query, user }) => checkSoftware(db, query, config().baseUrl, now(), user?.id));

/**
 * Bulk check: up to 1,000 names or identifiers, or a package.json, package-lock.json,
 * requirements.txt or CycloneDX JSON SBOM → a verdict per item and a summary (README,
 * "Bulk and SBOM checks"). A session or a token with check:read, authorised before the body is
 * read; the body must be UTF-8 (a Latin-1 file is refused naming its line).
 */
export const POST = apiRead({ ...API.checkBulk, maxBodyBytes: BULK_CHECK_MAX_BYTES }, async ({ db, query, user, bodyText, contentType }) => {
  const { format, items } = itemsFromRequestBody(await bodyText(), contentType, query.dataClass);
  const body: z.input<typeof BulkCheckAnswer> = await bulkCheck(db, items, { baseUrl: config().baseUrl, now: now(), userId: user?.id, format });
  return body;
});
