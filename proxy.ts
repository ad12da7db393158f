import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "./lib/config";
import { isVettedOrigin, PATH_HEADER, wrongAddressMessage } from "./lib/server/client-address";
import { contentSecurityPolicy, newNonce } from "./lib/server/content-security-policy";
import { FORM_POST_MAX_BYTES, FORM_POST_TOO_LARGE_MESSAGE } from "./lib/domain/uploads";
import { isDecodablePath, isPrintableAscii } from "./lib/domain/url-encoding";

/**
 * Deny by default: every path but sign-in, the auth endpoints, the health check and the API's
 * OpenAPI description (which holds no data) needs a session (or, for /api/v1, a bearer token,
 * which the handler itself verifies; for /scim/v2, always a bearer token, verified by SCIM's own door,
 * lib/scim/http.ts). Pages and API handlers check the session and the role
 * again themselves; this is only the outer fence.
 */
const PUBLIC_PATHS = [/^\/signin$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/v1\/openapi\.json$/];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** SCIM provisioning (lib/scim): its own door takes a bearer token of scope scim and nothing else. */
function isScimPath(pathname: string): boolean {
  return pathname === "/scim/v2" || pathname.startsWith("/scim/v2/");
}

/**
 * A path whose percent-encoding is not UTF-8 names nothing here: 404 (JSON for /api, the app's
 * not-found page otherwise), before Next's own decoding would fail with a bare 500.
 */
function undecodablePath(request: NextRequest, requestHeaders: Headers): NextResponse {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { status: 404, message: "There is nothing at this address: its percent-encoding is not valid UTF-8." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  return NextResponse.rewrite(new URL("/_undecodable-address", request.url), { request: { headers: requestHeaders } });
}

/**
 * A form post (a server action) larger than any form takes is refused before its body is read:
 * 413 with the form's message (as text/plain, which React shows as the action's error), and
 * 411 for a body without a declared length, which Next would otherwise cut off mid-form.
 */
function formPostRefusal(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/") || isScimPath(request.nextUrl.pathname)) return null;
  const declared = request.headers.get("content-length");
  if (declared === null) {
    if (!request.headers.has("transfer-encoding")) return null;
    return new NextResponse("A form must be sent with its length (Content-Length).", { status: 411, headers: { "Content-Type": "text/plain" } });
  }
  if (Number(declared) <= FORM_POST_MAX_BYTES) return null;
  return new NextResponse(FORM_POST_TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain", Connection: "close" } });
}

export async function proxy(request: NextRequest) {
  const refusal = refuseForeignChange(request);
  if (refusal) return refusal;
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, appConfig().nodeEnv === "development");
  // Next reads the nonce for its own scripts from the request's policy; pages may read x-nonce.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = await fence(request, requestHeaders);
  // Evidence downloads set their own, stricter policy (sandboxed, nothing allowed).
  if (!request.nextUrl.pathname.startsWith("/api/evidence/")) response.headers.set("Content-Security-Policy", policy);
  return response;
}

async function fence(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  if (!isDecodablePath(pathname)) return undecodablePath(request, requestHeaders);
  const refusal = formPostRefusal(request);
  if (refusal) return refusal;
  // A callbackUrl this app made is percent-encoded ASCII. Anything else (a newline, a %FF that
  // decodes to U+FFFD) would end up in a Location header, which Node refuses with a 500: sign-in
  // without one instead. Where a valid callbackUrl may lead is the sign-in page's own rule.
  if (pathname === "/signin" && !isPrintableAscii(request.nextUrl.searchParams.get("callbackUrl") ?? "")) {
    return NextResponse.redirect(new URL("/signin", request.url));
  }
  if (PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) return next();
  const token = await getToken({ req: request, secret: appConfig().authSecret });
  if (token?.uid) return next();
  // Machines present a bearer token to the JSON API; its handlers verify it (lib/auth/api-tokens.ts).
  if (pathname.startsWith("/api/v1/") && /^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return next();
  // SCIM takes a bearer token only, and answers its absence itself, in SCIM's shape (lib/scim/http.ts).
  if (isScimPath(pathname)) return next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { status: 401, message: "Sign in first." } }, { status: 401 });
  }
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

/**
 * A change to a page (a server action, a form post) must come from VETTED_URL's own scheme,
 * host and port. Next's own check compares the host alone and answers a mismatch with a 500;
 * this one answers 403, saying where Vetted is. Browsers send Origin with every such request;
 * a request without one (curl, a script) carries no one else's cookies. The JSON API's writes
 * are checked by their own door (assertSameOrigin in lib/server/guard.ts).
 */
function refuseForeignChange(request: NextRequest): NextResponse | null {
  // SCIM reads no cookie (a bearer token only), so no browser can be made to change anything there.
  if (SAFE_METHODS.has(request.method) || request.nextUrl.pathname.startsWith("/api/") || isScimPath(request.nextUrl.pathname)) return null;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin === null ? !site || site === "same-origin" : isVettedOrigin(origin)) return null;
  return new NextResponse(`This change did not come from Vetted's own address. ${wrongAddressMessage()}`, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Not the import upload: while the proxy runs, Next buffers a request's body for it and reads
 * the whole of it before the handler sees any, so a 50 MB upload would be received in full
 * before its 413. Its handler (apiMutation) authenticates first and reads at most 10 MB.
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/catalogue/import$).*)"],
};
