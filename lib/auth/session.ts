import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db/client";
import type { Role } from "../domain/vocabulary";
import { findUserById } from "../queries/users";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
}

/**
 * The signed-in user, read fresh from the database on every request so that a role change
 * or deactivation takes effect at once; null when signed out or deactivated.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, managerId: user.managerId };
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return user;
}
