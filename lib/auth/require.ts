import "server-only";
import { forbidden } from "next/navigation";
import { can, type Action } from "../domain/policy";
import { requireUser, type SessionUser } from "./session";

/** For pages: the signed-in user if their role may do `action`; otherwise a 403 page. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, action)) forbidden();
  return user;
}
