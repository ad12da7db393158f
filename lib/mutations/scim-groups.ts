import "server-only";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { roleFromGroups } from "../auth/roles";
import { config } from "../config";
import type { AuditEntry } from "../db/audit";
import type { Tx } from "../db/client";
import { scimGroupMembers, scimGroups, users, type ScimGroup } from "../db/schema";
import type { SessionUser } from "../domain/policy";
import { SCIM_MESSAGES, ScimError } from "../domain/scim-messages";
import { applyPatch } from "../domain/scim-patch";
import { groupWriteFromScim, ifMatchHolds, scimGroupResource, type ScimGroupWrite } from "../domain/scim-resources";
import type { Role } from "../domain/vocabulary";
import { findScimGroup, groupLabelsOf, isScimId } from "../queries/scim";
import { defineMutation } from "../server/guard";
import { assertMayStopBeingAdmin, scimBase } from "./scim-users";

const Resource = z.record(z.string(), z.unknown());
const Operations = z.array(z.object({ op: z.enum(["add", "remove", "replace"]), path: z.string().optional(), value: z.unknown().optional() }));
const IfMatch = z.string().max(2000).nullable();

// ---- Groups → roles ---------------------------------------------------------------------

/**
 * The role a person's SCIM groups give, by single sign-on's own rule (roleFromGroups over
 * OIDC_ROLE_GROUPS, with the groups' names and external ids as the claim): the most capable
 * mapped role. When no group maps any more but one did before the change, the role those groups
 * gave is taken back (employee, as at creation); when none ever mapped, the role is left as it
 * is (an admin may have set it in Vetted), as a sign-in whose groups map to nothing leaves it.
 */
export function roleAfterGroupChange(labelsBefore: string[], labelsAfter: string[], roleGroups: ReadonlyMap<string, Role>): Role | null {
  const after = roleFromGroups(labelsAfter, roleGroups);
  if (after) return after;
  return roleFromGroups(labelsBefore, roleGroups) ? "employee" : null;
}

/** Gives each of these people the role their groups now give (see roleAfterGroupChange); each change audited, their sessions ended. */
async function syncRoles(tx: Tx, actor: SessionUser, labelsBefore: Map<string, string[]>, at: Date, group: string): Promise<AuditEntry[]> {
  const ids = [...labelsBefore.keys()];
  if (ids.length === 0) return [];
  const labelsAfter = await groupLabelsOf(tx, ids);
  const audit: AuditEntry[] = [];
  for (const id of ids) {
    const role = roleAfterGroupChange(labelsBefore.get(id) ?? [], labelsAfter.get(id) ?? [], config().roleGroups);
    if (!role) continue;
    const [person] = await tx.select().from(users).where(eq(users.id, id));
    if (!person || person.role === role) continue;
    if (person.role === "admin") await assertMayStopBeingAdmin(tx, actor, person);
    await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: at })
      .where(eq(users.id, id));
    audit.push({ action: "user.scim_role_synced", entityType: "user", entityId: id, before: { role: person.role }, after: { role }, reason: `SCIM group “${group}”` });
  }
  return audit;
}

// ---- Writing a group --------------------------------------------------------------------

/** The member ids must be people SCIM can see. */
async function assertMembersExist(tx: Tx, ids: string[]): Promise<void> {
  const malformed = ids.find((id) => !isScimId(id));
  if (malformed) throw new ScimError(400, SCIM_MESSAGES.memberUnknown(malformed), "invalidValue");
  if (ids.length === 0) return;
  const found = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), isNull(users.scimDeletedAt)));
  const known = new Set(found.map((f) => f.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) throw new ScimError(400, SCIM_MESSAGES.memberUnknown(unknown), "invalidValue");
}

async function assertNameFree(tx: Tx, groupId: string | null, displayName: string): Promise<void> {
  const [clash] = await tx
    .select({ id: scimGroups.id })
    .from(scimGroups)
    .where(and(sql`lower(${scimGroups.displayName}) = lower(${displayName})`, groupId ? ne(scimGroups.id, groupId) : undefined))
    .limit(1);
  if (clash) throw new ScimError(409, SCIM_MESSAGES.groupNameTaken(displayName), "uniqueness");
}

