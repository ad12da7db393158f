import "server-only";
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { config } from "../config";
import type { Tx } from "../db/client";
import type { AuditEntry } from "../db/audit";
import { apiTokens, scimGroupMembers, users, type User } from "../db/schema";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import { applyPatch } from "../domain/scim-patch";
import { ifMatchHolds, sameJson, scimUserResource, userWriteFromScim, type ScimUserWrite } from "../domain/scim-resources";
import type { SessionUser } from "../domain/policy";
import { findScimUser, isScimId } from "../queries/scim";
import { normaliseEmail } from "../queries/users";
import { defineMutation } from "../server/guard";

/** Where the SCIM resources live: part of each representation (meta.location), so of its ETag. */
export function scimBase(): string {
  return `${config().baseUrl}/scim/v2`;
}

const Resource = z.record(z.string(), z.unknown());
const Operations = z.array(z.object({ op: z.enum(["add", "remove", "replace"]), path: z.string().optional(), value: z.unknown().optional() }));
const IfMatch = z.string().max(2000).nullable();

// ---- Rules every SCIM change of a person keeps ------------------------------------------------

/**
 * Refuses what would lock the company out or end the token itself: the last active admin
 * losing the role or the account, or the admin behind this token being deactivated or demoted
 * (the token dies with their rights, lib/auth/api-tokens.ts).
 */
export async function assertMayStopBeingAdmin(tx: Tx, actor: SessionUser, person: Pick<User, "id" | "role" | "active">): Promise<void> {
  if (person.id === actor.id) throw new ScimError(409, SCIM_MESSAGES.tokenCreator);
  if (person.role !== "admin" || !person.active) return;
  const [otherAdmin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, person.id)))
    .limit(1);
  if (!otherAdmin) throw new ScimError(409, SCIM_MESSAGES.lastAdmin);
}

/** A deactivated person's API tokens stop at once, each revoked and audited. */
async function revokeTokensOf(tx: Tx, actor: SessionUser, personId: string, at: Date, why: string): Promise<AuditEntry[]> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: at, revokedById: actor.id })
    .where(and(eq(apiTokens.createdById, personId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  return revoked.map((token) => ({ action: "token.revoked", entityType: "api_token", entityId: token.id, after: { name: token.name, prefix: token.prefix }, reason: why }));
}

async function assertManagerValid(tx: Tx, personId: string | null, managerId: string | null): Promise<void> {
  if (!managerId) return;
  if (managerId === personId) throw new ScimError(400, SCIM_MESSAGES.managerSelf, "invalidValue");
  const manager = isScimId(managerId) ? (await tx.select().from(users).where(eq(users.id, managerId)))[0] : undefined;
  if (!manager || !manager.active || manager.scimDeletedAt) throw new ScimError(400, SCIM_MESSAGES.managerUnknown(managerId), "invalidValue");
  let cursor: string | null = manager.managerId;
  for (let depth = 0; cursor && depth < 100; depth++) {
    if (cursor === personId) throw new ScimError(400, SCIM_MESSAGES.managerLoop, "invalidValue");
    const [next] = await tx.select({ managerId: users.managerId }).from(users).where(eq(users.id, cursor));
    cursor = next?.managerId ?? null;
  }
}

/**
 * The manager a resource names: by SCIM id (what Entra ID sends, resolving its own reference), or
 * by userName or email (what Okta can send: its profile holds the manager's login, not our id).
 */
async function resolveManager(tx: Tx, write: ScimUserWrite): Promise<ScimUserWrite> {
  const value = write.managerId;
  if (!value) return write;
  const byId = isScimId(value) ? eq(users.id, value.toLowerCase()) : undefined;
  const [manager] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.scimDeletedAt), or(byId, sql`lower(coalesce(${users.scimUserName}, ${users.email})) = lower(${value})`, eq(users.email, normaliseEmail(value)))))
    .limit(1);
  if (!manager) throw new ScimError(400, SCIM_MESSAGES.managerUnknown(value), "invalidValue");
  return { ...write, managerId: manager.id };
}

/** The userName as stored: null when it is the email itself. */
function storedUserName(write: ScimUserWrite, email: string): string | null {
  return write.userName === email ? null : write.userName;
}

