/**
 * Webhook signing secrets and signatures, Stripe-style. Pure (node:crypto only):
 *
 *   Vetted-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>", keyed by the secret>
 *
 * While a rotated secret is still honoured, a second `v1=` carries the old secret's signature.
 * Receivers verify with verifyWebhookSignature's rule (the README has it as a Node snippet).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** `whsec_` and 43 base64url characters (256 bits). The prefix makes a leaked one easy to find. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9_-]{43}$/;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** What lists show of a secret, to tell which one a receiver has: `whsec_` and 4 characters. */
export function webhookSecretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}

export const SIGNATURE_HEADER = "Vetted-Signature";
/** Receivers should refuse a signature older (or newer) than this: a replayed delivery fails. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** `t=<unix seconds>,v1=<hex>`; one `v1` per secret (the current one first). */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  if (secrets.length === 0) throw new Error("a webhook needs a secret to sign with");
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(",");
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/**
 * What a receiver does: parse the header, refuse a timestamp outside the tolerance, and compare
 * the HMAC of "<t>.<raw body>" with every `v1` in constant time.
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
