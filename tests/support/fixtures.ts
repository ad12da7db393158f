import { asc, eq, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { auditEvents, software, users } from "@/lib/db/schema";
import type { Role } from "@/lib/domain/vocabulary";

let counter = 0;

/** A user of the given role, written straight to the database (test setup, not a product path). */
export async function makeUser(db: Db, role: Role, over: { managerId?: string | null } = {}): Promise<SessionUser> {
  counter += 1;
  const email = `${role}-${Date.now()}-${counter}@test.example`;
  const [row] = await db.insert(users).values({ email, name: `${role} ${counter}`, role, managerId: over.managerId ?? null }).returning();
  return { id: row!.id, email: row!.email, name: row!.name, role: row!.role, managerId: row!.managerId };
}

export async function counts(db: Db) {
  const [row] = await db
    .select({
      software: sql<number>`(SELECT count(*)::int FROM ${software})`,
      audit: sql<number>`(SELECT count(*)::int FROM ${auditEvents})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row!;
}

/** The audit events about one entity, oldest first (a SELECT without ORDER BY has no order). */
export async function auditFor(db: Db, entityId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.position));
}

export function unique(name: string): string {
  counter += 1;
  return `${name} ${Date.now().toString(36)}${counter}`;
}
