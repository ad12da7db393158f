import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as bulkCheck } from "@/app/api/v1/check/route";
import { GET as softwareList } from "@/app/api/v1/software/route";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { auditEvents, software, vendors } from "@/lib/db/schema";
import { API } from "@/lib/api/endpoints";
import { scopesAllow } from "@/lib/domain/policy";
import { addDays, isoDay } from "@/lib/domain/requests";
import { Conflict, Forbidden } from "@/lib/errors";
import { setLogDestination } from "@/lib/log";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { createSoftware } from "@/lib/mutations/catalogue";
import { defineMutation, runAsSystem, runMutation } from "@/lib/server/guard";
import { expectDocumented } from "../support/api";
import { makeUser, unique } from "../support/fixtures";

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

let db: Db;
let employee: SessionUser;
let reviewer: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  db = await getDb();
  employee = await makeUser(db, "employee");
  reviewer = await makeUser(db, "reviewer");
  admin = await makeUser(db, "admin");
});
afterAll(() => closeDb());

/**
 * A mutation anyone who may file requests may run, which writes a vendor itself and then, as a
 * step, creates software: a reviewer's action. The step is authorised for the same caller.
 */
const vendorThenSoftware = defineMutation({
  name: "vendorThenSoftware",
  action: "request.create",
  input: z.object({ vendor: z.string(), software: z.string() }),
  async run(ctx) {
    const [vendor] = await ctx.tx.insert(vendors).values({ name: ctx.input.vendor, slug: slugOf(ctx.input.vendor) }).returning();
    const created = await ctx.run(createSoftware, { name: ctx.input.software, kind: "cli", category: "Build", vendorId: vendor!.id });
    return { result: created, audit: [{ action: "vendor.created", entityType: "vendor", entityId: vendor!.id }] };
  },
});

describe("the door, by construction", () => {
  it("hands out mutations that cannot be run around it", async () => {
    expect(Object.keys(createSoftware).sort()).toEqual(["action", "input", "name"]);
    expect(Object.isFrozen(createSoftware)).toBe(true);
    expect((createSoftware as unknown as { run?: unknown }).run).toBeUndefined();
    // @ts-expect-error: a mutation has no run; only lib/server/guard.ts holds its body.
    expect(() => createSoftware.run({})).toThrow(TypeError);
    // Nor can a copy with a body of its own pass for it: the door runs only what defineMutation made.
    const forged = { ...createSoftware, run: async () => ({ result: null, audit: [] }) };
    await expect(runMutation(forged, reviewer, { name: "Forged", kind: "cli", category: "Build" })).rejects.toThrow(/not made by defineMutation/);
  });

  it("authorises a composed mutation for the same caller: an employee's step that only a reviewer may take is refused, and nothing is written", async () => {
    const names = { vendor: unique("Composed vendor"), software: unique("Composed tool") };
    await expect(runMutation(vendorThenSoftware, employee, names)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.select().from(vendors).where(eq(vendors.name, names.vendor))).toEqual([]);
    expect(await db.select().from(software).where(eq(software.name, names.software))).toEqual([]);

    // A reviewer may take both; the step's audit events are written with the outer one's.
    const created = await runMutation(vendorThenSoftware, reviewer, { vendor: unique("Composed vendor"), software: unique("Composed tool") });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["software.created", reviewer.id]]);
  });

  it("runs after-commit work only once the transaction has committed, never after a rollback", async () => {
    const seen: string[] = [];
    const withHook = (fail: boolean) =>
      defineMutation({
        name: fail ? "hookThenFail" : "hookThenCommit",
        action: "catalogue.write",
        input: z.object({ name: z.string() }),
        async run(ctx) {
          const [vendor] = await ctx.tx.insert(vendors).values({ name: ctx.input.name, slug: slugOf(ctx.input.name) }).returning();
          ctx.afterCommit(() => {
            // Runs outside the transaction: what it sees is committed.
            void db
              .select()
              .from(vendors)
              .where(eq(vendors.id, vendor!.id))
              .then((rows) => seen.push(`${ctx.input.name}:${rows.length}`));
          });
          if (fail) throw new Conflict("Something after the write failed.");
          return { result: vendor!, audit: [{ action: "vendor.created", entityType: "vendor", entityId: vendor!.id }] };
        },
      });
    const committed = unique("Hooked");
    const rolledBack = unique("Hooked");
    await runMutation(withHook(false), reviewer, { name: committed });
    await expect(runMutation(withHook(true), reviewer, { name: rolledBack })).rejects.toBeInstanceOf(Conflict);
    await expect.poll(() => seen).toEqual([`${committed}:1`]);
    expect(await db.select().from(vendors).where(eq(vendors.name, rolledBack))).toEqual([]);
  });

  it("gives every API endpoint a scope that stands for its action, as ctx.run reads scopes", () => {
    for (const [name, endpoint] of Object.entries(API)) {
      if (endpoint.access) expect(scopesAllow([endpoint.access.scope], endpoint.access.action), name).toBe(true);
    }
  });

  it("runs under the system actor only the system's own actions", async () => {
    await expect(runAsSystem(createSoftware, { name: unique("System tool"), kind: "cli", category: "Build" }, db)).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("API bodies are decoded strictly", () => {
  it("refuses a Latin-1 requirements.txt with a 400 naming its line, instead of checking garbled names", async () => {
    const token = await runMutation(createApiToken, admin, { name: unique("Bulk"), scopes: ["check:read"], expiresOn: addDays(isoDay(new Date()), 5) });
    // "requests\ncafé-utils==1.0\n" in Latin-1: é is the single byte 0xE9.
    const latin1 = Uint8Array.from([...Buffer.from("requests\ncaf", "latin1"), 0xe9, ...Buffer.from("-utils==1.0\n", "latin1")]);
    const request = new NextRequest(`${config().baseUrl}/api/v1/check`, {
      method: "POST",
      headers: { authorization: `Bearer ${token.secret}`, "content-type": "text/plain" },
      body: latin1,
    });
    const response = await expectDocumented(request, await bulkCheck(request, { params: Promise.resolve(undefined) }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toMatch(/not UTF-8: line 2\b/);
  });
});

describe("security log", () => {
  it("logs a refused token as a security event with the request id the caller got, and never the secret", async () => {
    const lines: string[] = [];
    setLogDestination({ write: (line: string) => void lines.push(line) });
    try {
      const token = await runMutation(createApiToken, admin, { name: unique("Narrow"), scopes: ["check:read"], expiresOn: addDays(isoDay(new Date()), 5) });
      const request = new NextRequest(`${config().baseUrl}/api/v1/software`, { headers: { authorization: `Bearer ${token.secret}` } });
      const response = await softwareList(request, { params: Promise.resolve(undefined) });
      expect(response.status).toBe(403);
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const security = entries.filter((e) => e.requestId === requestId && typeof e.security === "string");
      expect(security.map((e) => e.security)).toEqual(["token.scope_refused", "access.refused"]);
      expect(security[0]).toMatchObject({ level: "warn", scope: "catalogue:read", actor: { kind: "token", tokenId: token.id, prefix: token.secret.slice(0, 9) } });
      expect(lines.join("\n")).not.toContain(token.secret);
    } finally {
      setLogDestination(process.stdout);
    }
  });
});