async function memberIdsOf(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx.select({ userId: scimGroupMembers.userId }).from(scimGroupMembers).where(eq(scimGroupMembers.groupId, groupId));
  return rows.map((r) => r.userId);
}

function auditable(group: Pick<ScimGroup, "displayName" | "externalId">, members: string[]) {
  return { name: group.displayName, displayName: group.displayName, externalId: group.externalId, members: members.length };
}

/** The change of an existing group to `write`: name, external id, members added and removed; then the members' roles. */
async function writeGroup(tx: Tx, actor: SessionUser, before: ScimGroup, write: ScimGroupWrite, at: Date): Promise<AuditEntry[]> {
  const current = await memberIdsOf(tx, before.id);
  const added = write.memberIds.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !write.memberIds.includes(id));
  if (write.displayName.toLowerCase() !== before.displayName.toLowerCase()) await assertNameFree(tx, before.id, write.displayName);
  await assertMembersExist(tx, added);
  // Everyone whose groups may map differently afterwards: members before and after (a rename or a new external id concerns them all).
  const renamed = write.displayName !== before.displayName || write.externalId !== before.externalId;
  const concerned = [...new Set([...(renamed ? current : []), ...added, ...removed])];
  const labelsBefore = await groupLabelsOf(tx, concerned);
  const [after] = await tx.update(scimGroups).set({ displayName: write.displayName, externalId: write.externalId, updatedAt: at }).where(eq(scimGroups.id, before.id)).returning();
  if (removed.length) await tx.delete(scimGroupMembers).where(and(eq(scimGroupMembers.groupId, before.id), inArray(scimGroupMembers.userId, removed)));
  if (added.length) await tx.insert(scimGroupMembers).values(added.map((userId) => ({ groupId: before.id, userId })));
  return [
    {
      action: "group.updated",
      entityType: "scim_group",
      entityId: before.id,
      before: auditable(before, current),
      after: { ...auditable(after!, write.memberIds), ...(added.length ? { membersAdded: added } : {}), ...(removed.length ? { membersRemoved: removed } : {}) },
      reason: "SCIM",
    },
    ...(await syncRoles(tx, actor, labelsBefore, at, write.displayName)),
  ];
}

function unchanged(before: ScimGroup, members: string[], write: ScimGroupWrite): boolean {
  return before.displayName === write.displayName && before.externalId === write.externalId && members.length === write.memberIds.length && write.memberIds.every((id) => members.includes(id));
}

async function groupFor(tx: Tx, id: string, lock: boolean): Promise<ScimGroup> {
  if (!isScimId(id)) throw new ScimError(404, SCIM_MESSAGES.notFound("group", id));
  const query = tx.select().from(scimGroups).where(eq(scimGroups.id, id));
  const [group] = lock ? await query.for("update") : await query;
  if (!group) throw new ScimError(404, SCIM_MESSAGES.notFound("group", id));
  return group;
}

/** Like a person's change (lib/mutations/scim-users.ts): decided without a lock, written under one, If-Match checked on the locked state. */
async function changeGroup(
  tx: Tx,
  actor: SessionUser,
  id: string,
  ifMatch: string | null,
  desired: (representation: Record<string, unknown>) => Promise<ScimGroupWrite | null>,
  at: Date,
): Promise<{ result: { id: string }; audit: AuditEntry[] }> {
  const plan = async (lock: boolean) => {
    const before = await groupFor(tx, id, lock);
    const facts = (await findScimGroup(tx, id))!;
    const representation = scimGroupResource(facts, scimBase());
    if (!ifMatchHolds(ifMatch, String((representation.meta as { version: string }).version))) throw new ScimError(412, SCIM_MESSAGES.preconditionFailed);
    const write = await desired(representation);
    return { before, write: write && !unchanged(before, await memberIdsOf(tx, id), write) ? write : null };
  };
  if (!(await plan(false)).write) return { result: { id }, audit: [] };
  const { before, write } = await plan(true);
  const members = await memberIdsOf(tx, id);
  if (!write) return { result: { id }, audit: [{ action: "group.updated", entityType: "scim_group", entityId: id, before: auditable(before, members), after: auditable(before, members), reason: "SCIM (no change)" }] };
  return { result: { id }, audit: await writeGroup(tx, actor, before, write, at) };
}

