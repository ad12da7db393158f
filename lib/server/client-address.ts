import { config } from "../config";
import { isInRanges, normaliseAddress, resolveClientAddress } from "../domain/client-address";
import { t } from "../i18n/translate";

/**
 * Where a request came from and which address of Vetted the browser used, for sign-in limits,
 * origin checks and logs. One module, so that every reader trusts the same headers.
 *
 * Next.js gives route handlers no socket, and `next start` only fills X-Forwarded-For,
 * -Host and -Proto when the client did not send them (`??=` in base-server.js): as they
 * arrive, every one of them is the client's to choose. So the server records the socket's
 * peer itself in PEER_ADDRESS_HEADER, after removing any copy a client sent, and removes the
 * X-Forwarded-* headers of every peer that is not a trusted proxy before Next sees the
 * request (lib/server/peer-address-recorder.ts, installed from instrumentation.ts).
 */
export const PEER_ADDRESS_HEADER = "x-vetted-peer-address";

/** The path and query of the page being rendered, set by proxy.ts for the layout (the address banner's link). */
export const PATH_HEADER = "x-vetted-path";

/** Header names that only a trusted proxy may set. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

export function isTrustedProxy(peer: string | null | undefined): boolean {
  const address = normaliseAddress(peer);
  return address !== null && isInRanges(address, config().trustedProxies);
}

/** The client's address, or "unknown" when the server recorded no peer (then all such requests share one limit). */
export function clientAddress(headers: HeaderSource): string {
  return (
    resolveClientAddress({
      peer: header(headers, PEER_ADDRESS_HEADER),
      forwardedFor: header(headers, "x-forwarded-for"),
      trustedProxies: config().trustedProxies,
    }) ?? "unknown"
  );
}

/**
 * The origin the browser used to reach this server (scheme and host). The forwarded headers
 * here are a trusted proxy's or Next's own (from the socket), never a client's: see above.
 */
export function requestOrigin(headers: HeaderSource): string | null {
  const host = (header(headers, "x-forwarded-host") ?? header(headers, "host"))?.split(",")[0]?.trim();
  const proto = header(headers, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() ?? "http";
  if (!host || (proto !== "http" && proto !== "https")) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

export function vettedOrigin(): string {
  return new URL(config().baseUrl).origin;
}

/** True when an Origin header names exactly VETTED_URL's scheme, host and port. */
export function isVettedOrigin(origin: string | null): boolean {
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === vettedOrigin();
  } catch {
    return false;
  }
}

/** What a refused change tells the person, in their language (the browser's banner says it with ui.address.openVettedAt). */
export function wrongAddressMessage(): string {
  return t("api.openVettedAt", { origin: vettedOrigin() });
}
