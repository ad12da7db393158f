/**
 * Webhook signing secrets and signatures. Pure (node:crypto only). Every delivery carries two
 * signatures over the same bytes:
 *
 * - Standard Webhooks (https://www.standardwebhooks.com), what receivers should verify:
 *     webhook-id: <the delivery's id, the same on every retry>
 *     webhook-timestamp: <unix seconds of this try>
 *     webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>", keyed by the secret's base64-decoded bytes>
 * - Vetted-Signature, the older Stripe-style header, kept for a transition period (README,
 *   "Verifying webhooks"; WEBHOOK_LEGACY_SIGNATURE=false stops it):
 *     Vetted-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>", keyed by the whole secret string>
 *
 * While a rotated secret is still honoured, each header carries a second signature made with it.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * `whsec_` and the standard base64 of 32 random bytes (256 bits), as the Standard Webhooks
 * libraries take it. The prefix makes a leaked one easy to find.
 */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;
/**
 * Secrets made before Standard Webhooks: the same 32 bytes, written in base64url without padding.
 * They still sign both headers; the standard libraries need them in standard base64
 * (standardWebhookSecret), or the endpoint's secret rotated.
 */
export const LEGACY_WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9_-]{43}$/;

const PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

/** What lists show of a secret, to tell which one a receiver has: `whsec_` and 4 characters. */
export function webhookSecretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}

/**
 * The HMAC key of the Standard Webhooks signature: the bytes after `whsec_`, in either base64
 * alphabet (ours are 32; the specification allows 24 to 64).
 */
export function webhookSigningKey(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : "";
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
  if (key.length < 24 || key.length > 64) throw new Error("not a webhook signing secret (whsec_ and the base64 of 24 to 64 bytes)");
  return key;
}

/** The secret as the Standard Webhooks libraries take it: itself for a current one, the standard base64 of a legacy one's bytes. */
export function standardWebhookSecret(secret: string): string {
  return `${PREFIX}${webhookSigningKey(secret).toString("base64")}`;
}

export const SIGNATURE_HEADER = "Vetted-Signature";
/** Receivers should refuse a signature older (or newer) than this: a replayed delivery fails. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The three Standard Webhooks headers of one try; one `v1,` signature per secret (the current one first), space-separated. */
export function standardWebhookHeaders(secrets: readonly string[], input: { id: string; timestamp: number; body: string }): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  if (secrets.length === 0) throw new Error("a webhook needs a secret to sign with");
  const signed = `${input.id}.${input.timestamp}.${input.body}`;
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(input.timestamp),
    "webhook-signature": secrets.map((s) => `v1,${createHmac("sha256", webhookSigningKey(s)).update(signed, "utf8").digest("base64")}`).join(" "),
  };
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** Vetted-Signature: `t=<unix seconds>,v1=<hex>`; one `v1` per secret (the current one first). */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  if (secrets.length === 0) throw new Error("a webhook needs a secret to sign with");
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(",");
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/**
 * What a receiver of Vetted-Signature does: parse the header, refuse a timestamp outside the
 * tolerance, and compare the HMAC of "<t>.<raw body>" with every `v1` in constant time.
 */
export function verifyWebhookSignature(input: { header: string | null | undefined; body: string; secret: string; nowSeconds: number; toleranceSeconds?: number }): SignatureCheck {
  const parts = (input.header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string | undefined]);
  const t = parts.find(([k]) => k === "t")?.[1];
  const signatures = parts.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v!);
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const timestamp = Number(t);
  if (Math.abs(input.nowSeconds - timestamp) > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return { ok: false, reason: "stale" };
  const expected = Buffer.from(hmac(input.secret, timestamp, input.body), "hex");
  const match = signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
  return match ? { ok: true } : { ok: false, reason: "mismatch" };
}
