import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import type { Tx } from "../db/client";
import { users } from "../db/schema";
import { isUnchanged } from "../domain/unchanged";
import { Conflict, NotFound, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { defineMutation } from "../server/guard";
import { CreateUserInput, UpdateUserInput } from "../validation/users";

/** Refuses a manager link that would make someone (indirectly) their own manager. */
async function assertManagerLinkValid(tx: Tx, userId: string | null, managerId: string | undefined) {
  if (!managerId) return;
  if (managerId === userId) throw new ValidationFailed(t("admin.users.errors.selfManaged"), { managerId: [t("admin.users.errors.selfManaged")] });
  const [manager] = await tx.select().from(users).where(eq(users.id, managerId));
  if (!manager || !manager.active) throw new ValidationFailed(t("admin.users.errors.managerInactive"), { managerId: [t("admin.users.errors.chooseActive")] });
  let cursor: string | null = manager.managerId;
  for (let depth = 0; cursor && depth < 100; depth++) {
    if (cursor === userId) throw new ValidationFailed(t("admin.users.errors.loop"), { managerId: [t("admin.users.errors.loop")] });
    const [next] = await tx.select({ managerId: users.managerId }).from(users).where(eq(users.id, cursor));
    cursor = next?.managerId ?? null;
  }
}

function auditable(user: typeof users.$inferSelect) {
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

export const createUser = defineMutation({
  name: "createUser",
  action: "users.manage",
  input: CreateUserInput,
  async run({ tx, input }) {
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (clash) throw new Conflict(t("admin.users.errors.emailTaken"), { email: [t("admin.users.errors.emailTaken")] });
    await assertManagerLinkValid(tx, null, input.managerId);
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        managerId: input.managerId ?? null,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning();
    return { result: user!, audit: [{ action: "user.created", entityType: "user", entityId: user!.id, after: auditable(user!) }] };
  },
});

export const updateUser = defineMutation({
  name: "updateUser",
  action: "users.manage",
  input: UpdateUserInput,
  async run({ tx, actor, input, now }) {
    // Saved unchanged: a no-op, decided before taking the row lock (a lock counts as a write).
    // The language, when sent: "" is the browser's (stored as none); not sent, it stays.
    const locale = input.locale === undefined ? {} : { locale: input.locale || null };
    const [current] = await tx.select().from(users).where(eq(users.id, input.id));
    if (current && isUnchanged(current, { role: input.role, managerId: input.managerId, active: input.active, ...locale })) return { result: current, audit: [] };
    const [before] = await tx.select().from(users).where(eq(users.id, input.id)).for("update");
    if (!before) throw new NotFound(t("admin.users.errors.gone"));
    if (before.role === "admin" && (input.role !== "admin" || !input.active)) {
      const [otherAdmin] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, input.id)))
        .limit(1);
      if (!otherAdmin) throw new Conflict(t("admin.users.errors.lastAdmin"));
    }
    if (input.id === actor.id && !input.active) throw new Conflict(t("admin.users.errors.selfDeactivate"));
    await assertManagerLinkValid(tx, input.id, input.managerId);
    // A new role or a deactivation ends the user's sessions: they sign in again under what they are now.
    const endsSessions = input.role !== before.role || input.active !== before.active;
    const [after] = await tx
      .update(users)
      .set({ role: input.role, managerId: input.managerId ?? null, active: input.active, ...locale, updatedAt: now, ...(endsSessions ? { sessionVersion: before.sessionVersion + 1 } : {}) })
      .where(eq(users.id, input.id))
      .returning();
    return {
      result: after!,
      audit: [{ action: "user.updated", entityType: "user", entityId: input.id, before: auditable(before), after: auditable(after!) }],
    };
  },
});
