/**
 * Evidence files: what we accept, decided from the bytes, never from the name or the browser's
 * claim. Pure.
 */

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const EVIDENCE_TYPES = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "text/plain": "txt",
} as const;
export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The content type of a file from its first bytes, or null when it is not one we accept.
 * Text must be valid UTF-8 without control characters and must not look like markup (HTML or
 * SVG would render as active content if ever served inline).
 */
export function sniffContentType(bytes: Uint8Array): EvidenceContentType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (bytes.length === 0) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  if (/<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)/i.test(text.slice(0, 4096))) return null;
  return "text/plain";
}

/** A safe file name for Content-Disposition: no paths, no control characters, bounded. */
export function safeFileName(name: string, contentType: EvidenceContentType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFKC").replace(/[\u0000-\u001f\u007f"<>:|?*]/g, "").replace(/^\.+/, "").trim().slice(0, 120);
  const extension = EVIDENCE_TYPES[contentType];
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "evidence";
  return `${stem}.${extension}`;
}
