import "./next-async-storage";
import { encode } from "next-auth/jwt";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Runs `fn` as Next runs a server action: inside a request whose cookie is a real session
 * token, sealed with AUTH_SECRET as next-auth seals it at sign-in. `getSessionUser()` then
 * reads it through next/headers and looks the user up in the database, exactly as in
 * production; nothing about authentication is stubbed. `user` null: an anonymous request.
 */
export async function inRequestAs<T>(user: SessionUser | null, fn: () => Promise<T>): Promise<T> {
  const headers = new Headers();
  if (user) {
    const token = await encode({ token: { sub: user.id, uid: user.id, email: user.email, name: user.name }, secret: process.env.AUTH_SECRET! });
    headers.set("cookie", `next-auth.session-token=${token}`);
  }
  const url = new URL("http://vetted.test/");
  const requestStore = createRequestStoreForAPI({ headers } as never, url, { tags: [], expirationsByCacheKind: new Map() } as never, undefined, undefined as never, undefined);
  // What Next's work store holds for a server action that the code under test touches: the
  // route, and somewhere for revalidatePath to record what it would revalidate.
  const workStore = { route: "/", page: "/", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false, incrementalCache: {}, pendingRevalidatedTags: [] } as never;
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}
