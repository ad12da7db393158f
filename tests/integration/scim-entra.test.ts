/**
 * The request sequences Microsoft Entra ID's provisioning service sends (Microsoft's "Develop and
 * plan provisioning for a SCIM endpoint", its request examples, and the shapes Entra sends
 * without the aadOptscim062020 flag), replayed against the real route handlers and PostgreSQL:
 * "Replace"/"Add"/"Remove" capitalised, path-less value objects, booleans as "True"/"False",
 * the enterprise manager as a bare id, members added and removed by value lists and by
 * members[value eq "…"], groups looked up with excludedAttributes=members, and DELETE.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { scimGroupMembers, users } from "@/lib/db/schema";
import { auditFor, makeUser } from "../support/fixtures";
import { ENTERPRISE, GROUP_SCHEMA, scimClient, scimToken, USER_SCHEMA } from "../support/scim";
import { signInCookie, withRequest } from "../support/session";

// Entra ID's groups claim carries group object ids: OIDC_ROLE_GROUPS may name them, and a SCIM group's externalId is that id.
const SECURITY_GROUP_OBJECT_ID = "7f1d5c8e-0b7a-4c2e-9d51-3a6f0e2b9c44";
// Group names of this file's own, so that groups other files make (names are unique) never collide with them.
const GROUPS = Math.random().toString(36).slice(2, 8);
const APPSEC = `AppSec ${GROUPS}`;
const ADMINS = `Vetted Admins ${GROUPS}`;
process.env.OIDC_ROLE_GROUPS = `admin=${ADMINS},reviewer=${APPSEC}|${SECURITY_GROUP_OBJECT_ID}`;

let db: Db;
let admin: SessionUser;
let entra: ReturnType<typeof scimClient>;
const run = Date.now().toString(36);

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
  entra = scimClient(await scimToken(admin));
});
afterAll(() => closeDb());

/** Entra ID's "Create User" request (its userName is the UPN, which need not be the mail address). */
const entraUser = (tag: string, over: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA, ENTERPRISE],
  externalId: `0a21f0f2-8d2a-4f8e-bf98-${tag}`,
  userName: `Test_User_${tag}_${run}`,
  active: true,
  emails: [{ primary: true, type: "work", value: `Test_User_${tag}_${run}@testuser.com` }],
  meta: { resourceType: "User" },
  name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
  roles: [],
  ...over,
});

const managerOf = async (id: string) => (await db.select({ managerId: users.managerId }).from(users).where(eq(users.id, id)))[0]!.managerId;
const roleOf = async (id: string) => (await db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]!.role;

