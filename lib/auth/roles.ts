import { ROLE_PRECEDENCE } from "../domain/policy";
import type { Role } from "../domain/vocabulary";

/** The most capable role any of the user's SSO groups maps to; null when none maps. */
export function roleFromGroups(claim: unknown, roleGroups: ReadonlyMap<string, Role>): Role | null {
  const groups = Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[,\s]+/) : [];
  let best: Role | null = null;
  for (const group of groups) {
    if (typeof group !== "string") continue;
    const role = roleGroups.get(group);
    if (role && (best === null || ROLE_PRECEDENCE.indexOf(role) > ROLE_PRECEDENCE.indexOf(best))) best = role;
  }
  return best;
}
