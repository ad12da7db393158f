import "server-only";
import type { NextRequest } from "next/server";
import { PayloadTooLarge } from "../errors";

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
