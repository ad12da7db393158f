/**
 * Where a person may be sent after signing in: a path on Vetted itself, never another origin.
 * Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil.example"
 * or "/\evil.example" in a Location header leads off-site; percent-encoded forms of those may be
 * decoded by someone on the way. Anything that is not plainly a path of this origin becomes "/".
 */
const FALLBACK = "/";
const BASE = "http://vetted.invalid";
/** Encoded layers we look through; more than this is refused outright. */
const MAX_DECODING_ROUNDS = 4;

export function safeCallbackPath(raw: unknown, baseUrl?: string): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return FALLBACK;
  const candidate = baseUrl ? relativeToOrigin(value, baseUrl) : value;
  if (candidate === null || !looksLikeOwnPath(candidate)) return FALLBACK;
  // Normalise through the URL parser (dot segments, say) and check the result again: "/.//x" becomes "//x".
  let resolved: URL;
  try {
    resolved = new URL(candidate, BASE);
  } catch {
    return FALLBACK;
  }
  if (resolved.origin !== BASE) return FALLBACK;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return looksLikeOwnPath(path) ? path : FALLBACK;
}

/** An absolute URL of this origin becomes its path; any other absolute URL (javascript:, another host) is refused. */
function relativeToOrigin(value: string, baseUrl: string): string | null {
  if (value.startsWith("/")) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== new URL(baseUrl).origin || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Starts with one slash, and no spelling of it, in any layer of percent-encoding, hides a control character or a second slash. */
function looksLikeOwnPath(value: string): boolean {
  let layer = value;
  for (let round = 0; round <= MAX_DECODING_ROUNDS; round++) {
    if (!layer.startsWith("/") || /^\/[/\\]/.test(layer) || /[\u0000-\u001f\u007f\\]/.test(layer)) return false;
    if (!layer.includes("%")) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return false;
    }
    if (decoded === layer) return true;
    layer = decoded;
  }
  return false;
}