describe("Entra ID: users", () => {
  it("creates a user after an empty lookup, keying them by their work email, with the enterprise manager", async () => {
    const boss = await entra.createUser(entraUser("boss"));
    expect(boss.status).toBe(201);
    const bossId = boss.body.id as string;

    const userName = `Test_User_report_${run}`;
    const none = await entra.listUsers(`?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await entra.createUser(entraUser("report", { [ENTERPRISE]: { department: "Engineering", manager: { value: bossId } } }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA, ENTERPRISE],
      userName,
      externalId: "0a21f0f2-8d2a-4f8e-bf98-report",
      displayName: "givenName familyName",
      [ENTERPRISE]: { department: "Engineering", manager: { value: bossId, displayName: "givenName familyName" } },
    });
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: `test_user_report_${run}@testuser.com`, managerId: bossId, scimUserName: userName });

    const byName = await entra.listUsers(`?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(byName.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    const byExternal = await entra.listUsers(`?filter=${encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-report"')}`);
    expect(byExternal.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
  });

  it('updates with "Replace": multi-valued paths, single-valued paths and a path-less value object', async () => {
    const id = (await entra.createUser(entraUser("update"))).body.id as string;
    const multi = await entra.patchUser(id, [
      { op: "Replace", path: 'emails[type eq "work"].value', value: `updated_${run}@testuser.com` },
      { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
    ]);
    expect(multi.status).toBe(200);
    expect(multi.body).toMatchObject({ emails: [{ type: "work", value: `updated_${run}@testuser.com`, primary: true }], name: { familyName: "updatedFamilyName" } });
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.email).toBe(`updated_${run}@testuser.com`);

    const single = await entra.patchUser(id, [{ op: "Replace", path: "userName", value: `renamed_${run}@testuser.com` }]);
    expect(single.body).toMatchObject({ userName: `renamed_${run}@testuser.com` });

    const pathless = await entra.patchUser(id, [
      { op: "Replace", value: { displayName: "Updated Display", "name.givenName": "Updated", [`${ENTERPRISE}:department`]: "Finance", title: "Analyst" } },
    ]);
    expect(pathless.body).toMatchObject({ displayName: "Updated Display", name: { givenName: "Updated" }, title: "Analyst", [ENTERPRISE]: { department: "Finance" } });
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.name).toBe("Updated Display");
  });

  it("sets the manager from a bare id, changes it, and clears it with an empty value or a Remove", async () => {
    const first = (await entra.createUser(entraUser("m1"))).body.id as string;
    const second = (await entra.createUser(entraUser("m2"))).body.id as string;
    const id = (await entra.createUser(entraUser("managed"))).body.id as string;
    const managerPath = `${ENTERPRISE}:manager`;

    expect((await entra.patchUser(id, [{ op: "Add", path: managerPath, value: first }])).status).toBe(200);
    expect(await managerOf(id)).toBe(first);
    await entra.patchUser(id, [{ op: "Replace", path: managerPath, value: second }]);
    expect(await managerOf(id)).toBe(second);
    await entra.patchUser(id, [{ op: "Replace", path: managerPath, value: "" }]);
    expect(await managerOf(id)).toBeNull();
    await entra.patchUser(id, [{ op: "Replace", value: { [managerPath]: first } }]);
    expect(await managerOf(id)).toBe(first);
    const removed = await entra.patchUser(id, [{ op: "Remove", path: managerPath }]);
    expect(await managerOf(id)).toBeNull();
    expect(removed.body).not.toHaveProperty(ENTERPRISE);
  });

  it('disables with {"op":"Replace","value":{"active":"False"}} (and with path "active" and "False"), ending the person\'s sessions', async () => {
    const id = (await entra.createUser(entraUser("leaver"))).body.id as string;
    const person: SessionUser = { id, email: `test_user_leaver_${run}@testuser.com`, name: "givenName familyName", role: "employee", managerId: null };
    const cookie = await signInCookie(person);
    expect(await withRequest(cookie, () => getSessionUser())).toMatchObject({ id });

    const disabled = await entra.patchUser(id, [{ op: "Replace", value: { active: "False" } }]);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ active: false });
    expect(await withRequest(cookie, () => getSessionUser())).toBeNull();
    expect((await auditFor(db, id)).at(-1)).toMatchObject({ action: "user.scim_updated", reason: expect.stringMatching(/deactivated/) });

    expect((await entra.patchUser(id, [{ op: "Replace", path: "active", value: "True" }])).body).toMatchObject({ active: true });
    expect((await entra.patchUser(id, [{ op: "Replace", path: "active", value: "False" }])).body).toMatchObject({ active: false });
    expect((await entra.listUsers(`?filter=${encodeURIComponent(`userName eq "Test_User_leaver_${run}" and active eq false`)}`)).body).toMatchObject({ totalResults: 1 });
  });

  it("deletes a user: gone for SCIM (404), kept in Vetted deactivated and out of their groups; provisioned again, the same person comes back", async () => {
    const id = (await entra.createUser(entraUser("deleted"))).body.id as string;
    const group = (await entra.createGroup({ schemas: [GROUP_SCHEMA], displayName: `Deleted's group ${run}`, members: [{ value: id }] })).body.id as string;
    expect((await entra.deleteUser(id)).status).toBe(204);
    expect((await entra.getUser(id)).status).toBe(404);
    expect((await entra.deleteUser(id)).status).toBe(404);
    expect((await entra.listUsers(`?filter=${encodeURIComponent(`userName eq "Test_User_deleted_${run}"`)}`)).body).toMatchObject({ totalResults: 0 });
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ active: false });
    expect(row!.scimDeletedAt).not.toBeNull();
    expect(await db.select().from(scimGroupMembers).where(eq(scimGroupMembers.groupId, group))).toEqual([]);

    const again = await entra.createUser(entraUser("deleted"));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, active: true });
    expect((await auditFor(db, id)).map((e) => e.action)).toEqual(["user.provisioned", "user.deprovisioned", "user.provisioned"]);
  });
});

