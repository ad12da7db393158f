/** Reading an uploaded text file as UTF-8, strictly: bytes in any other encoding are refused, with where they are. */

/**
 * What is wrong with the bytes, as a catalogue key and its values (lib/domain does not word
 * messages): the caller words it, `t(problem.key, problem.values)` (messages/<locale>/encoding.json).
 */
export type EncodingProblem =
  | { key: "encoding.utf16"; values: Record<string, never> }
  | { key: "encoding.notUtf8"; values: { line: string; column: string; byte: string } }
  | { key: "encoding.nulBytes"; values: { line: string } };

export class EncodingError extends Error {
  constructor(
    readonly problem: EncodingProblem,
    readonly line: number | null,
  ) {
    super(problem.key);
    this.name = "EncodingError";
  }
}

/**
 * The text of `bytes`, which must be UTF-8 (a leading byte-order mark is dropped). Latin-1,
 * Windows-1252 or UTF-16 files would otherwise turn "café" into "caf�" without a word, so they
 * are refused, naming the line of the first bad byte.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError({ key: "encoding.utf16", values: {} }, 1);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const { line, column } = position(bytes, offset);
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, "0");
    throw new EncodingError({ key: "encoding.notUtf8", values: { line: String(line), column: String(column), byte } }, line);
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = text.slice(0, nul).split("\n").length;
    throw new EncodingError({ key: "encoding.nulBytes", values: { line: String(line) } }, line);
  }
  return text;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence; -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1]!;
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
