import "server-only";
import { createHash } from "node:crypto";
import type { IdempotencyScope } from "../db/idempotency";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from "../domain/idempotency";
import { ValidationFailed } from "../errors";
import { t } from "../i18n/translate";

/**
 * `Idempotency-Key` on API writes (draft-ietf-httpapi-idempotency-key-header): a client that got
 * no answer — a timeout, an outage, a dropped connection — retries with the same key and gets the
 * first answer, status and body, instead of the write applied twice. The header is read here; the
 * answers are kept by lib/db/idempotency.ts, in the write's own transaction (lib/server/guard.ts).
 */

/** The request's key, or null when it sent none; a malformed one (or two of them) is refused with 400. */
export function readIdempotencyKey(headers: Headers): string | null {
  const raw = headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return null;
  // The draft sends the key as a structured-field string, in double quotes; bare keys are accepted too.
  const key = /^"[^"]*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    const rule = t("api.idempotency.rule");
    throw new ValidationFailed(t("api.idempotency.badKey", { header: IDEMPOTENCY_HEADER, rule }), { [IDEMPOTENCY_HEADER]: [t("api.idempotency.badKeyField", { rule })] });
  }
  return key;
}

/** Whose key, what request: a key is the caller's own, and stands for one request (method, path, query, content type, body). */
export function idempotencyScope(key: string, caller: { userId: string; tokenId: string | null }, request: { method: string; url: URL; contentType: string; body: Uint8Array }): IdempotencyScope {
  const hash = createHash("sha256");
  for (const part of [request.method, request.url.pathname, request.url.search, request.contentType]) hash.update(`${part}\n`);
  hash.update(request.body);
  return { caller: caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.userId}`, key, requestHash: hash.digest("hex") };
}

