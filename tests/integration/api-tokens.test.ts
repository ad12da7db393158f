import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as catalogueExport } from "@/app/api/v1/catalogue/export/route";
import { POST as catalogueImport } from "@/app/api/v1/catalogue/import/route";
import { GET as check, POST as bulkCheck } from "@/app/api/v1/check/route";
import { GET as chromeExport } from "@/app/api/v1/exports/chrome/route";
import { GET as domainsExport } from "@/app/api/v1/exports/domains/route";
import { GET as npmExport } from "@/app/api/v1/exports/npm/route";
import { GET as pypiExport } from "@/app/api/v1/exports/pypi/route";
import { GET as santaExport } from "@/app/api/v1/exports/santa/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { GET as softwareItem } from "@/app/api/v1/software/[slug]/route";
import { GET as softwareList } from "@/app/api/v1/software/route";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { apiTokens, auditEvents } from "@/lib/db/schema";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/domain/api-tokens";
import { addDays, isoDay } from "@/lib/domain/requests";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { createApiToken, revokeApiToken } from "@/lib/mutations/api-tokens";
import { createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { updateUser } from "@/lib/mutations/users";
import { runMutation } from "@/lib/server/guard";
import { callApi, type RouteHandler } from "../support/api";
import { makeUser, unique } from "../support/fixtures";

// This file runs in its own process: a small rate limit, set before anything reads the config.
process.env.API_RATE_LIMIT_PER_MINUTE = "8";

let db: Db;
let admin: SessionUser;
let reviewer: SessionUser;
let slug: string;

function call(handler: RouteHandler, path: string, secret: string | null, params: Record<string, string> = {}, authorization?: string, body?: unknown) {
  const headers = new Headers();
  if (authorization ?? secret) headers.set("authorization", authorization ?? `Bearer ${secret}`);
  if (body === undefined) return callApi(handler, path, { headers, params });
  headers.set("content-type", "application/json");
  return callApi(handler, path, { method: "POST", headers, params, body: JSON.stringify(body) });
}

async function token(scopes: TokenScope[], over: { expiresOn?: string; by?: SessionUser } = {}) {
  return runMutation(createApiToken, over.by ?? admin, { name: unique("CI token"), scopes, expiresOn: over.expiresOn ?? addDays(isoDay(new Date()), 30) });
}

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
  reviewer = await makeUser(db, "reviewer");
  const tool = await runMutation(createSoftware, reviewer, { name: unique("Tokened tool"), kind: "cli", category: "Build" });
  await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "prohibited", rationale: "For the token tests." });
  slug = tool.slug;
});
afterAll(() => closeDb());

