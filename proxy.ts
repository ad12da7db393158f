import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "./lib/config";

/**
 * Deny by default: every path but sign-in, the auth endpoints, the health check and the API's
 * OpenAPI description (which holds no data) needs a session (or, for /api/v1, a bearer token,
 * which the handler itself verifies). Pages and API handlers check the session and the role
 * again themselves; this is only the outer fence.
 */
const PUBLIC_PATHS = [/^\/signin$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/v1\/openapi\.json$/];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) return NextResponse.next();
  const token = await getToken({ req: request, secret: appConfig().authSecret });
  if (token?.uid) return NextResponse.next();
  // Machines present a bearer token to the JSON API; its handlers verify it (lib/auth/api-tokens.ts).
  if (pathname.startsWith("/api/v1/") && /^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { status: 401, message: "Sign in first." } }, { status: 401 });
  }
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

/**
 * Not the import upload: while the proxy runs, Next buffers a request's body for it and reads
 * the whole of it before the handler sees any, so a 50 MB upload would be received in full
 * before its 413. Its handler (apiMutation) authenticates first and reads at most 10 MB.
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/catalogue/import$).*)"],
};
