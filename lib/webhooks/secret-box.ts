import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "../config";

/**
 * Webhook signing secrets at rest. They must stay usable to sign, so unlike API tokens they cannot
 * be hashed: each is sealed with AES-256-GCM under a key derived (HKDF-SHA256) from
 * WEBHOOK_ENCRYPTION_KEY, or else from AUTH_SECRET, and bound to its endpoint's id (the GCM
 * additional data), so a sealed secret copied onto another endpoint does not open.
 *
 * Stored form: `v1.<iv>.<ciphertext>.<tag>`, each base64url.
 */
const FORMAT = "v1";
const SALT = "vetted/webhook-secrets";
const INFO = "webhook signing secret encryption, v1";

const keys = new Map<string, Buffer>();

function deriveKey(material: string): Buffer {
  let key = keys.get(material);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", material, SALT, INFO, 32));
    keys.clear(); // one installation, one key: never keep more than the one in use
    keys.set(material, key);
  }
  return key;
}

export class WebhookSecretUnreadable extends Error {
  constructor() {
    super("the signing secret cannot be decrypted (was AUTH_SECRET or WEBHOOK_ENCRYPTION_KEY changed?): rotate the endpoint's secret");
    this.name = "WebhookSecretUnreadable";
  }
}

export function sealSecret(material: string, secret: string, endpointId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(material), iv);
  cipher.setAAD(Buffer.from(endpointId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function openSecret(material: string, sealed: string, endpointId: string): string {
  const [format, iv, ciphertext, tag] = sealed.split(".");
  if (format !== FORMAT || !iv || !ciphertext || !tag) throw new WebhookSecretUnreadable();
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(material), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(endpointId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new WebhookSecretUnreadable();
  }
}

/** Seals a secret with this installation's key. */
export function encryptWebhookSecret(secret: string, endpointId: string): string {
  return sealSecret(config().webhooks.encryptionKey.material, secret, endpointId);
}

/** Opens a secret sealed with this installation's key; throws WebhookSecretUnreadable otherwise. */
export function decryptWebhookSecret(sealed: string, endpointId: string): string {
  return openSecret(config().webhooks.encryptionKey.material, sealed, endpointId);
}
