import { and, eq, inArray, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/catalogue/import/route";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { auditEvents, idempotencyKeys, software } from "@/lib/db/schema";
import type { TokenScope } from "@/lib/domain/api-tokens";
import { addDays, isoDay } from "@/lib/domain/requests";
import { sweep } from "@/lib/jobs/sweep";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { runMutation } from "@/lib/server/guard";
import { expectDocumented } from "../support/api";
import { makeUser, unique } from "../support/fixtures";

/** What Next passes a route without dynamic segments. */
const STATIC_ROUTE = { params: Promise.resolve(undefined) };

let db: Db;
let token: { id: string; secret: string };
let otherToken: { id: string; secret: string };

const enc = (text: string) => new TextEncoder().encode(text);

function documentFor(name: string, description = "") {
  return {
    format: "vetted-catalogue",
    version: 1,
    exportedAt: "2026-11-24T08:00:00.000Z",
    filters: {},
    software: [{ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name, vendor: null, kind: "saas", category: "Idempotency", description, homepage: null, owner: null, editions: [], identifiers: [], classifications: [] }],
  };
}

function post(secret: string, doc: unknown, key?: string, mode = "apply") {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${secret}` };
  if (key !== undefined) headers["idempotency-key"] = key;
  const init = { method: "POST", body: enc(JSON.stringify(doc)), headers, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
  const request = new NextRequest(`${config().baseUrl}/api/v1/catalogue/import?mode=${mode}`, init);
  return importRoute(request, STATIC_ROUTE).then((response) => expectDocumented(request, response));
}

/** A catalogue:write token, made by whichever role the policy lets make one. */
async function catalogueToken(): Promise<{ id: string; secret: string }> {
  const scopes: TokenScope[] = ["catalogue:write"];
  let lastError: unknown;
  for (const role of ["admin", "reviewer"] as const) {
    try {
      return await runMutation(createApiToken, await makeUser(db, role), { name: unique("Retrying CI"), scopes, expiresOn: addDays(isoDay(new Date()), 30) });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function softwareNamed(name: string) {
  return db.select({ id: software.id, description: software.description }).from(software).where(eq(software.name, name));
}

async function auditCountFor(ids: string[]) {
  if (ids.length === 0) return 0;
  return (await db.select({ id: auditEvents.id }).from(auditEvents).where(inArray(auditEvents.entityId, ids))).length;
}

beforeAll(async () => {
  db = await getDb();
  token = await catalogueToken();
  otherToken = await catalogueToken();
});
afterAll(() => closeDb());

describe("Idempotency-Key on API writes", () => {
  it("answers a repeated key with the first answer, status and body, and applies the write once", async () => {
    const name = unique("Retried tool");
    const key = crypto.randomUUID();
    const first = await post(token.secret, documentFor(name), key);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    expect(JSON.parse(firstBody)).toMatchObject({ applied: true, summary: { create: 1 } });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const created = await softwareNamed(name);
    expect(created).toHaveLength(1);
    const auditBefore = await auditCountFor(created.map((s) => s.id));

    // The client never saw that answer (a timeout, an outage) and sends the same request again.
    for (const retryKey of [key, `"${key}"`]) {
      const retry = await post(token.secret, documentFor(name), retryKey);
      expect(retry.status).toBe(200);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await retry.text()).toBe(firstBody);
    }
    expect(await softwareNamed(name)).toHaveLength(1);
    expect(await auditCountFor(created.map((s) => s.id))).toBe(auditBefore);
  });

  it("refuses the same key for a different request with 409, naming the problem, and changes nothing", async () => {
    const name = unique("Keyed tool");
    const key = crypto.randomUUID();
    expect((await post(token.secret, documentFor(name), key)).status).toBe(200);
    const other = await post(token.secret, documentFor(name, "Another body under the same key."), key);
    expect(other.status).toBe(409);
    expect((await other.json()).error.message).toMatch(/Idempotency-Key was already used for a different request/);
    expect((await softwareNamed(name))[0]!.description).toBe("");
  });

  it("keeps each caller's keys apart", async () => {
    const key = crypto.randomUUID();
    const mine = unique("Mine");
    const theirs = unique("Theirs");
    expect((await post(token.secret, documentFor(mine), key)).status).toBe(200);
    const response = await post(otherToken.secret, documentFor(theirs), key);
    expect(response.status).toBe(200);
    expect(response.headers.get("idempotent-replayed")).toBeNull();
    expect(await softwareNamed(theirs)).toHaveLength(1);
  });

  it("answers 409 while a request with the same key is still in flight", async () => {
    const key = crypto.randomUUID();
    const name = unique("In flight");
    // The first request holds the key for its transaction; this one stands in for it.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`idempotency:token:${token.id}:${key}`}, 0))`);
      const second = await post(token.secret, documentFor(name), key);
      expect(second.status).toBe(409);
      expect((await second.json()).error.message).toMatch(/still in progress/);
    });
    expect(await softwareNamed(name)).toHaveLength(0);
  });

  it("refuses a malformed key with 400 before anything is written", async () => {
    const name = unique("Badly keyed");
    for (const key of ["", "x".repeat(256), "has space", "a,b", "naïve", '"unterminated']) {
      const response = await post(token.secret, documentFor(name), key);
      expect(response.status, JSON.stringify(key)).toBe(400);
      expect((await response.json()).error.fields).toHaveProperty("Idempotency-Key");
    }
    expect(await softwareNamed(name)).toHaveLength(0);
  });

  it("remembers only answered writes: a refused one runs again, a dry run keeps nothing", async () => {
    const key = crypto.randomUUID();
    const bad = { ...documentFor(unique("Refused")), software: [{ ...documentFor("x").software[0]!, kind: "spreadsheet" }] };
    expect((await post(token.secret, bad, key)).status).toBe(422);
    expect((await post(token.secret, bad, key)).status).toBe(422);
    const dryKey = crypto.randomUUID();
    const name = unique("Dry run first");
    expect((await post(token.secret, documentFor(name), dryKey, "dry-run")).status).toBe(200);
    const applied = await post(token.secret, documentFor(name), dryKey);
    expect(applied.headers.get("idempotent-replayed")).toBeNull();
    expect(await softwareNamed(name)).toHaveLength(1);
    const kept = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.caller, `token:${token.id}`), inArray(idempotencyKeys.key, [key, dryKey])));
    expect(kept.map((k) => k.key)).toEqual([dryKey]);
  });

  it("forgets keys after 24 hours: the sweep prunes them", async () => {
    const key = crypto.randomUUID();
    const name = unique("Pruned");
    expect((await post(token.secret, documentFor(name), key)).status).toBe(200);
    const mine = and(eq(idempotencyKeys.caller, `token:${token.id}`), eq(idempotencyKeys.key, key));
    expect(await db.select().from(idempotencyKeys).where(mine)).toHaveLength(1);
    const report = await sweep(db, new Date(Date.now() + 25 * 3_600_000));
    expect(report.pruned.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(idempotencyKeys).where(mine)).toHaveLength(0);
  });
});
