/**
 * The Content-Security-Policy of every page, set per response by proxy.ts with a fresh nonce.
 * Scripts run only with that nonce — Next puts it on its own scripts when it finds it in the
 * request's policy — and 'strict-dynamic' lets those load the app's chunks; no inline script
 * without the nonce, nothing from elsewhere. Styles keep 'unsafe-inline': React renders
 * `style` attributes (the charts' sizes and colours, progress bars) that a nonce cannot cover,
 * and a style cannot run code. Development also needs 'unsafe-eval' (React's debugging).
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** 128 random bits, base64: a new one for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
