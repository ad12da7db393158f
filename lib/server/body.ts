import "server-only";
import type { NextRequest } from "next/server";
import { EncodingError, decodeUtf8Strict } from "../domain/utf8";
import { PayloadTooLarge, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";

/**
 * A request body's bytes, refused (413) as soon as it passes `limit` bytes, whatever
 * Content-Length claims: a declared size over the limit is refused before anything is read,
 * and a body streamed without one is read only until it passes the limit.
 */
export async function readBodyBytes(request: NextRequest, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new PayloadTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A request body as text, at most `limit` bytes (see readBodyBytes), decoded strictly as UTF-8:
 * a Latin-1 or UTF-16 file is refused (400) naming the line of its first bad byte, rather than
 * read with replacement characters that would silently match nothing.
 */
export async function readBodyText(request: NextRequest, limit: number): Promise<string> {
  const bytes = await readBodyBytes(request, limit);
  try {
    return decodeUtf8Strict(bytes);
  } catch (error) {
    if (error instanceof EncodingError) {
      const message = t(error.problem.key, error.problem.values);
      throw new ValidationFailed(message, { body: [message] });
    }
    throw error;
  }
}