describe("Entra ID: groups", () => {
  it("creates a group, finds it by displayName without members, adds and removes members as value lists, renames and deletes it; its object id maps to a role", async () => {
    const a = (await entra.createUser(entraUser("ga"))).body.id as string;
    const b = (await entra.createUser(entraUser("gb"))).body.id as string;
    const created = await entra.createGroup({
      schemas: [GROUP_SCHEMA, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
      externalId: SECURITY_GROUP_OBJECT_ID,
      displayName: `Security Reviewers ${run}`,
      meta: { resourceType: "Group" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const found = await entra.listGroups(`?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "Security Reviewers ${run}"`)}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, externalId: SECURITY_GROUP_OBJECT_ID }] });
    expect(found.body.Resources![0]).not.toHaveProperty("members");
    expect((await entra.getGroup(id, "?excludedAttributes=members")).body).not.toHaveProperty("members");

    expect((await entra.patchGroup(id, [{ op: "Add", path: "members", value: [{ $ref: null, value: a }, { $ref: null, value: b }] }])).status).toBe(204);
    expect([await roleOf(a), await roleOf(b)]).toEqual(["reviewer", "reviewer"]);
    // Entra asks whether someone is a member with a filter on members.
    expect((await entra.listGroups(`?excludedAttributes=members&filter=${encodeURIComponent(`id eq "${id}" and members eq "${a}"`)}`)).body).toMatchObject({ totalResults: 1 });

    expect((await entra.patchGroup(id, [{ op: "Remove", path: "members", value: [{ $ref: null, value: a }] }])).status).toBe(204);
    expect(await roleOf(a)).toBe("employee");
    expect((await entra.listGroups(`?filter=${encodeURIComponent(`id eq "${id}" and members eq "${a}"`)}`)).body).toMatchObject({ totalResults: 0 });

    expect((await entra.patchGroup(id, [{ op: "Replace", path: "displayName", value: `Renamed ${run}` }])).status).toBe(204);
    // The external id still maps: the rename changes no role.
    expect(await roleOf(b)).toBe("reviewer");
    expect((await entra.getGroup(id)).body).toMatchObject({ displayName: `Renamed ${run}`, members: [{ value: b, type: "User" }] });

    expect((await entra.deleteGroup(id)).status).toBe(204);
    expect(await roleOf(b)).toBe("employee");
  });

  it("gives the most capable role of all a person's groups, as single sign-on does", async () => {
    const id = (await entra.createUser(entraUser("multi"))).body.id as string;
    const reviewers = (await entra.createGroup({ schemas: [GROUP_SCHEMA], displayName: APPSEC, members: [{ value: id }] })).body.id as string;
    const admins = (await entra.createGroup({ schemas: [GROUP_SCHEMA], displayName: ADMINS, members: [{ value: id }] })).body.id as string;
    expect(await roleOf(id)).toBe("admin");
    await entra.patchGroup(admins, [{ op: "remove", path: `members[value eq "${id}"]` }]);
    expect(await roleOf(id)).toBe("reviewer");
    await entra.deleteGroup(reviewers);
    expect(await roleOf(id)).toBe("employee");
  });
});
