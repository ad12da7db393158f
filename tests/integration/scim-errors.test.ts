/**
 * Every refusal of the SCIM service in SCIM's error shape (RFC 7644 §3.12: the Error schema,
 * `status` as a string, `scimType` where the RFC names one), each changing nothing; the token
 * rules (scope scim only, and only there); the discovery endpoints; pagination.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as check } from "@/app/api/v1/check/route";
import * as bulk from "@/app/scim/v2/Bulk/route";
import * as me from "@/app/scim/v2/Me/route";
import * as resourceType from "@/app/scim/v2/ResourceTypes/[id]/route";
import * as resourceTypes from "@/app/scim/v2/ResourceTypes/route";
import * as schema from "@/app/scim/v2/Schemas/[id]/route";
import * as schemas from "@/app/scim/v2/Schemas/route";
import * as serviceProviderConfig from "@/app/scim/v2/ServiceProviderConfig/route";
import * as usersRoute from "@/app/scim/v2/Users/route";
import * as userRoute from "@/app/scim/v2/Users/[id]/route";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { addDays, isoDay } from "@/lib/domain/requests";
import { createApiToken, revokeApiToken } from "@/lib/mutations/api-tokens";
import { updateUser } from "@/lib/mutations/users";
import { runMutation } from "@/lib/server/guard";
import { callApi, type RouteHandler } from "../support/api";
import { counts, makeUser, unique } from "../support/fixtures";
import { ENTERPRISE, expectScimError, GROUP_SCHEMA, scim, scimClient, scimToken, USER_SCHEMA, type ScimHandler } from "../support/scim";
import { signInCookie, withRequest } from "../support/session";

let db: Db;
let admin: SessionUser;
let secret: string;
let client: ReturnType<typeof scimClient>;
let someone: string;
const run = Date.now().toString(36);
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

const user = (login: string, over: Record<string, unknown> = {}) => ({ schemas: [USER_SCHEMA], userName: login, emails: [{ value: login, primary: true, type: "work" }], displayName: login, active: true, ...over });

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
  // A second admin: the first may then be deactivated through SCIM in the last-admin case below.
  await makeUser(db, "admin");
  secret = await scimToken(admin);
  client = scimClient(secret);
  someone = (await client.createUser(user(`someone.${run}@example.com`))).body.id as string;
});
afterAll(() => closeDb());

/** Nothing is written: every write is audited, and the number of audit events stays put. */
async function unchangedBy(work: () => Promise<void>) {
  const before = await counts(db);
  await work();
  expect(await counts(db)).toEqual(before);
}