describe("API tokens", () => {
  it("shows the secret once and keeps only its hash; the audit trail never sees it", async () => {
    const created = await token(["check:read"]);
    expect(created.secret).toMatch(/^vt_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(row!.prefix).toBe(created.secret.slice(0, 9));
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(["token.created"]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it("answers a bearer token in force, records its last use, and refuses unknown, malformed, revoked and expired ones", async () => {
    const created = await token(["check:read"]);
    const ok = await call(check, `/api/v1/check?q=${slug}`, created.secret);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ verdict: "prohibited", software: { slug } });
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, created.id)))[0]!.lastUsedAt).not.toBeNull();

    expect((await call(check, `/api/v1/check?q=${slug}`, `vt_${"x".repeat(43)}`)).status).toBe(401);
    expect((await call(check, `/api/v1/check?q=${slug}`, null, {}, "Bearer not-a-token")).status).toBe(401);
    expect((await call(check, `/api/v1/check?q=${slug}`, null, {}, `Basic ${created.secret}`)).status).toBe(401);

    await runMutation(revokeApiToken, admin, { id: created.id });
    const revoked = await call(check, `/api/v1/check?q=${slug}`, created.secret);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/not valid/);

    const expiring = await token(["check:read"]);
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expiring.id));
    expect((await call(check, `/api/v1/check?q=${slug}`, expiring.secret)).status).toBe(401);
  });

  it("grants each endpoint only to its scope (token scope × endpoint matrix)", async () => {
    const endpoints: { name: string; handler: RouteHandler; path: string; params?: Record<string, string>; body?: unknown; scope: TokenScope }[] = [
      { name: "GET /api/v1/check", handler: check, path: `/api/v1/check?q=${slug}`, scope: "check:read" },
      { name: "POST /api/v1/check", handler: bulkCheck, path: "/api/v1/check", body: { items: [{ q: slug }, { q: "left-pad", type: "npm" }] }, scope: "check:read" },
      { name: "GET /api/v1/software", handler: softwareList, path: "/api/v1/software", scope: "catalogue:read" },
      { name: "GET /api/v1/software/{slug}", handler: softwareItem, path: `/api/v1/software/${slug}`, params: { slug }, scope: "catalogue:read" },
      { name: "GET /api/v1/exports/santa", handler: santaExport, path: "/api/v1/exports/santa", scope: "check:read" },
      { name: "GET /api/v1/exports/chrome", handler: chromeExport, path: "/api/v1/exports/chrome", scope: "check:read" },
      { name: "GET /api/v1/exports/domains", handler: domainsExport as RouteHandler, path: "/api/v1/exports/domains", scope: "check:read" },
      { name: "GET /api/v1/exports/npm", handler: npmExport, path: "/api/v1/exports/npm", scope: "check:read" },
      { name: "GET /api/v1/exports/pypi", handler: pypiExport, path: "/api/v1/exports/pypi", scope: "check:read" },
      { name: "GET /api/v1/catalogue/export", handler: catalogueExport, path: `/api/v1/catalogue/export?q=${slug}`, scope: "catalogue:read" },
      {
        name: "POST /api/v1/catalogue/import (dry run)",
        handler: catalogueImport,
        path: "/api/v1/catalogue/import?mode=dry-run",
        body: { format: "vetted-catalogue", version: 1, exportedAt: new Date().toISOString(), filters: {}, software: [{ name: "Matrix tool", kind: "cli", category: "Build" }] },
        scope: "catalogue:write",
      },
    ];
    for (const scope of TOKEN_SCOPES) {
      // A fresh token per scope: the matrix must not trip the rate limit. Reviewers may hold every scope but scim (an admin's).
      const { secret } = await token([scope], { by: scope === "scim" ? admin : reviewer });
      for (const endpoint of endpoints) {
        const response = await call(endpoint.handler, endpoint.path, secret, endpoint.params, undefined, endpoint.body);
        expect(response.status, `${scope} → ${endpoint.name}`).toBe(endpoint.scope === scope ? 200 : 403);
      }
    }
  });

  it("limits each token per minute with 429 and Retry-After, counted in the database", async () => {
    const { secret } = await token(["check:read"]);
    const other = await token(["check:read"]);
    for (let i = 0; i < 8; i++) expect((await call(check, `/api/v1/check?q=${slug}`, secret)).status).toBe(200);
    const limited = await call(check, `/api/v1/check?q=${slug}`, secret);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another token has its own budget.
    expect((await call(check, `/api/v1/check?q=${slug}`, other.secret)).status).toBe(200);
  });

  it("serves the OpenAPI document to anyone, describing the scopes the handlers enforce", async () => {
    const response = await callApi(openApi, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.1");
    expect(document.paths["/api/v1/check"].post.security).toEqual([{ apiToken: ["check:read"] }, { session: [] }]);
    expect(document.paths["/api/v1/software"].get.security).toEqual([{ apiToken: ["catalogue:read"] }, { session: [] }]);
  });

  it("is created by reviewers and admins only, with a bounded expiry", async () => {
    for (const role of ["employee", "manager"] as const) {
      const person = await makeUser(db, role);
      await expect(runMutation(createApiToken, person, { name: "Mine", scopes: ["check:read"], expiresOn: addDays(isoDay(new Date()), 10) })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(token(["check:read"], { expiresOn: isoDay(new Date()) })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(token(["check:read"], { expiresOn: addDays(isoDay(new Date()), 400) })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(createApiToken, admin, { name: "No scope", scopes: [], expiresOn: addDays(isoDay(new Date()), 10) })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(createApiToken, admin, { name: "Bad scope", scopes: ["admin:all"], expiresOn: addDays(isoDay(new Date()), 10) })).rejects.toBeInstanceOf(ValidationFailed);
  });
});

describe("a token never outlives its creator's rights", () => {
  const importBody = () => ({ format: "vetted-catalogue", version: 1, exportedAt: new Date().toISOString(), filters: {}, software: [{ name: unique("Synced tool"), kind: "cli", category: "Build" }] });
  const importApply = (secret: string) => call(catalogueImport, "/api/v1/catalogue/import?mode=apply", secret, {}, undefined, importBody());
  const setRole = (user: SessionUser, role: SessionUser["role"]) => runMutation(updateUser, admin, { id: user.id, role, active: "on" });

  it("lets a reviewer create a catalogue:write token for a CMDB sync, which imports; an admin may not create one", async () => {
    const secret = (await token(["catalogue:write", "catalogue:read"], { by: reviewer })).secret;
    const applied = await importApply(secret);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true, summary: { create: 1 } });

    const before = await db.select({ id: apiTokens.id }).from(apiTokens);
    await expect(token(["catalogue:write"], { by: admin })).rejects.toThrow(/may not create tokens with catalogue:write/);
    await expect(token(["catalogue:write"], { by: admin })).rejects.toBeInstanceOf(Forbidden);
    expect(await db.select({ id: apiTokens.id }).from(apiTokens)).toHaveLength(before.length);
  });

  it("answers 401 to a catalogue:write token an admin holds, even one made before the rule", async () => {
    const legacy = await token(["check:read"], { by: admin });
    // Made when admins could still create one: written as it was stored then.
    await db.update(apiTokens).set({ scopes: ["catalogue:write"] }).where(eq(apiTokens.id, legacy.id));
    const refused = await importApply(legacy.secret);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toMatch(/no longer valid/);
  });

  it("answers 401 to every call once the creator is demoted: reads and writes", async () => {
    const formerAdmin = await makeUser(db, "admin");
    const readToken = (await token(["check:read", "catalogue:read"], { by: formerAdmin })).secret;
    expect((await call(check, `/api/v1/check?q=${slug}`, readToken)).status).toBe(200);
    const formerReviewer = await makeUser(db, "reviewer");
    const writeToken = (await token(["catalogue:write"], { by: formerReviewer })).secret;
    expect((await importApply(writeToken)).status).toBe(200);

    await setRole(formerAdmin, "employee");
    await setRole(formerReviewer, "admin"); // an admin may not edit the catalogue
    expect((await call(check, `/api/v1/check?q=${slug}`, readToken)).status).toBe(401);
    expect((await call(softwareList, "/api/v1/software", readToken)).status).toBe(401);
    const refused = await importApply(writeToken);
    expect(refused.status).toBe(401);

    // Given the role back, the token works again: it follows the creator's current role.
    await setRole(formerReviewer, "reviewer");
    expect((await importApply(writeToken)).status).toBe(200);
  });

  it("answers 401 to every call once the creator is deactivated", async () => {
    const leaver = await makeUser(db, "reviewer");
    const secret = (await token(["check:read", "catalogue:write"], { by: leaver })).secret;
    expect((await call(check, `/api/v1/check?q=${slug}`, secret)).status).toBe(200);
    await runMutation(updateUser, admin, { id: leaver.id, role: "reviewer" });
    expect((await call(check, `/api/v1/check?q=${slug}`, secret)).status).toBe(401);
    expect((await importApply(secret)).status).toBe(401);
  });

  it("lets reviewers revoke their own tokens only; admins revoke anyone's", async () => {
    const mine = await token(["check:read"], { by: reviewer });
    const othersReviewer = await makeUser(db, "reviewer");
    await expect(runMutation(revokeApiToken, othersReviewer, { id: mine.id })).rejects.toBeInstanceOf(NotFound);
    const adminsToken = await token(["check:read"], { by: admin });
    await expect(runMutation(revokeApiToken, reviewer, { id: adminsToken.id })).rejects.toBeInstanceOf(NotFound);
    await runMutation(revokeApiToken, reviewer, { id: mine.id });
    const other = await token(["check:read"], { by: othersReviewer });
    await runMutation(revokeApiToken, admin, { id: other.id });
    expect((await call(check, `/api/v1/check?q=${slug}`, other.secret)).status).toBe(401);
  });
});
