import type { Account } from "next-auth";
import { encode } from "next-auth/jwt";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";

/** next-auth's session cookie over plain http (VETTED_URL in tests is http). */
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * A session cookie as next-auth makes it at a password sign-in: the app's own jwt callback
 * (lib/auth/options.ts) builds the token, next-auth encodes it with the app's secret.
 */
export async function signInCookie(user: Pick<SessionUser, "id" | "email" | "name">): Promise<string> {
  const account: Account = { provider: "credentials", type: "credentials", providerAccountId: user.id };
  const token = await authOptions().callbacks!.jwt!({ token: { sub: user.id, email: user.email, name: user.name }, user: { id: user.id, email: user.email, name: user.name }, account, trigger: "signIn" });
  return encode({ token, secret: config().authSecret, maxAge: 8 * 3600 });
}

/**
 * Runs `work` as Next runs a server action or a route handler for a request that carries
 * `cookie` (or none): `cookies()` and `headers()` (and so getServerSession) read them.
 */
export async function withRequest<T>(cookie: string | null, work: () => Promise<T>, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers = new Headers(extraHeaders);
  if (cookie) headers.set("cookie", `${SESSION_COOKIE}=${cookie}`);
  const cookies = new RequestCookies(headers);
  // …and somewhere for revalidatePath to record what it would revalidate.
  const workStore = { route: "/test", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false, page: "/test", incrementalCache: {}, pendingRevalidatedTags: [] };
  const requestStore = { type: "request", phase: "action", headers, cookies, mutableCookies: cookies, userspaceMutableCookies: cookies, draftMode: undefined, implicitTags: undefined };
  // Only the fields cookies() and headers() read; the rest of Next's store is not needed here.
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore as never, work));
}