/** Another person SCIM can see already answers to this userName (or has this email). */
async function assertUnique(tx: Tx, personId: string | null, write: ScimUserWrite, email: string): Promise<void> {
  const other = personId ? ne(users.id, personId) : undefined;
  const [nameClash] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(coalesce(${users.scimUserName}, ${users.email})) = lower(${write.userName})`, isNull(users.scimDeletedAt), other))
    .limit(1);
  if (nameClash) throw new ScimError(409, SCIM_MESSAGES.userNameTaken(write.userName), "uniqueness");
  const [emailClash] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), other)).limit(1);
  if (emailClash) throw new ScimError(409, SCIM_MESSAGES.emailTaken(email), "uniqueness");
}

/** What the audit trail records of a person's SCIM-visible state (never a password, no attributes blob). */
function auditable(user: Pick<User, "email" | "name" | "active" | "managerId" | "scimUserName" | "scimExternalId" | "role">) {
  return { email: user.email, name: user.name, role: user.role, active: user.active, managerId: user.managerId, userName: user.scimUserName ?? user.email, externalId: user.scimExternalId };
}

/** The columns a write sets. */
function columnsOf(write: ScimUserWrite) {
  const email = normaliseEmail(write.email);
  return {
    email,
    name: write.name,
    active: write.active,
    managerId: write.managerId,
    scimUserName: storedUserName(write, email),
    scimExternalId: write.externalId,
    scimAttributes: write.attributes,
  };
}

function unchanged(before: User, columns: ReturnType<typeof columnsOf>): boolean {
  return (
    before.email === columns.email &&
    before.name === columns.name &&
    before.active === columns.active &&
    before.managerId === columns.managerId &&
    before.scimUserName === columns.scimUserName &&
    before.scimExternalId === columns.scimExternalId &&
    sameJson(before.scimAttributes, columns.scimAttributes)
  );
}

/** A visible person, locked or not; 404 otherwise. */
async function personFor(tx: Tx, id: string, lock: boolean): Promise<User> {
  if (!isScimId(id)) throw new ScimError(404, SCIM_MESSAGES.notFound("user", id));
  const query = tx.select().from(users).where(and(eq(users.id, id), isNull(users.scimDeletedAt)));
  const [person] = lock ? await query.for("update") : await query;
  if (!person) throw new ScimError(404, SCIM_MESSAGES.notFound("user", id));
  return person;
}

/** The person's representation as GET answers it now, for If-Match and PATCH. */
async function representationOf(tx: Tx, id: string) {
  const facts = await findScimUser(tx, id);
  if (!facts) throw new ScimError(404, SCIM_MESSAGES.notFound("user", id));
  return scimUserResource(facts, scimBase());
}

/**
 * Writes what the identity provider asks of an existing person: the columns, and if they are
 * deactivated, the end of their sessions (their session version rises) and of their API tokens.
 */
async function writePerson(tx: Tx, actor: SessionUser, before: User, write: ScimUserWrite, at: Date, extra: { scimDeletedAt?: null } = {}): Promise<AuditEntry[]> {
  const columns = columnsOf(write);
  if (columns.email !== before.email || storedUserName(write, columns.email) !== before.scimUserName) await assertUnique(tx, before.id, write, columns.email);
  await assertManagerValid(tx, before.id, columns.managerId);
  const deactivating = before.active && !columns.active;
  if (deactivating) await assertMayStopBeingAdmin(tx, actor, before);
  const [after] = await tx
    .update(users)
    .set({ ...columns, ...extra, updatedAt: at, ...(before.active !== columns.active ? { sessionVersion: before.sessionVersion + 1 } : {}) })
    .where(eq(users.id, before.id))
    .returning();
  const revoked = deactivating ? await revokeTokensOf(tx, actor, before.id, at, "its owner was deactivated through SCIM") : [];
  const revived = extra.scimDeletedAt === null;
  return [
    {
      action: revived ? "user.provisioned" : "user.scim_updated",
      entityType: "user",
      entityId: before.id,
      before: auditable(before),
      after: auditable(after!),
      reason: revived ? "provisioned again through SCIM" : deactivating ? "deactivated through SCIM: sessions ended, API tokens revoked" : "SCIM",
    },
    ...revoked,
  ];
}

/**
 * The write for a person. Whether anything changes is decided before any lock (a lock counts as
 * a write, lib/db/audit.ts), so a sync that changes nothing writes and audits nothing; a change
 * is then worked out again from the row under its lock, If-Match checked against that.
 */
async function changePerson(
  tx: Tx,
  actor: SessionUser,
  id: string,
  ifMatch: string | null,
  desired: (representation: Record<string, unknown>) => Promise<ScimUserWrite | null>,
  at: Date,
): Promise<{ result: { id: string }; audit: AuditEntry[] }> {
  const plan = async (lock: boolean) => {
    const before = await personFor(tx, id, lock);
    const representation = await representationOf(tx, id);
    if (!ifMatchHolds(ifMatch, String((representation.meta as { version: string }).version))) throw new ScimError(412, SCIM_MESSAGES.preconditionFailed);
    const wanted = await desired(representation);
    const write = wanted && (await resolveManager(tx, wanted));
    return { before, write: write && !unchanged(before, columnsOf(write)) ? write : null };
  };
  if (!(await plan(false)).write) return { result: { id }, audit: [] };
  const { before, write } = await plan(true);
  // Someone made the same change meanwhile: the lock is all this wrote, recorded as such.
  if (!write) return { result: { id }, audit: [{ action: "user.scim_updated", entityType: "user", entityId: id, before: auditable(before), after: auditable(before), reason: "SCIM (no change)" }] };
  return { result: { id }, audit: await writePerson(tx, actor, before, write, at) };
}

// ---- The mutations -----------------------------------------------------------------------

/** POST /Users: a new person, or one deleted through SCIM before, provisioned again (same row, their history kept). */
export const provisionScimUser = defineMutation({
  name: "provisionScimUser",
  action: "users.provision",
  input: z.object({ resource: Resource }),
  async run({ tx, actor, input, now }) {
    const write = await resolveManager(tx, userWriteFromScim(input.resource));
    const columns = columnsOf(write);
    const [deleted] = await tx
      .select()
      .from(users)
      .where(and(eq(users.email, columns.email), sql`${users.scimDeletedAt} is not null`))
      .for("update");
    if (deleted) return { result: { id: deleted.id, created: true }, audit: await writePerson(tx, actor, deleted, write, now, { scimDeletedAt: null }) };
    await assertUnique(tx, null, write, columns.email);
    await assertManagerValid(tx, null, columns.managerId);
    const [created] = await tx
      .insert(users)
      .values({ ...columns, role: "employee", createdAt: now, updatedAt: now })
      .returning();
    return {
      result: { id: created!.id, created: true },
      audit: [{ action: "user.provisioned", entityType: "user", entityId: created!.id, after: auditable(created!), reason: "SCIM" }],
    };
  },
});

/** PUT /Users/{id}: the whole resource replaced (what it leaves out is cleared, read-only attributes are ignored). */
export const replaceScimUser = defineMutation({
  name: "replaceScimUser",
  action: "users.provision",
  input: z.object({ id: z.string(), resource: Resource, ifMatch: IfMatch }),
  async run({ tx, actor, input, now }) {
    if (typeof input.resource.id === "string" && input.resource.id !== input.id) throw new ScimError(400, SCIM_MESSAGES.idMismatch, "mutability");
    return changePerson(tx, actor, input.id, input.ifMatch, async () => userWriteFromScim(input.resource), now);
  },
});

/** PATCH /Users/{id}: the operations applied to the resource as it is, then written as a PUT of the result would be. */
export const patchScimUser = defineMutation({
  name: "patchScimUser",
  action: "users.provision",
  input: z.object({ id: z.string(), operations: Operations, ifMatch: IfMatch }),
  async run({ tx, actor, input, now }) {
    return changePerson(
      tx,
      actor,
      input.id,
      input.ifMatch,
      async (representation) => {
        const patched = await applyPatch(representation, input.operations, "User");
        return patched ? userWriteFromScim(patched) : null;
      },
      now,
    );
  },
});

/**
 * DELETE /Users/{id}: the person is kept (audit events, requests and grants name them) but
 * deactivated, out of every SCIM group, signed out and without API tokens, and gone for SCIM
 * (404) until provisioned again.
 */
export const deleteScimUser = defineMutation({
  name: "deleteScimUser",
  action: "users.provision",
  input: z.object({ id: z.string(), ifMatch: IfMatch }),
  async run({ tx, actor, input, now }) {
    const before = await personFor(tx, input.id, true);
    const representation = await representationOf(tx, input.id);
    if (!ifMatchHolds(input.ifMatch, String((representation.meta as { version: string }).version))) throw new ScimError(412, SCIM_MESSAGES.preconditionFailed);
    await assertMayStopBeingAdmin(tx, actor, before);
    const [after] = await tx
      .update(users)
      .set({ active: false, scimDeletedAt: now, updatedAt: now, sessionVersion: before.sessionVersion + (before.active ? 1 : 0) })
      .where(eq(users.id, before.id))
      .returning();
    const left = await tx.delete(scimGroupMembers).where(eq(scimGroupMembers.userId, before.id)).returning({ groupId: scimGroupMembers.groupId });
    const revoked = before.active ? await revokeTokensOf(tx, actor, before.id, now, "its owner was deleted through SCIM") : [];
    return {
      result: { id: before.id },
      audit: [
        { action: "user.deprovisioned", entityType: "user", entityId: before.id, before: { ...auditable(before), groups: left.map((g) => g.groupId) }, after: auditable(after!), reason: "SCIM" },
        ...revoked,
      ],
    };
  },
});
