/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header): what a key may look like and how
 * long its answer is kept. Read by the door (lib/server/idempotency.ts), the store
 * (lib/db/idempotency.ts) and the API reference (lib/api/openapi.ts).
 */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_KEY_HOURS = 24;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._~:+/=-]{1,255}$/;
export const IDEMPOTENCY_KEY_RULE = "1–255 characters: letters, digits and - _ . ~ : + / = (a random UUID is a good key)";
