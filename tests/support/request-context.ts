import type { SessionUser } from "@/lib/auth/session";
import { signInCookie, withRequest } from "./session";

/**
 * Runs `fn` as Next runs a server action: inside a request whose cookie is a real session
 * token, made by the app's own jwt callback and sealed with AUTH_SECRET as at sign-in.
 * `getSessionUser()` then reads it through next/headers and looks the user up in the database,
 * exactly as in production; nothing about authentication is stubbed. `user` null: anonymous.
 */
export async function inRequestAs<T>(user: SessionUser | null, fn: () => Promise<T>): Promise<T> {
  return withRequest(user ? await signInCookie(user) : null, fn);
}
