import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { ROLES } from "../domain/vocabulary";
import { findUserByEmail, normaliseEmail } from "../queries/users";
import { defineMutation, runAsSystem } from "../server/guard";

/** What a single sign-on tells us about the person, already mapped (groups → role). */
export const SsoSignInInput = z.object({
  subject: z.string().min(1).max(255),
  email: z.string().trim().max(320).pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  roleFromGroups: z.enum(ROLES).nullable(),
});
export type SsoClaims = z.input<typeof SsoSignInInput>;

/** Whether a sign-in would change nothing about `user`: the same subject, and the role the groups give (or none). */
function upToDate(user: User, claims: SsoClaims): boolean {
  return user.ssoSubject === claims.subject && user.role === (claims.roleFromGroups ?? user.role);
}

/**
 * The user behind an SSO sign-in, created on first sign-in. The role follows the IdP's groups
 * when they map to a role; otherwise the stored role (employee at creation) stays. The system
 * actor does it (no session exists yet), through the door, audited, at the app's time.
 */
export const recordSsoUser = defineMutation({
  name: "recordSsoUser",
  action: "users.sso_sync",
  input: SsoSignInInput,
  async run({ tx, input, now }) {
    const email = normaliseEmail(input.email);
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).for("update");
    if (!existing) {
      const [created] = await tx
        .insert(users)
        .values({ email, name: input.name, role: input.roleFromGroups ?? "employee", ssoSubject: input.subject, createdAt: now, updatedAt: now })
        .returning();
      return {
        result: created!,
        audit: [{ action: "user.created", entityType: "user", entityId: created!.id, after: { email, role: created!.role }, reason: "first single sign-on" }],
      };
    }
    // Someone else's sign-in made the same change meanwhile: nothing to record.
    if (upToDate(existing, input)) return { result: existing, audit: [] };
    const role = input.roleFromGroups ?? existing.role;
    // A new role ends the person's other sessions, as an admin's role change does.
    const sessionVersion = role === existing.role ? existing.sessionVersion : existing.sessionVersion + 1;
    const [updated] = await tx.update(users).set({ ssoSubject: input.subject, role, sessionVersion, updatedAt: now }).where(eq(users.id, existing.id)).returning();
    return {
      result: updated!,
      audit: [
        {
          action: "user.sso_synced",
          entityType: "user",
          entityId: existing.id,
          before: { role: existing.role, ssoSubject: existing.ssoSubject },
          after: { role, ssoSubject: input.subject },
          reason: "single sign-on",
        },
      ],
    };
  },
});

/** The user for a single sign-on: read as it is when nothing changes, else recorded by recordSsoUser. */
export async function signInWithSso(db: Db, claims: SsoClaims): Promise<User> {
  const known = await findUserByEmail(db, claims.email);
  if (known && upToDate(known, claims)) return known;
  return runAsSystem(recordSsoUser, claims, db);
}