describe("SCIM errors: authentication and scope", () => {
  it("401 without a token (with WWW-Authenticate), with a malformed one, an unknown one, a revoked one; a session cookie does not count", async () => {
    const list = usersRoute.GET as ScimHandler;
    const none = await scim(list, "/Users");
    expectScimError(none, 401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
    expectScimError(await scim(list, "/Users", { headers: { authorization: "Bearer not-a-token" } }), 401);
    expectScimError(await scim(list, "/Users", { headers: { authorization: `Basic ${secret}` } }), 401);
    expectScimError(await scim(list, "/Users", { token: `vt_${"x".repeat(43)}` }), 401);
    const revoked = await runMutation(createApiToken, admin, { name: unique("Revoked IdP"), scopes: ["scim"], expiresOn: addDays(isoDay(new Date()), 9) });
    await runMutation(revokeApiToken, admin, { id: revoked.id });
    const answer = await scim(list, "/Users", { token: revoked.secret });
    expectScimError(answer, 401);
    expect(answer.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const cookie = await signInCookie(admin);
    expectScimError(await withRequest(cookie, () => scim(list, "/Users")), 401);
  });

  it("403 for a token of any other scope; a scim token is refused by the rest of the API; scim goes on a token alone, and only an admin's", async () => {
    const reviewer = await makeUser(db, "reviewer");
    for (const scope of TOKEN_SCOPES.filter((s) => s !== "scim")) {
      const other = await runMutation(createApiToken, reviewer, { name: unique(`Not SCIM ${scope}`), scopes: [scope], expiresOn: addDays(isoDay(new Date()), 9) });
      expectScimError(await scim(usersRoute.GET as ScimHandler, "/Users", { token: other.secret }), 403);
    }
    const headers = new Headers({ authorization: `Bearer ${secret}` });
    expect((await callApi(check as RouteHandler, "/api/v1/check?q=anything", { headers })).status).toBe(403);
    await expect(runMutation(createApiToken, admin, { name: "Mixed", scopes: ["scim", "check:read"], expiresOn: addDays(isoDay(new Date()), 9) })).rejects.toThrow(/stands alone/);
    await expect(runMutation(createApiToken, reviewer, { name: "Reviewer SCIM", scopes: ["scim"], expiresOn: addDays(isoDay(new Date()), 9) })).rejects.toThrow(/may not create tokens with scim/);
  });

  it("401 once the admin who made the token is no longer an admin", async () => {
    const former = await makeUser(db, "admin");
    const token = await scimToken(former);
    expect((await scim(usersRoute.GET as ScimHandler, "/Users?count=1", { token })).status).toBe(200);
    await runMutation(updateUser, admin, { id: former.id, role: "reviewer", active: "on" });
    expectScimError(await scim(usersRoute.GET as ScimHandler, "/Users?count=1", { token }), 401);
  });
});

describe("SCIM errors: requests", () => {
  it("404 for an unknown or malformed id, on every method", async () => {
    await unchangedBy(async () => {
      for (const id of [NO_SUCH_ID, "not-a-uuid"]) {
        expectScimError(await client.getUser(id), 404);
        expectScimError(await client.putUser(id, user(`x.${run}@example.com`)), 404);
        expectScimError(await client.patchUser(id, [{ op: "replace", path: "active", value: false }]), 404);
        expectScimError(await client.deleteUser(id), 404);
        expectScimError(await client.getGroup(id), 404);
        expectScimError(await client.patchGroup(id, [{ op: "replace", path: "displayName", value: "x" }]), 404);
        expectScimError(await client.deleteGroup(id), 404);
      }
    });
  });

  it("409 uniqueness for a userName, an email or a group name that exists", async () => {
    await unchangedBy(async () => {
      expectScimError(await client.createUser(user(`SOMEONE.${run}@example.com`)), 409, "uniqueness");
      expectScimError(await client.createUser(user(`other.${run}`, { emails: [{ value: `someone.${run}@example.com`, primary: true }] })), 409, "uniqueness");
    });
    const name = `Unique ${run}`;
    expect((await client.createGroup({ schemas: [GROUP_SCHEMA], displayName: name })).status).toBe(201);
    await unchangedBy(async () => expectScimError(await client.createGroup({ schemas: [GROUP_SCHEMA], displayName: name.toLowerCase() }), 409, "uniqueness"));
  });

  it("400 invalidSyntax for a body that is not JSON, not an object, or the wrong content type (415)", async () => {
    await unchangedBy(async () => {
      const post = usersRoute.POST as ScimHandler;
      expectScimError(await scim(post, "/Users", { method: "POST", token: secret, body: "{ not json" }), 400, "invalidSyntax");
      expectScimError(await scim(post, "/Users", { method: "POST", token: secret, body: "[1, 2]" }), 400, "invalidSyntax");
      expectScimError(await scim(post, "/Users", { method: "POST", token: secret, body: "userName=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "invalidSyntax");
    });
  });

  it("400 invalidValue for a resource the schema refuses or Vetted cannot key by email", async () => {
    await unchangedBy(async () => {
      expectScimError(await client.createUser({ schemas: [USER_SCHEMA], displayName: "No userName" }), 400, "invalidValue");
      expectScimError(await client.createUser({ schemas: [USER_SCHEMA], userName: 42 }), 400, "invalidValue");
      expectScimError(await client.createUser({ schemas: [USER_SCHEMA], userName: "not-an-email" }), 400, "invalidValue");
      expectScimError(await client.createUser(user(`long.${run}@example.com`, { displayName: "x".repeat(201) })), 400, "invalidValue");
      expectScimError(await client.createUser(user(`managed.${run}@example.com`, { [ENTERPRISE]: { manager: { value: NO_SUCH_ID } } })), 400, "invalidValue");
      expectScimError(await client.createGroup({ schemas: [GROUP_SCHEMA], displayName: `Bad members ${run}`, members: [{ value: NO_SUCH_ID }] }), 400, "invalidValue");
      expectScimError(await client.createGroup({ schemas: [GROUP_SCHEMA], displayName: `Nested ${run}`, members: [{ value: someone, type: "Group" }] }), 400, "invalidValue");
      expectScimError(await client.createGroup({ schemas: [GROUP_SCHEMA] }), 400, "invalidValue");
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: `${ENTERPRISE}:manager`, value: someone }]), 400, "invalidValue");
    });
  });

  it("400 for patches that cannot apply: invalidSyntax (not a PatchOp, no operations, unknown op), invalidPath, mutability, noTarget, invalidValue", async () => {
    await unchangedBy(async () => {
      const patch = userRoute.PATCH as ScimHandler;
      const send = (body: unknown) => scim(patch, `/Users/${someone}`, { method: "PATCH", token: secret, body, params: { id: someone } });
      expectScimError(await send({ Operations: [{ op: "replace", path: "active", value: false }] }), 400, "invalidSyntax");
      expectScimError(await send({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [] }), 400, "invalidSyntax");
      expectScimError(await client.patchUser(someone, [{ op: "move", path: "active" }]), 400, "invalidSyntax");
      expectScimError(await client.patchUser(someone, ["replace"]), 400, "invalidSyntax");
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: "noSuchAttribute", value: 1 }]), 400, "invalidPath");
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: 'emails[type eq "work"', value: "x" }]), 400, "invalidPath");
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: "id", value: NO_SUCH_ID }]), 400, "mutability");
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: 'emails[type eq "home"].value', value: "home@example.com" }]), 400, "noTarget");
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: "active", value: "perhaps" }]), 400, "invalidValue");
      expectScimError(await client.putUser(someone, user(`someone.${run}@example.com`, { id: NO_SUCH_ID })), 400, "mutability");
    });
  });

  it("400 invalidFilter for a filter that cannot be read or names what cannot be filtered; 400 for bad pagination", async () => {
    for (const filter of ['userName eq', 'userName xx "a"', 'title eq "x"', 'userName gt 5', 'active eq "maybe"', 'not (userName eq "a" or userName eq "b")', 'meta.created gt "yesterday"']) {
      expectScimError(await client.listUsers(`?filter=${encodeURIComponent(filter)}`), 400, "invalidFilter");
    }
    expectScimError(await client.listGroups(`?filter=${encodeURIComponent('members co "x"')}`), 400, "invalidFilter");
    expectScimError(await client.listUsers("?startIndex=first"), 400, "invalidValue");
    expectScimError(await client.listUsers("?count=lots"), 400, "invalidValue");
  });

  it("412 when If-Match names another version; the current one (or *) is honoured", async () => {
    const current = await client.getUser(someone);
    const etag = current.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    await unchangedBy(async () => {
      expectScimError(await client.patchUser(someone, [{ op: "replace", path: "title", value: "Stale" }], { "if-match": 'W/"stale"' }), 412);
      expectScimError(await client.putUser(someone, user(`someone.${run}@example.com`, { title: "Stale" }), { "if-match": '"stale"' }), 412);
      expectScimError(await client.deleteUser(someone, { "if-match": 'W/"stale"' }), 412);
    });
    const ok = await client.patchUser(someone, [{ op: "replace", path: "title", value: "Fresh" }], { "if-match": etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).not.toBe(etag);
    expectScimError(await client.patchUser(someone, [{ op: "replace", path: "title", value: "Again" }], { "if-match": etag }), 412);
    expect((await client.patchUser(someone, [{ op: "replace", path: "title", value: "Any" }], { "if-match": "*" })).status).toBe(200);

    const group = await client.createGroup({ schemas: [GROUP_SCHEMA], displayName: `Versioned ${run}` });
    expectScimError(await client.patchGroup(group.body.id as string, [{ op: "replace", path: "displayName", value: "x" }], { "if-match": 'W/"stale"' }), 412);
    expect((await client.patchGroup(group.body.id as string, [{ op: "replace", path: "displayName", value: `Versioned ${run} 2` }], { "if-match": group.headers.get("etag")! })).status).toBe(204);
  });

  it("413 for a body over the limit, before it is parsed", async () => {
    await unchangedBy(async () => {
      const answer = await client.createUser(user(`big.${run}@example.com`, { title: "x".repeat(1024 * 1024 + 10) }));
      expectScimError(answer, 413);
    });
  });

  it("409 for what would end the token itself or leave no admin", async () => {
    const adminsSelf = (await client.listUsers(`?filter=${encodeURIComponent(`userName eq "${admin.email}"`)}`)).body.Resources![0]!.id as string;
    await unchangedBy(async () => {
      expectScimError(await client.patchUser(adminsSelf, [{ op: "replace", value: { active: false } }]), 409);
      expectScimError(await client.deleteUser(adminsSelf), 409);
    });
  });

  it("501 for Bulk (as ServiceProviderConfig says), /Me and .search; 405 for a POST to a resource; 400 for a sort by what cannot be sorted", async () => {
    expectScimError(await scim(bulk.POST as ScimHandler, "/Bulk", { method: "POST", token: secret, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], Operations: [] } }), 501);
    expectScimError(await client.listUsers("?sortBy=title"), 400, "invalidValue");
    expectScimError(await client.listUsers("?sortBy=userName&sortOrder=sideways"), 400, "invalidValue");
    const config = await scim(serviceProviderConfig.GET as ScimHandler, "/ServiceProviderConfig", { token: secret });
    expect(config.body).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, sort: { supported: true }, etag: { supported: true }, filter: { supported: true, maxResults: 200 }, changePassword: { supported: false } });
    expectScimError(await scim(bulk.POST as ScimHandler, "/Bulk", { method: "POST", body: {} }), 401);
    expectScimError(await scim(me.GET as ScimHandler, "/Me", { token: secret }), 501);
    expectScimError(await scim(userRoute.POST as ScimHandler, "/Users/.search", { method: "POST", token: secret, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"] }, params: { id: ".search" } }), 501);
    const post = await scim(userRoute.POST as ScimHandler, `/Users/${someone}`, { method: "POST", token: secret, body: {}, params: { id: someone } });
    expectScimError(post, 405);
    expect(post.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE");
  });
});

