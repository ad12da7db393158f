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

/** C0 control characters and DEL: never part of an address Vetted sends anyone to. */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(text);
}
