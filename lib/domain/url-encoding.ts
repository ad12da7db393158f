/**
 * Whether every percent-escape of a URL path decodes to UTF-8. Next decodes each dynamic
 * segment with decodeURIComponent and, when that throws (`%FF`, `%C3%28`, a lone surrogate
 * `%ED%A0%80`, a cut-off `%E0%A4%A`), answers a bare 500 without the app's headers; such a
 * path cannot name anything in Vetted, so it is refused before Next tries.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether text is printable ASCII only: what an address Vetted itself builds always is (its
 * paths and queries percent-encoded). A control character, or any character past U+00FF (a
 * `%FF` decodes to U+FFFD), cannot go into a Location header: Node refuses it with a 500.
 */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}