// ---- The mutations -----------------------------------------------------------------------

/** POST /Groups: a group pushed by the identity provider, with its members; their roles follow its name. */
export const createScimGroup = defineMutation({
  name: "createScimGroup",
  action: "users.provision",
  input: z.object({ resource: Resource }),
  async run({ tx, actor, input, now }) {
    const write = groupWriteFromScim(input.resource);
    await assertNameFree(tx, null, write.displayName);
    await assertMembersExist(tx, write.memberIds);
    const labelsBefore = await groupLabelsOf(tx, write.memberIds);
    const [group] = await tx.insert(scimGroups).values({ displayName: write.displayName, externalId: write.externalId, createdAt: now, updatedAt: now }).returning();
    if (write.memberIds.length) await tx.insert(scimGroupMembers).values(write.memberIds.map((userId) => ({ groupId: group!.id, userId })));
    return {
      result: { id: group!.id },
      audit: [
        { action: "group.created", entityType: "scim_group", entityId: group!.id, after: { ...auditable(group!, write.memberIds), ...(write.memberIds.length ? { membersAdded: write.memberIds } : {}) }, reason: "SCIM" },
        ...(await syncRoles(tx, actor, labelsBefore, now, write.displayName)),
      ],
    };
  },
});

/** PUT /Groups/{id}: name, external id and the whole member list replaced. */
export const replaceScimGroup = defineMutation({
  name: "replaceScimGroup",
  action: "users.provision",
  input: z.object({ id: z.string(), resource: Resource, ifMatch: IfMatch }),
  async run({ tx, actor, input, now }) {
    if (typeof input.resource.id === "string" && input.resource.id !== input.id) throw new ScimError(400, SCIM_MESSAGES.idMismatch, "mutability");
    return changeGroup(tx, actor, input.id, input.ifMatch, async () => groupWriteFromScim(input.resource), now);
  },
});

/** PATCH /Groups/{id}: a rename, members added and removed (members[value eq "…"] or a list of values), as Okta and Entra ID send them. */
export const patchScimGroup = defineMutation({
  name: "patchScimGroup",
  action: "users.provision",
  input: z.object({ id: z.string(), operations: Operations, ifMatch: IfMatch }),
  async run({ tx, actor, input, now }) {
    return changeGroup(
      tx,
      actor,
      input.id,
      input.ifMatch,
      async (representation) => {
        const patched = await applyPatch(representation, input.operations, "Group");
        return patched ? groupWriteFromScim(patched) : null;
      },
      now,
    );
  },
});

/** DELETE /Groups/{id}: the group and its memberships go; the roles it gave are taken back. */
export const deleteScimGroup = defineMutation({
  name: "deleteScimGroup",
  action: "users.provision",
  input: z.object({ id: z.string(), ifMatch: IfMatch }),
  async run({ tx, actor, input, now }) {
    const before = await groupFor(tx, input.id, true);
    const facts = (await findScimGroup(tx, input.id))!;
    if (!ifMatchHolds(input.ifMatch, String((scimGroupResource(facts, scimBase()).meta as { version: string }).version))) throw new ScimError(412, SCIM_MESSAGES.preconditionFailed);
    const members = await memberIdsOf(tx, input.id);
    const labelsBefore = await groupLabelsOf(tx, members);
    await tx.delete(scimGroups).where(eq(scimGroups.id, input.id));
    return {
      result: { id: input.id },
      audit: [
        { action: "group.deleted", entityType: "scim_group", entityId: input.id, before: auditable(before, members), reason: "SCIM" },
        ...(await syncRoles(tx, actor, labelsBefore, now, before.displayName)),
      ],
    };
  },
});
