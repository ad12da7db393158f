import "server-only";
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "../db/audit";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import type { Role } from "../domain/vocabulary";

export function normaliseEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  return user;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function listUsers(db: Db) {
  return db.query.users.findMany({
    orderBy: [asc(users.name)],
    columns: { passwordHash: false },
    with: { manager: { columns: { id: true, name: true, email: true } } },
  });
}

/**
 * The user behind an SSO sign-in, created on first sign-in. The role follows the IdP's
 * groups when they map to a role; otherwise the stored role (employee at creation) stays.
 */
export async function upsertSsoUser(
  db: Db,
  claims: { subject: string; email: string; name: string; roleFromGroups: Role | null },
): Promise<User> {
  const email = normaliseEmail(claims.email);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).for("update");
    if (!existing) {
      const [created] = await tx
        .insert(users)
        .values({ email, name: claims.name, role: claims.roleFromGroups ?? "employee", ssoSubject: claims.subject })
        .returning();
      await writeAudit(tx, { id: created!.id, email }, [
        { action: "user.created", entityType: "user", entityId: created!.id, after: { email, role: created!.role }, reason: "first single sign-on" },
      ]);
      return created!;
    }
    const role = claims.roleFromGroups ?? existing.role;
    if (existing.ssoSubject === claims.subject && existing.role === role) return existing;
    const [updated] = await tx
      .update(users)
      .set({ ssoSubject: claims.subject, role, updatedAt: new Date() })
      .where(eq(users.id, existing.id))
      .returning();
    await writeAudit(tx, { id: existing.id, email }, [
      {
        action: "user.sso_synced",
        entityType: "user",
        entityId: existing.id,
        before: { role: existing.role, ssoSubject: existing.ssoSubject },
        after: { role, ssoSubject: claims.subject },
        reason: "single sign-on",
      },
    ]);
    return updated!;
  });
}
