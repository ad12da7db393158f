/**
 * The request sequences Okta's SCIM 2.0 provisioning sends (Okta's "SCIM 2.0 protocol reference"
 * and its SCIM test suite), replayed against the real route handlers and PostgreSQL: look a
 * person up, create them, read, update with PUT, deactivate with PATCH {"active": false}, and
 * push a group (create, rename, add and remove members, delete) whose name maps to a role by the
 * rule single sign-on uses.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeLocal } from "@/lib/auth/local-sign-in";
import { hashPassword } from "@/lib/auth/password";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { apiTokens, users } from "@/lib/db/schema";
import { addDays, isoDay } from "@/lib/domain/requests";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { runMutation } from "@/lib/server/guard";
import { auditFor, makeUser } from "../support/fixtures";
import { ENTERPRISE, GROUP_SCHEMA, scimClient, scimToken, USER_SCHEMA } from "../support/scim";
import { signInCookie, withRequest } from "../support/session";
import { PEER_ADDRESS_HEADER } from "@/lib/server/client-address";

// The same rule single sign-on reads its groups claim with (set before anything reads the config).
// Group names of this file's own, so that groups other files make (names are unique) never collide with them.
const GROUPS = Math.random().toString(36).slice(2, 8);
const APPSEC = `AppSec ${GROUPS}`;
const PEOPLE_LEADS = `People Leads ${GROUPS}`;
process.env.OIDC_ROLE_GROUPS = `admin=Vetted Admins ${GROUPS},reviewer=${APPSEC},manager=${PEOPLE_LEADS}`;

let db: Db;
let admin: SessionUser;
let okta: ReturnType<typeof scimClient>;

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
  okta = scimClient(await scimToken(admin));
});
afterAll(() => closeDb());

const run = Date.now().toString(36);
const oktaUser = (login: string, over: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA],
  userName: login,
  name: { givenName: "Test", familyName: "User" },
  emails: [{ primary: true, value: login, type: "work" }],
  displayName: "Test User",
  locale: "en-US",
  externalId: `00ujl29u0le5T6Aj10h7-${login}`,
  groups: [],
  password: "1mz050nq",
  active: true,
  ...over,
});

describe("Okta: create, read, update", () => {
  it("looks the person up by userName, finds nobody, creates them, and finds them the same way after", async () => {
    const login = `test.user.${run}@okta.local`;
    const lookup = await okta.listUsers(`?filter=${encodeURIComponent(`userName eq "${login}"`)}&startIndex=1&count=100`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

    const created = await okta.createUser(oktaUser(login));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get("location")).toMatch(new RegExp(`/scim/v2/Users/${id}$`));
    expect(created.headers.get("etag")).toBe((created.body.meta as { version: string }).version);
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA],
      userName: login,
      displayName: "Test User",
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: login, type: "work" }],
      locale: "en-US",
      active: true,
      externalId: `00ujl29u0le5T6Aj10h7-${login}`,
      groups: [],
      meta: { resourceType: "User", location: expect.stringContaining(`/scim/v2/Users/${id}`) },
    });
    expect(created.body).not.toHaveProperty("password");

    // The person is a Vetted user (keyed by email, an employee, SSO-only), and the creation is audited.
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: login, name: "Test User", role: "employee", active: true, passwordHash: null });
    expect(JSON.stringify(row)).not.toContain("1mz050nq");
    const audit = await auditFor(db, id);
    expect(audit.map((a) => a.action)).toEqual(["user.provisioned"]);
    expect(audit[0]!.actorEmail).toMatch(/via API token "IdP provisioning/);

    expect((await okta.getUser(id)).body).toEqual(created.body);
    const found = await okta.listUsers(`?filter=${encodeURIComponent(`userName eq "${login.toUpperCase()}"`)}&startIndex=1&count=100`);
    expect(found.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, Resources: [{ id, userName: login }] });
  });

  it("replaces the profile with PUT, and a PUT that changes nothing writes nothing", async () => {
    const login = `put.user.${run}@okta.local`;
    const { body } = await okta.createUser(oktaUser(login));
    const id = body.id as string;
    const put = await okta.putUser(id, oktaUser(login, { id, name: { givenName: "Another", familyName: "User" }, displayName: "Another User", title: "Engineer" }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, displayName: "Another User", name: { givenName: "Another", familyName: "User" }, title: "Engineer" });
    expect(put.headers.get("etag")).not.toBe(body.meta && (body.meta as { version: string }).version);
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.name).toBe("Another User");

    // Okta's profile holds the manager's login, not Vetted's id: the manager is found by userName or email.
    const boss = (await okta.createUser(oktaUser(`boss.${run}@okta.local`))).body.id as string;
    const managed = await okta.putUser(id, oktaUser(login, { id, name: { givenName: "Another", familyName: "User" }, displayName: "Another User", title: "Engineer", schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { manager: { value: `BOSS.${run}@okta.local` } } }));
    expect(managed.status).toBe(200);
    expect(managed.body).toMatchObject({ [ENTERPRISE]: { manager: { value: boss } } });
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.managerId).toBe(boss);
    // A PUT replaces the whole resource: without a manager, the link goes.
    const put2 = await okta.putUser(id, oktaUser(login, { id, name: { givenName: "Another", familyName: "User" }, displayName: "Another User", title: "Engineer" }));
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.managerId).toBeNull();

    const events = (await auditFor(db, id)).length;
    const again = await okta.putUser(id, oktaUser(login, { id, name: { givenName: "Another", familyName: "User" }, displayName: "Another User", title: "Engineer" }));
    expect(again.status).toBe(200);
    expect(again.headers.get("etag")).toBe(put2.headers.get("etag"));
    expect((await auditFor(db, id)).length).toBe(events);
  });
});

describe("Okta: deactivation", () => {
  it('PATCH {"op":"replace","value":{"active":false}} deactivates the person: their sessions end, their API tokens are revoked, they cannot sign in; reactivation does not bring those back', async () => {
    const login = `leaver.${run}@okta.local`;
    const { body } = await okta.createUser(oktaUser(login));
    const id = body.id as string;
    // Through a group that maps to reviewer, they may hold tokens; they also have a password (a local account).
    const group = await okta.createGroup({ schemas: [GROUP_SCHEMA], displayName: APPSEC, members: [{ value: id, display: login }] });
    expect(group.status).toBe(201);
    await db.update(users).set({ passwordHash: await hashPassword("correct horse battery") }).where(eq(users.id, id));
    const person: SessionUser = { id, email: login, name: "Test User", role: "reviewer", managerId: null };
    const token = await runMutation(createApiToken, person, { name: "Laptop script", scopes: ["check:read"], expiresOn: addDays(isoDay(new Date()), 30) });
    const cookie = await signInCookie(person);
    expect(await withRequest(cookie, () => getSessionUser())).toMatchObject({ id, role: "reviewer" });
    const signIn = () => authorizeLocal(db, { email: login, password: "correct horse battery" }, { [PEER_ADDRESS_HEADER]: "198.51.100.7" });
    await expect(signIn()).resolves.toMatchObject({ id });

    const patched = await okta.patchUser(id, [{ op: "replace", value: { active: false } }]);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, active: false });

    expect(await withRequest(cookie, () => getSessionUser())).toBeNull();
    const [tokenRow] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(tokenRow!.revokedAt).not.toBeNull();
    expect(tokenRow!.revokedById).toBe(admin.id);
    await expect(signIn()).rejects.toThrow(/Wrong email or password/);
    const actions = (await auditFor(db, id)).map((a) => a.action);
    expect(actions).toContain("user.scim_updated");
    expect((await auditFor(db, token.id)).map((a) => a.action)).toEqual(["token.created", "token.revoked"]);

    const reactivated = await okta.patchUser(id, [{ op: "replace", value: { active: true } }]);
    expect(reactivated.body).toMatchObject({ active: true });
    expect(await withRequest(cookie, () => getSessionUser())).toBeNull();
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.revokedAt).not.toBeNull();
    await expect(signIn()).resolves.toMatchObject({ id });
  });
});

describe("Okta: group push", () => {
  it("creates a group, renames it, adds and removes members, deletes it; membership of a mapped group gives the role and its end takes it back", async () => {
    const a = (await okta.createUser(oktaUser(`push.a.${run}@okta.local`))).body.id as string;
    const b = (await okta.createUser(oktaUser(`push.b.${run}@okta.local`))).body.id as string;
    const roleOf = async (id: string) => (await db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]!.role;

    const name = `Test SCIMv2 ${run}`;
    expect((await okta.listGroups(`?filter=${encodeURIComponent(`displayName eq "${name}"`)}&startIndex=1&count=100`)).body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await okta.createGroup({ schemas: [GROUP_SCHEMA], displayName: name, members: [] });
    expect(created.status).toBe(201);
    const groupId = created.body.id as string;
    expect(created.body).toMatchObject({ schemas: [GROUP_SCHEMA], id: groupId, displayName: name, members: [], meta: { resourceType: "Group" } });
    expect((await okta.getGroup(groupId)).body).toEqual(created.body);

    // Okta renames with a path-less replace that repeats the id; the new name maps to manager.
    const renamed = await okta.patchGroup(groupId, [{ op: "replace", value: { id: groupId, displayName: PEOPLE_LEADS } }]);
    expect(renamed.status).toBe(204);
    expect(renamed.headers.get("etag")).toMatch(/^W\/"/);
    expect((await okta.getGroup(groupId)).body).toMatchObject({ displayName: PEOPLE_LEADS });

    const added = await okta.patchGroup(groupId, [{ op: "add", path: "members", value: [{ value: a, display: "a" }, { value: b, display: "b" }] }]);
    expect(added.status).toBe(204);
    expect(((await okta.getGroup(groupId)).body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([a, b].sort());
    expect([await roleOf(a), await roleOf(b)]).toEqual(["manager", "manager"]);
    expect((await okta.getUser(a)).body.groups).toEqual([expect.objectContaining({ value: groupId, display: PEOPLE_LEADS })]);
    expect((await auditFor(db, a)).map((e) => e.action)).toContain("user.scim_role_synced");

    const removed = await okta.patchGroup(groupId, [{ op: "remove", path: `members[value eq "${a}"]` }]);
    expect(removed.status).toBe(204);
    expect(((await okta.getGroup(groupId)).body.members as { value: string }[]).map((m) => m.value)).toEqual([b]);
    expect(await roleOf(a)).toBe("employee");
    expect(await roleOf(b)).toBe("manager");
    // Removing someone who is not a member changes nothing.
    expect((await okta.patchGroup(groupId, [{ op: "remove", path: `members[value eq "${a}"]` }])).status).toBe(204);

    expect((await okta.deleteGroup(groupId)).status).toBe(204);
    expect((await okta.getGroup(groupId)).status).toBe(404);
    expect(await roleOf(b)).toBe("employee");
    expect((await auditFor(db, groupId)).map((e) => e.action)).toEqual(["group.created", "group.updated", "group.updated", "group.updated", "group.deleted"]);
  });

  it("lists groups with pagination and members left out on request", async () => {
    for (const n of [1, 2, 3]) await okta.createGroup({ schemas: [GROUP_SCHEMA], displayName: `Paged ${run} ${n}` });
    const page = await okta.listGroups(`?filter=${encodeURIComponent(`displayName sw "Paged ${run}"`)}&startIndex=2&count=1&excludedAttributes=members`);
    expect(page.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1, Resources: [{ displayName: `Paged ${run} 2` }] });
    expect(page.body.Resources![0]).not.toHaveProperty("members");
  });
});
