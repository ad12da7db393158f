import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db/client";
import type { SessionUser } from "../domain/policy";
import { findUserById } from "../queries/users";
import { authOptions } from "./options";

export type { SessionUser } from "../domain/policy";

/**
 * The signed-in user, read fresh from the database on every request so that a role change
 * or deactivation takes effect at once; null when signed out or deactivated, or when the
 * session is older than the user's session version (signed out, everywhere, since; or their
 * role or account changed): a saved cookie does not outlive a sign-out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  if (!user || !user.active || !sessionIsCurrent(session.user?.sessionVersion, user.sessionVersion)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, managerId: user.managerId, locale: user.locale };
});

/** A session is current when it was signed in at the user's session version (a session from before versions were kept counts as 0). */
export function sessionIsCurrent(sessionVersion: number | undefined, userVersion: number): boolean {
  return (sessionVersion ?? 0) === userVersion;
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return user;
}