describe("SCIM discovery and lists", () => {
  it("describes its resource types and schemas (with the enterprise extension's manager)", async () => {
    const types = await scim(resourceTypes.GET as ScimHandler, "/ResourceTypes", { token: secret });
    expect(types.body).toMatchObject({ totalResults: 2, Resources: [{ id: "User", endpoint: "/Users", schemaExtensions: [{ schema: ENTERPRISE }] }, { id: "Group", endpoint: "/Groups" }] });
    expect((await scim(resourceType.GET as ScimHandler, "/ResourceTypes/Group", { token: secret, params: { id: "Group" } })).body).toMatchObject({ id: "Group", schema: GROUP_SCHEMA });
    expectScimError(await scim(resourceType.GET as ScimHandler, "/ResourceTypes/Device", { token: secret, params: { id: "Device" } }), 404);

    const all = await scim(schemas.GET as ScimHandler, "/Schemas", { token: secret });
    expect((all.body.Resources as { id: string }[]).map((s) => s.id)).toEqual([USER_SCHEMA, ENTERPRISE, GROUP_SCHEMA]);
    const enterprise = await scim(schema.GET as ScimHandler, `/Schemas/${ENTERPRISE}`, { token: secret, params: { id: ENTERPRISE } });
    expect((enterprise.body.attributes as { name: string }[]).map((a) => a.name)).toContain("manager");
    const userSchema = await scim(schema.GET as ScimHandler, `/Schemas/${USER_SCHEMA}`, { token: secret, params: { id: USER_SCHEMA } });
    expect((userSchema.body.attributes as { name: string }[]).map((a) => a.name)).toEqual(expect.arrayContaining(["userName", "active", "emails", "groups"]));
    expectScimError(await scim(schema.GET as ScimHandler, "/Schemas/urn:nothing", { token: secret, params: { id: "urn:nothing" } }), 404);
  });

  it("pages with startIndex and count, totalResults counting every match; filters with co, sw, ew, and, or, pr; sorts", async () => {
    for (const n of [1, 2, 3, 4, 5]) await client.createUser(user(`page${n}.${run}@paging.example`, { displayName: `Pager ${n}`, title: n % 2 ? "odd" : "even" }));
    const q = (filter: string, more = "") => client.listUsers(`?filter=${encodeURIComponent(filter)}${more}`);
    const first = await q(`userName co "${run}@paging"`, "&startIndex=1&count=2");
    expect(first.body).toMatchObject({ totalResults: 5, startIndex: 1, itemsPerPage: 2 });
    expect((first.body.Resources as { displayName: string }[]).map((r) => r.displayName)).toEqual(["Pager 1", "Pager 2"]);
    const last = await q(`userName co "${run}@paging"`, "&startIndex=5&count=2");
    expect(last.body).toMatchObject({ totalResults: 5, startIndex: 5, itemsPerPage: 1, Resources: [{ displayName: "Pager 5" }] });
    expect((await q(`userName co "${run}@paging"`, "&startIndex=9")).body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect((await q(`userName co "${run}@paging"`, "&count=0")).body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect((await q(`userName sw "page3.${run}"`)).body).toMatchObject({ totalResults: 1, Resources: [{ displayName: "Pager 3" }] });
    expect((await q(`userName ew "${run}@paging.example" and displayName eq "pager 4"`)).body).toMatchObject({ totalResults: 1, Resources: [{ displayName: "Pager 4" }] });
    expect((await q(`displayName eq "Pager 1" or displayName eq "Pager 2"`)).body).toMatchObject({ totalResults: 2 });
    expect((await q(`userName co "${run}@paging" and not (displayName eq "Pager 1")`)).body).toMatchObject({ totalResults: 4 });
    expect((await q(`userName co "${run}@paging" and externalId pr`)).body).toMatchObject({ totalResults: 0 });
    const sorted = await q(`userName co "${run}@paging"`, "&sortBy=displayName&sortOrder=descending&count=2");
    expect((sorted.body.Resources as { displayName: string }[]).map((r) => r.displayName)).toEqual(["Pager 5", "Pager 4"]);
    const byTitle = await q(`userName co "${run}@paging"`, "&sortBy=name.familyName");
    expect(byTitle.body).toMatchObject({ totalResults: 5 });
    const slim = await q(`userName sw "page1.${run}"`, "&attributes=userName");
    expect(Object.keys(slim.body.Resources![0]!).sort()).toEqual(["id", "meta", "schemas", "userName"]);
  });
});

describe("SCIM under hostile input", () => {
  it("answers no 5xx, in SCIM's shape, to odd ids, queries and bodies on every endpoint", async () => {
    const ids = ["", "%", "..", "a".repeat(5000), "00000000-0000-4000-8000-00000000000Z", "__proto__", "' or 1=1 --"];
    const queries = ["?filter=" + encodeURIComponent('userName eq "\u0000"'), "?filter=" + encodeURIComponent("(((((("), "?filter=" + encodeURIComponent("x".repeat(5000)), "?count=99999999999", "?startIndex=-1", "?attributes=,,,", "?excludedAttributes=" + encodeURIComponent("{}")];
    const bodies: unknown[] = ["null", "true", '"text"', "{}", { schemas: "x" }, { userName: { nested: true } }, { displayName: ["a"] }, { members: "all" }, { Operations: "x", schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"] }, '{"__proto__": {"polluted": true}, "userName": "p@example.com"}', { emails: [null, 5, { value: null }], userName: "q" }, { userName: "nul\u0000@example.com" }, { userName: "n@example.com", title: "a\u0000b" }];
    const problems: string[] = [];
    const note = (what: string, status: number) => {
      if (status >= 500) problems.push(`${what} → ${status}`);
    };
    for (const query of queries) {
      note(`GET /Users${query}`, (await client.listUsers(query)).status);
      note(`GET /Groups${query}`, (await client.listGroups(query)).status);
    }
    for (const id of ids) {
      note(`GET /Users/${id.slice(0, 20)}`, (await client.getUser(id)).status);
      note(`PATCH /Groups/${id.slice(0, 20)}`, (await client.patchGroup(id, [{ op: "add", path: "members", value: [{ value: id }] }])).status);
    }
    for (const body of bodies) {
      note(`POST /Users ${JSON.stringify(body).slice(0, 40)}`, (await client.createUser(body)).status);
      note(`POST /Groups ${JSON.stringify(body).slice(0, 40)}`, (await client.createGroup(body)).status);
      note(`PUT /Users ${JSON.stringify(body).slice(0, 40)}`, (await client.putUser(someone, body)).status);
      const patch = await scim(userRoute.PATCH as ScimHandler, `/Users/${someone}`, { method: "PATCH", token: secret, body, params: { id: someone } });
      note(`PATCH /Users ${JSON.stringify(body).slice(0, 40)}`, patch.status);
    }
    for (const operation of [{ op: "add", path: "emails", value: "x" }, { op: "replace", path: "name", value: [1] }, { op: "add", value: null }, { op: "remove", path: "groups" }, { op: "replace", path: "meta.created", value: "now" }]) {
      note(`PATCH ${JSON.stringify(operation)}`, (await client.patchUser(someone, [operation])).status);
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
