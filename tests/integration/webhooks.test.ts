import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { config, loadConfig } from "@/lib/config";
import { closeDb, getDb, openDatabase, type Db } from "@/lib/db/client";
import { auditEvents, classifications, users, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "@/lib/db/schema";
import { channels } from "@/lib/delivery/outbox";
import { deliverDueWebhooks, deliverWebhook } from "@/lib/delivery/webhooks";
import { addDays, isoDay } from "@/lib/domain/requests";
import { generateWebhookSecret, LEGACY_WEBHOOK_SECRET_PATTERN, standardWebhookSecret, verifyWebhookSignature, WEBHOOK_SECRET_PATTERN, webhookSecretHint } from "@/lib/domain/webhook-signature";
import { WEBHOOK_EVENTS, WEBHOOK_MAX_ATTEMPTS, type WebhookEvent } from "@/lib/domain/webhooks";
import { Conflict, Forbidden, Unauthenticated, ValidationFailed } from "@/lib/errors";
import { startJobRunner } from "@/lib/jobs/runner";
import { sweep } from "@/lib/jobs/sweep";
import { confirmClassification, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { decideRequest, requestException } from "@/lib/mutations/requests";
import {
  createWebhook,
  deleteWebhook,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/mutations/webhooks";
import { getWebhookEndpoint, listWebhookEndpoints } from "@/lib/queries/webhooks";
import { defineMutation, runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../support/webhook-receiver";
import { encryptWebhookSecret } from "@/lib/webhooks/secret-box";

// This file runs in its own process: receivers here are plain http on 127.0.0.1, which the address
// policy allows only when named. Set before anything reads the config.
process.env.WEBHOOK_ALLOW_HTTP = "true";
process.env.WEBHOOK_ALLOWED_CIDRS = "127.0.0.1/32";

let db: Db;
let receiver: WebhookReceiver;
let admin: SessionUser;
let reviewer: SessionUser;
let reviewer2: SessionUser;
let manager: SessionUser;
let employee: SessionUser;
const mine: string[] = [];

beforeAll(async () => {
  db = await getDb();
  receiver = await startWebhookReceiver();
  admin = await makeUser(db, "admin");
  reviewer = await makeUser(db, "reviewer");
  reviewer2 = await makeUser(db, "reviewer");
  manager = await makeUser(db, "manager");
  employee = await makeUser(db, "employee", { managerId: manager.id });
});
afterAll(async () => {
  // The database is shared with the other test files: leave no endpoint that would collect their events.
  if (mine.length) await db.delete(webhookEndpoints).where(inArray(webhookEndpoints.id, mine));
  await receiver?.close();
  await closeDb();
});

/** A receiver path of its own for each endpoint, so each test reads only its deliveries. */
async function endpoint(events: readonly WebhookEvent[] = WEBHOOK_EVENTS) {
  const path = `/hooks/${randomUUID()}`;
  const created = await runMutation(createWebhook, admin, { name: unique("Receiver"), url: receiver.url(path), events: [...events] });
  mine.push(created.id);
  return { ...created, path };
}

/**
 * What a receiver of the legacy Vetted-Signature does (README, "Verifying webhooks"): plain node:crypto, no Vetted code. Refuses a
 * timestamp more than 5 minutes off, then compares HMAC-SHA256("<t>.<raw body>") with every v1.
 */
function receiverAccepts(hit: ReceivedWebhook, secret: string): boolean {
  const items = (hit.headers["vetted-signature"] ?? "").split(",").map((item) => item.split("="));
  const t = Number(items.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${hit.body}`).digest();
  return items.some(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/.test(value ?? "") && timingSafeEqual(Buffer.from(value!, "hex"), expected));
}

/**
 * What a receiver does per Standard Webhooks, as the README shows it: the `standardwebhooks`
 * package's one line over the raw body and the headers (it refuses a timestamp more than 5
 * minutes off). Returns the parsed event, or the reason it was refused.
 */
function standardVerify(hit: ReceivedWebhook, secret: string): { ok: true; event: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, event: new Webhook(secret).verify(hit.body, hit.headers) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** The parts of an event's data these tests read (the shapes are in lib/domain/webhooks.ts, tested in the unit tests). */
interface EventData {
  software?: { id: string } | null;
  request?: { id: string };
  step?: string;
  decision?: string;
  status?: string;
  [field: string]: unknown;
}

async function deliveriesOf(endpointId: string, type?: string) {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), type ? eq(webhookDeliveries.eventType, type) : undefined))
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
  return rows.map((r) => ({ ...r, event: JSON.parse(r.body) as { id: string; type: string; createdAt: string; data: EventData } }));
}

async function delivery(id: string) {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

async function triesOf(deliveryId: string) {
  return db.select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, deliveryId)).orderBy(asc(webhookDeliveryAttempts.at));
}

async function endpointCount() {
  const [row] = await db.select({ n: count() }).from(webhookEndpoints);
  return row!.n;
}

async function ping(endpointId: string) {
  return (await runMutation(sendTestWebhook, admin, { id: endpointId })).deliveryId;
}

describe("delivery to a local receiver", () => {
  it("delivers a test event, signed with the secret shown at creation, which the receiver verifies", async () => {
    const hook = await endpoint();
    expect(hook.secret).toMatch(WEBHOOK_SECRET_PATTERN);
    const id = await ping(hook.id);
    expect(await delivery(id)).toMatchObject({ status: "pending", attempts: 0, eventType: "ping" });

    const outcome = await deliverWebhook(db, id, new Date());
    expect(outcome).toMatchObject({ outcome: "delivered", statusCode: 200, attempts: 1 });

    const [hit, ...more] = receiver.for(hook.path);
    expect(more).toHaveLength(0);
    expect(hit!.method).toBe("POST");
    expect(hit!.headers["content-type"]).toBe("application/json");
    expect(hit!.headers["user-agent"]).toMatch(/^Vetted-Webhooks\//);
    expect(hit!.headers["vetted-event"]).toBe("ping");
    expect(hit!.headers["vetted-delivery"]).toBe(id);
    expect(hit!.headers["vetted-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(receiverAccepts(hit!, hook.secret)).toBe(true);
    expect(verifyWebhookSignature({ header: hit!.headers["vetted-signature"], body: hit!.body, secret: hook.secret, nowSeconds: Date.now() / 1000 })).toEqual({ ok: true });
    expect(receiverAccepts(hit!, generateWebhookSecret())).toBe(false);
    expect(receiverAccepts({ ...hit!, body: hit!.body.replace("test event", "best event") }, hook.secret)).toBe(false);

    // Standard Webhooks: the delivery's id, this try's time, and a signature the package verifies.
    expect(hit!.headers["webhook-id"]).toBe(id);
    expect(Number(hit!.headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -2);
    expect(hit!.headers["webhook-timestamp"]).toBe(/^t=(\d+),/.exec(hit!.headers["vetted-signature"]!)![1]);
    expect(hit!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(standardVerify(hit!, hook.secret)).toEqual({ ok: true, event: JSON.parse(hit!.body) });
    // A tampered body, a replayed (old) delivery, a wrong secret: refused.
    expect(standardVerify({ ...hit!, body: hit!.body.replace("test event", "best event") }, hook.secret)).toEqual({ ok: false, reason: "No matching signature found" });
    const oldTimestamp = String(Number(hit!.headers["webhook-timestamp"]) - 6 * 60);
    expect(standardVerify({ ...hit!, headers: { ...hit!.headers, "webhook-timestamp": oldTimestamp } }, hook.secret)).toEqual({ ok: false, reason: "Message timestamp too old" });
    expect(standardVerify(hit!, generateWebhookSecret())).toEqual({ ok: false, reason: "No matching signature found" });

    const body = JSON.parse(hit!.body);
    expect(body).toEqual({ id: expect.any(String), type: "ping", createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: { message: expect.any(String), endpoint: { id: hook.id, name: hook.name } } });
    expect(await delivery(id)).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null, leaseUntil: null });
    const tries = await triesOf(id);
    expect(tries).toHaveLength(1);
    expect(tries[0]).toMatchObject({ statusCode: 200, error: null, responseSnippet: "ok" });
  });

  it("keeps the secret only sealed: not in the row in clear, not in the audit trail; the URL's path stays out of the audit", async () => {
    const hook = await endpoint(["grant.created"]);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(JSON.stringify(row)).not.toContain(hook.secret);
    expect(JSON.stringify(row)).not.toContain(hook.secret.slice(10));
    expect(row!.secretEncrypted).toMatch(/^v1\./);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, hook.id)).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(["webhook.created"]);
    expect(audit[0]!.after).toEqual({ name: hook.name, url: `http://127.0.0.1:${receiver.port}`, events: ["grant.created"], enabled: true });
    expect(JSON.stringify(audit)).not.toContain(hook.secret);
    // Nor does any page's read.
    expect(JSON.stringify(await listWebhookEndpoints(db))).not.toContain(row!.secretEncrypted);
    expect(JSON.stringify(await getWebhookEndpoint(db, hook.id))).not.toContain(row!.secretEncrypted);
  });

  it("retries a receiver that answered 500, with the same body and delivery id, and logs both tries", async () => {
    const hook = await endpoint();
    receiver.script(hook.path, { status: 500, body: "database down\n" });
    const id = await ping(hook.id);
    const t0 = new Date();

    const first = await deliverWebhook(db, id, t0, { random: () => 0.5 });
    expect(first).toMatchObject({ outcome: "retrying", statusCode: 500, attempts: 1, error: "HTTP 500" });
    expect(first!.outcome === "retrying" && first!.nextAttemptAt).toEqual(new Date(t0.getTime() + 30_000));
    expect(await delivery(id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    // Not due yet: nothing is sent.
    expect(await deliverWebhook(db, id, new Date(t0.getTime() + 10_000))).toBeNull();

    const second = await deliverWebhook(db, id, new Date(t0.getTime() + 30_000));
    expect(second).toMatchObject({ outcome: "delivered", statusCode: 200, attempts: 2 });

    const hits = receiver.for(hook.path);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.body).toBe(hits[0]!.body);
    expect(hits.map((h) => h.headers["vetted-delivery"])).toEqual([id, id]);
    expect(hits.map((h) => h.headers["vetted-attempt"])).toEqual(["1", "2"]);
    expect(hits.every((h) => receiverAccepts(h, hook.secret))).toBe(true);
    expect(hits.every((h) => standardVerify(h, hook.secret).ok)).toBe(true);
    // The same message id on every try: receivers de-duplicate on it.
    expect(new Set(hits.map((h) => h.headers["webhook-id"]))).toEqual(new Set([id]));
    expect((await triesOf(id)).map((t) => [t.statusCode, t.responseSnippet])).toEqual([
      [500, "database down"],
      [200, "ok"],
    ]);
    expect(await delivery(id)).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200, lastError: null });
  });

  it("gives up after the last try, and an admin can redeliver it", async () => {
    const hook = await endpoint();
    receiver.script(hook.path, ...Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => ({ status: 503 })));
    const id = await ping(hook.id);
    let at = new Date();
    for (let n = 1; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
      const result = await deliverWebhook(db, id, at);
      expect(result).toMatchObject({ attempts: n, outcome: n < WEBHOOK_MAX_ATTEMPTS ? "retrying" : "failed" });
      if (result?.outcome === "retrying") at = result.nextAttemptAt;
    }
    expect(await delivery(id)).toMatchObject({ status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503 });
    expect(await deliverWebhook(db, id, new Date(at.getTime() + 86_400_000))).toBeNull();

    await runMutation(redeliverWebhook, admin, { deliveryId: id });
    expect(await delivery(id)).toMatchObject({ status: "pending", attempts: 0 });
    await expect(runMutation(redeliverWebhook, admin, { deliveryId: id })).rejects.toThrow(Conflict);
    expect(await deliverWebhook(db, id, new Date())).toMatchObject({ outcome: "delivered", attempts: 1 });
    expect(await triesOf(id)).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
    expect(receiver.for(hook.path)).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
  });

  it("sends a delivery once when two runners reach for it at the same moment", async () => {
    const hook = await endpoint();
    receiver.script(hook.path, { status: 200, delayMs: 300 });
    const id = await ping(hook.id);
    const results = await Promise.all([deliverWebhook(db, id, new Date()), deliverWebhook(db, id, new Date()), deliverDueWebhooks(db, new Date(), { limit: 50 })]);
    const mineDone = [results[0], results[1], ...results[2].filter((r) => r.id === id)].filter(Boolean);
    expect(mineDone).toHaveLength(1);
    expect(receiver.for(hook.path)).toHaveLength(1);
    expect(await triesOf(id)).toHaveLength(1);
  });

  it("survives its endpoint being deleted while the receiver answers", async () => {
    const hook = await endpoint();
    receiver.script(hook.path, { status: 200, delayMs: 300 });
    const id = await ping(hook.id);
    const sending = deliverWebhook(db, id, new Date());
    await expect.poll(() => receiver.for(hook.path).length).toBe(1);
    await runMutation(deleteWebhook, admin, { id: hook.id });
    expect(await sending).toMatchObject({ outcome: "delivered" });
    expect(await db.select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, id))).toHaveLength(0);
  });

  it("counts a timeout, a redirect (not followed) and an unreadable secret as failed tries", async () => {
    const slow = await endpoint();
    receiver.script(slow.path, { status: 200, delayMs: 2_000 });
    const slowId = await ping(slow.id);
    expect(await deliverWebhook(db, slowId, new Date(), { timeoutMs: 300 })).toMatchObject({ outcome: "retrying", statusCode: null, error: expect.stringMatching(/^no HTTP answer within 300 ms/) });

    const moved = await endpoint();
    const elsewhere = `/elsewhere/${randomUUID()}`;
    receiver.script(moved.path, { status: 307, headers: { location: receiver.url(elsewhere) } });
    const movedId = await ping(moved.id);
    expect(await deliverWebhook(db, movedId, new Date())).toMatchObject({ outcome: "retrying", statusCode: 307, error: "redirect not followed: register the final URL" });
    expect(receiver.for(elsewhere)).toHaveLength(0);

    const broken = await endpoint();
    await db.update(webhookEndpoints).set({ secretEncrypted: "v1.AAAA.AAAA.AAAA" }).where(eq(webhookEndpoints.id, broken.id));
    const brokenId = await ping(broken.id);
    expect(await deliverWebhook(db, brokenId, new Date())).toMatchObject({ outcome: "retrying", error: expect.stringMatching(/cannot be decrypted/) });
    expect(receiver.for(broken.path)).toHaveLength(0);
  });
});

describe("the address policy with an allow-list (WEBHOOK_ALLOWED_CIDRS=127.0.0.1/32)", () => {
  it("delivers to http://localhost of a local receiver: of its addresses, only the allowed 127.0.0.1 is connected to", async () => {
    const path = `/hooks/${randomUUID()}`;
    const hook = await endpoint();
    // "localhost" is refused when saved unless named in WEBHOOK_ALLOWED_HOSTS; one saved before still meets the delivery check.
    await db.update(webhookEndpoints).set({ url: `http://localhost:${receiver.port}${path}` }).where(eq(webhookEndpoints.id, hook.id));
    const id = await ping(hook.id);
    expect(await deliverWebhook(db, id, new Date())).toMatchObject({ outcome: "delivered", statusCode: 200 });
    expect(receiver.for(path)).toHaveLength(1);
  });

  it("gives a closed port, an open port that is not HTTP, a silent one and a TLS failure the same message", async () => {
    const sockets = new Set<Socket>();
    const listen = async (server: Server) => {
      server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("error", () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return (server.address() as AddressInfo).port;
    };
    const banner = createServer((socket) => socket.write("SSH-2.0-OpenSSH_9.6\r\n"));
    const silent = createServer(() => undefined);
    const gone = createHttpServer();
    const bannerPort = await listen(banner);
    const silentPort = await listen(silent);
    const closedPort = await listen(gone);
    await new Promise((resolve) => gone.close(resolve));
    const plainHttp = receiver.port;
    try {
      const messages: string[] = [];
      for (const url of [
        `http://127.0.0.1:${closedPort}/x`,
        `http://127.0.0.1:${bannerPort}/x`,
        `http://127.0.0.1:${silentPort}/x`,
        // https to a port that answers plain HTTP: the TLS handshake fails.
        `https://127.0.0.1:${plainHttp}/x`,
      ]) {
        const hook = await runMutation(createWebhook, admin, { name: unique("Port"), url, events: ["grant.created"] });
        mine.push(hook.id);
        const id = await ping(hook.id);
        const outcome = await deliverWebhook(db, id, new Date(), { timeoutMs: 500 });
        expect(outcome, url).toMatchObject({ outcome: "retrying", statusCode: null });
        messages.push(outcome!.error!);
      }
      expect(new Set(messages)).toEqual(new Set(["no HTTP answer within 500 ms (unreachable, refused, not HTTP, or a TLS failure)"]));
    } finally {
      for (const socket of sockets) socket.destroy();
      await Promise.all([banner, silent].map((s) => new Promise((resolve) => s.close(resolve))));
    }
  });
});

describe("the job queue", () => {
  it("delivers through a pg-boss worker, and queues a failed try again for its backoff time", async () => {
    const good = await endpoint(["grant.expired"]);
    const bad = await endpoint(["grant.expired"]);
    receiver.script(bad.path, { status: 503, headers: { "retry-after": "120" } });
    const goodId = await ping(good.id);
    const badId = await ping(bad.id);
    const runner = await startJobRunner({ db, database: { kind: "postgres", url: process.env.DATABASE_URL! }, channels: channels(null) });
    try {
      expect(runner.kind).toBe("pg-boss");
      await runner.deliverSoon();
      await expect.poll(async () => (await delivery(goodId)).status, { timeout: 15_000 }).toBe("delivered");
      expect(receiverAccepts(receiver.for(good.path)[0]!, good.secret)).toBe(true);
      expect(standardVerify(receiver.for(good.path)[0]!, good.secret).ok).toBe(true);
      await expect.poll(async () => (await delivery(badId)).attempts, { timeout: 15_000 }).toBe(1);
      const failed = await delivery(badId);
      expect(failed).toMatchObject({ status: "pending", lastStatusCode: 503 });
      // The receiver asked for 120 s: the next try waits at least that long, and is queued for then.
      expect(failed.nextAttemptAt.getTime() - failed.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(120_000);
      await expect
        .poll(async () => {
          const result = await db.execute(sql`SELECT start_after FROM pgboss.job WHERE name = 'deliver-webhook' AND singleton_key = ${badId} AND state = 'created'`);
          return (result as unknown as { rows: { start_after: Date }[] }).rows.map((r) => new Date(r.start_after).getTime());
        }, { timeout: 10_000 })
        .toEqual([expect.closeTo(failed.nextAttemptAt.getTime(), -4)]);
      // Asking again does not queue that try twice.
      await runner.deliverSoon();
      const queued = await db.execute(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'deliver-webhook' AND singleton_key = ${badId} AND state = 'created'`);
      expect((queued as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    } finally {
      await runner.stop();
    }
    expect(receiver.for(good.path)).toHaveLength(1);
    expect(receiver.for(bad.path)).toHaveLength(1);
  });
});

describe("the embedded database (PGlite)", () => {
  it("delivers in-process with the same claim, signature and log, and retries when due", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "vetted-webhooks-")), "data");
    const handle = await openDatabase(loadConfig({ VETTED_DATA_DIR: dataDir, NODE_ENV: "test" }));
    const runner = await startJobRunner({ db: handle.db, database: { kind: "embedded" }, channels: channels(null), intervalMs: 3_600_000 });
    try {
      const [row] = await handle.db.insert(users).values({ email: "admin@embedded.test", name: "A", role: "admin" }).returning();
      const embeddedAdmin = { id: row!.id, email: row!.email, name: row!.name, role: row!.role, managerId: null };
      const okPath = `/embedded/${randomUUID()}`;
      const failPath = `/embedded/${randomUUID()}`;
      receiver.script(failPath, { status: 500 });
      const ok = await runMutation(createWebhook, embeddedAdmin, { name: "Embedded", url: receiver.url(okPath), events: ["grant.created"] }, handle.db);
      const failing = await runMutation(createWebhook, embeddedAdmin, { name: "Embedded failing", url: receiver.url(failPath), events: ["grant.created"] }, handle.db);
      await runMutation(sendTestWebhook, embeddedAdmin, { id: ok.id }, handle.db);
      const failingId = (await runMutation(sendTestWebhook, embeddedAdmin, { id: failing.id }, handle.db)).deliveryId;
      await runner.deliverSoon();
      expect(receiver.for(okPath)).toHaveLength(1);
      expect(receiverAccepts(receiver.for(okPath)[0]!, ok.secret)).toBe(true);
      expect(standardVerify(receiver.for(okPath)[0]!, ok.secret).ok).toBe(true);
      expect(receiver.for(failPath)).toHaveLength(1);
      const [retrying] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, failingId));
      expect(retrying).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
      expect(await deliverWebhook(handle.db, failingId, retrying!.nextAttemptAt)).toMatchObject({ outcome: "delivered", attempts: 2 });
    } finally {
      await runner.stop();
      await handle.close();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  }, 120_000);
});

describe("events from the changes themselves", () => {
  let hook: Awaited<ReturnType<typeof endpoint>>;
  beforeAll(async () => {
    hook = await endpoint();
  });

  const tool = (name = "Hooked tool") => runMutation(createSoftware, reviewer, { name: unique(name), kind: "cli", category: "AI coding" });

  it("classification.changed when a decision takes effect — not for a proposal awaiting a second reviewer, nor for a re-review that keeps the answer", async () => {
    const software = await tool();
    await runMutation(recordClassification, reviewer, { softwareId: software.id, status: "restricted", rationale: "Sends code to a cloud." });
    let events = (await deliveriesOf(hook.id, "classification.changed")).filter((d) => d.event.data.software?.id === software.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.event.data).toMatchObject({
      software: { id: software.id, slug: software.slug, name: software.name, url: expect.stringMatching(new RegExp(`/software/${software.slug}$`)) },
      edition: null,
      previous: null,
      current: { status: "restricted", maxDataClass: null, conditions: [] },
      softwareStatus: { previous: null, current: "restricted" },
    });

    const proposal = await runMutation(recordClassification, reviewer, { softwareId: software.id, status: "approved", maxDataClass: "internal", rationale: "Enterprise tenant reviewed." });
    expect(proposal.confirmationReason).not.toBeNull();
    events = (await deliveriesOf(hook.id, "classification.changed")).filter((d) => d.event.data.software?.id === software.id);
    expect(events).toHaveLength(1);

    await runMutation(confirmClassification, reviewer2, { id: proposal.id });
    events = (await deliveriesOf(hook.id, "classification.changed")).filter((d) => d.event.data.software?.id === software.id);
    expect(events).toHaveLength(2);
    expect(events[1]!.event.data).toMatchObject({
      classificationId: proposal.id,
      previous: { status: "restricted" },
      current: { status: "approved", maxDataClass: "internal" },
      softwareStatus: { previous: "restricted", current: "approved" },
    });

    await runMutation(recordClassification, reviewer, { softwareId: software.id, status: "approved", maxDataClass: "internal", rationale: "Reviewed again: no change." });
    expect((await deliveriesOf(hook.id, "classification.changed")).filter((d) => d.event.data.software?.id === software.id)).toHaveLength(2);
  });

  it("request.decided for each step, grant.created with the approval, grant.expired from the sweep", async () => {
    const software = await tool("Excepted tool");
    await runMutation(recordClassification, reviewer, { softwareId: software.id, status: "restricted", rationale: "Needs an exception." });
    const asked = await runMutation(requestException, employee, {
      idempotencyKey: randomUUID(),
      softwareId: software.id,
      dataClass: "confidential",
      purpose: "Refactor the billing service",
      justification: "Saves days of mechanical edits.",
      endsOn: addDays(isoDay(new Date()), 30),
    });
    const ofRequest = async (type: string) => (await deliveriesOf(hook.id, type)).filter((d) => d.event.data.request?.id === asked.id);

    await runMutation(decideRequest, manager, { requestId: asked.id, expectedStatus: "awaiting_manager", decision: "approve" });
    expect((await ofRequest("request.decided")).map((d) => d.event.data)).toEqual([
      expect.objectContaining({ step: "manager", decision: "approved", previousStatus: "awaiting_manager", status: "awaiting_security", decidedBy: { id: manager.id, name: manager.name }, requester: { id: employee.id }, grantId: null }),
    ]);

    const endsOn = addDays(isoDay(new Date()), 20);
    const approved = await runMutation(decideRequest, reviewer, { requestId: asked.id, expectedStatus: "awaiting_security", decision: "approve", endsOn, conditions: "No customer data" });
    const decided = await ofRequest("request.decided");
    expect(decided).toHaveLength(2);
    expect(decided[1]!.event.data).toMatchObject({ step: "security", decision: "approved", status: "approved", endsOn, grantId: approved.grantId, software: { id: software.id, slug: software.slug } });

    const created = await ofRequest("grant.created");
    expect(created).toHaveLength(1);
    expect(created[0]!.event.data).toMatchObject({
      grant: { id: approved.grantId, dataClass: "confidential", conditions: ["No customer data"], endsOn },
      person: { id: employee.id, email: employee.email },
      software: { id: software.id, slug: software.slug, name: software.name },
      request: { id: asked.id, number: asked.number },
    });
    // Only what a receiver needs: not the requester's purpose or justification.
    for (const d of [...decided, ...created]) {
      expect(d.body).not.toContain("Refactor the billing");
      expect(d.body).not.toContain("mechanical edits");
    }

    const afterEnd = new Date(Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000 + 60_000);
    expect((await sweep(db, afterEnd)).expired).toBeGreaterThanOrEqual(1);
    const expired = await ofRequest("grant.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]!.event.data).toMatchObject({ grant: { id: approved.grantId, expiredAt: afterEnd.toISOString() }, person: { id: employee.id, email: employee.email } });
    expect(expired[0]!.event.createdAt).toBe(afterEnd.toISOString());
    await sweep(db, new Date(afterEnd.getTime() + 60_000));
    expect(await ofRequest("grant.expired")).toHaveLength(1);

    // Each event went out as a real delivery that the receiver can verify.
    // (Due when the sweep ran: at the app's time, which here is past the grant's end.)
    const results = await Promise.all(expired.map((d) => deliverWebhook(db, d.id, afterEnd)));
    expect(results.map((r) => r?.outcome)).toEqual(["delivered"]);
    const hit = receiver.for(hook.path).find((h) => h.headers["vetted-delivery"] === expired[0]!.id);
    expect(hit?.headers["vetted-event"]).toBe("grant.expired");
    expect(receiverAccepts(hit!, hook.secret)).toBe(true);
    expect(standardVerify(hit!, hook.secret).ok).toBe(true);
  });

  it("request.decided for a rejection", async () => {
    const software = await tool("Rejected tool");
    await runMutation(recordClassification, reviewer, { softwareId: software.id, status: "restricted", rationale: "Needs an exception." });
    const asked = await runMutation(requestException, employee, { idempotencyKey: randomUUID(), softwareId: software.id, dataClass: "internal", purpose: "Try it", justification: "Curious.", endsOn: addDays(isoDay(new Date()), 10) });
    await runMutation(decideRequest, manager, { requestId: asked.id, expectedStatus: "awaiting_manager", decision: "reject", comment: "Not now." });
    const decided = (await deliveriesOf(hook.id, "request.decided")).filter((d) => d.event.data.request?.id === asked.id);
    expect(decided.map((d) => [d.event.data.step, d.event.data.decision, d.event.data.status])).toEqual([["manager", "rejected", "rejected"]]);
    expect(decided[0]!.body).not.toContain("Not now.");
  });

  it("a change that rolls back emits nothing", async () => {
    const software = await tool("Rolled back tool");
    const before = (await deliveriesOf(hook.id)).length;
    const decision = { softwareId: software.id, status: "prohibited", rationale: "Never mind." };
    const thenFail = defineMutation({
      ...recordClassification,
      name: "recordClassificationThenFail",
      async run(ctx) {
        await ctx.run(recordClassification, decision);
        throw new Conflict("Something after the decision failed.");
      },
    });
    await expect(runMutation(thenFail, reviewer, decision)).rejects.toThrow(Conflict);
    expect(await db.select().from(classifications).where(eq(classifications.softwareId, software.id))).toHaveLength(0);
    expect(await deliveriesOf(hook.id)).toHaveLength(before);
  });

  it("an endpoint gets only the events it subscribes to, and a disabled one none; its pending deliveries wait until it is enabled", async () => {
    const grantsOnly = await endpoint(["grant.created"]);
    const paused = await endpoint(["classification.changed"]);
    const waiting = await ping(paused.id);
    await runMutation(setWebhookEnabled, admin, { id: paused.id, enabled: "false" });
    await expect(runMutation(setWebhookEnabled, admin, { id: paused.id, enabled: "false" })).rejects.toThrow(Conflict);
    await expect(runMutation(sendTestWebhook, admin, { id: paused.id })).rejects.toThrow(/disabled/);
    expect(await deliverWebhook(db, waiting, new Date())).toBeNull();

    const software = await tool("Quiet tool");
    await runMutation(recordClassification, reviewer, { softwareId: software.id, status: "approved", maxDataClass: "public", rationale: "Fine for public data." });
    expect((await deliveriesOf(hook.id, "classification.changed")).some((d) => d.event.data.software?.id === software.id)).toBe(true);
    expect(await deliveriesOf(grantsOnly.id)).toHaveLength(0);
    expect((await deliveriesOf(paused.id)).map((d) => d.eventType)).toEqual(["ping"]);

    await runMutation(setWebhookEnabled, admin, { id: paused.id, enabled: "true" });
    expect(await deliverWebhook(db, waiting, new Date())).toMatchObject({ outcome: "delivered", attempts: 1 });
  });
});

describe("managing endpoints", () => {
  it("keeps an endpoint made before Standard Webhooks working: its base64url secret signs Vetted-Signature as before, and its standard form verifies webhook-signature", async () => {
    const hook = await endpoint(["grant.created"]);
    // A secret as they were made before (32 random bytes in base64url), with both URL-safe characters.
    const legacy = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, i) => (i % 2 ? 0xfb : 0xff) ^ i)).toString("base64url")}`;
    expect(legacy).toMatch(LEGACY_WEBHOOK_SECRET_PATTERN);
    expect(legacy).toMatch(/[-_]/);
    await db.update(webhookEndpoints).set({ secretEncrypted: encryptWebhookSecret(legacy, hook.id), secretHint: webhookSecretHint(legacy) }).where(eq(webhookEndpoints.id, hook.id));
    await deliverWebhook(db, await ping(hook.id), new Date());
    const hit = receiver.for(hook.path).at(-1)!;
    expect(receiverAccepts(hit, legacy)).toBe(true);
    const standard = standardWebhookSecret(legacy);
    expect(standard).toBe(`whsec_${legacy.slice(6).replaceAll("-", "+").replaceAll("_", "/")}=`);
    expect(standardVerify(hit, standard).ok).toBe(true);
    // The standard libraries cannot read the legacy form itself: the README says how to re-encode it, or rotate.
    expect(standardVerify(hit, legacy).ok).toBe(false);

    // Rotating moves it to a standard secret; during the overlap both are honoured in both headers.
    const rotated = await runMutation(rotateWebhookSecret, admin, { id: hook.id, keepPrevious: "on" });
    expect(rotated.secret).toMatch(WEBHOOK_SECRET_PATTERN);
    await deliverWebhook(db, await ping(hook.id), new Date());
    const during = receiver.for(hook.path).at(-1)!;
    expect(standardVerify(during, rotated.secret).ok).toBe(true);
    expect(standardVerify(during, standard).ok).toBe(true);
    expect(receiverAccepts(during, legacy)).toBe(true);
  });

  it("with WEBHOOK_LEGACY_SIGNATURE=false sends only the Standard Webhooks signature", async () => {
    expect(loadConfig({ ...process.env, WEBHOOK_LEGACY_SIGNATURE: "false" }).webhooks.legacySignature).toBe(false);
    expect(() => loadConfig({ ...process.env, WEBHOOK_LEGACY_SIGNATURE: "no" })).toThrow(/WEBHOOK_LEGACY_SIGNATURE must be "true" or "false"/);
    const hook = await endpoint(["grant.created"]);
    const cached = globalThis as unknown as { vettedConfig?: ReturnType<typeof config> };
    const before = config();
    cached.vettedConfig = { ...before, webhooks: { ...before.webhooks, legacySignature: false } };
    try {
      await deliverWebhook(db, await ping(hook.id), new Date());
    } finally {
      cached.vettedConfig = before;
    }
    const hit = receiver.for(hook.path).at(-1)!;
    expect(hit.headers["vetted-signature"]).toBeUndefined();
    expect(standardVerify(hit, hook.secret).ok).toBe(true);
  });

  it("rotates the secret: kept for a day, both sign; otherwise the old one stops at once", async () => {
    const hook = await endpoint(["grant.created"]);
    const kept = await runMutation(rotateWebhookSecret, admin, { id: hook.id, keepPrevious: "on" });
    expect(kept.secret).toMatch(WEBHOOK_SECRET_PATTERN);
    expect(kept.secret).not.toBe(hook.secret);
    expect(kept.previousUntil!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await deliverWebhook(db, await ping(hook.id), new Date());
    const during = receiver.for(hook.path).at(-1)!;
    expect(during.headers["vetted-signature"]!.match(/v1=/g)).toHaveLength(2);
    expect(receiverAccepts(during, kept.secret)).toBe(true);
    expect(receiverAccepts(during, hook.secret)).toBe(true);
    expect(during.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(standardVerify(during, kept.secret).ok).toBe(true);
    expect(standardVerify(during, hook.secret).ok).toBe(true);

    const cut = await runMutation(rotateWebhookSecret, admin, { id: hook.id });
    expect(cut.previousUntil).toBeNull();
    await deliverWebhook(db, await ping(hook.id), new Date());
    const after = receiver.for(hook.path).at(-1)!;
    expect(after.headers["vetted-signature"]!.match(/v1=/g)).toHaveLength(1);
    expect(receiverAccepts(after, cut.secret)).toBe(true);
    expect(receiverAccepts(after, kept.secret)).toBe(false);
    expect(standardVerify(after, cut.secret).ok).toBe(true);
    expect(standardVerify(after, kept.secret)).toEqual({ ok: false, reason: "No matching signature found" });

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, hook.id)).orderBy(asc(auditEvents.id));
    expect(audit.filter((a) => a.action === "webhook.secret_rotated")).toHaveLength(2);
    for (const secret of [hook.secret, kept.secret, cut.secret]) expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("edits and deletes an endpoint; deleting takes its delivery log with it, and is audited", async () => {
    const hook = await endpoint(["grant.created"]);
    const id = await ping(hook.id);
    await runMutation(updateWebhook, admin, { id: hook.id, name: "Renamed", url: receiver.url(`${hook.path}/v2`), events: ["grant.expired", "grant.created"] });
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    // Events are kept in their documented order, whatever order the form sent them in.
    expect(row).toMatchObject({ name: "Renamed", url: receiver.url(`${hook.path}/v2`), events: ["grant.created", "grant.expired"] });
    await runMutation(deleteWebhook, admin, { id: hook.id });
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id))).toHaveLength(0);
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id))).toHaveLength(0);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.entityId, hook.id)).orderBy(asc(auditEvents.id))).map((a) => a.action)).toEqual(["webhook.created", "webhook.test_sent", "webhook.updated", "webhook.deleted"]);
  });

  it("refuses every role but admin, and anonymous callers; nothing changes", async () => {
    const hook = await endpoint(["grant.created"]);
    const before = await endpointCount();
    const deliveriesBefore = (await deliveriesOf(hook.id)).length;
    for (const actor of [reviewer, manager, employee]) {
      await expect(runMutation(createWebhook, actor, { name: "Sneaky", url: receiver.url("/sneaky"), events: ["grant.created"] })).rejects.toThrow(Forbidden);
      await expect(runMutation(sendTestWebhook, actor, { id: hook.id })).rejects.toThrow(Forbidden);
      await expect(runMutation(rotateWebhookSecret, actor, { id: hook.id })).rejects.toThrow(Forbidden);
      await expect(runMutation(setWebhookEnabled, actor, { id: hook.id, enabled: "false" })).rejects.toThrow(Forbidden);
      await expect(runMutation(deleteWebhook, actor, { id: hook.id })).rejects.toThrow(Forbidden);
    }
    await expect(runMutation(createWebhook, null, { name: "Anonymous", url: receiver.url("/anon"), events: ["grant.created"] })).rejects.toThrow(Unauthenticated);
    expect(await endpointCount()).toBe(before);
    expect(await deliveriesOf(hook.id)).toHaveLength(deliveriesBefore);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(row).toMatchObject({ enabled: true, secretRotatedAt: null });
  });

  it("refuses bad URLs and choices with field errors, and stores nothing", async () => {
    const hook = await endpoint(["grant.created"]);
    const before = await endpointCount();
    const refusal = (input: Record<string, unknown>) => runMutation(createWebhook, admin, { name: "Bad", events: ["grant.created"], ...input }).catch((error: unknown) => error);
    for (const [url, message] of [
      ["", /URL is required/],
      ["hooks.example.com/in", /full URL/],
      ["ftp://hooks.example.com/in", /https:\/\//],
      ["https://user:secret@hooks.example.com/in", /user name or password/],
      ["https://hooks.example.com/in#top", /fragment/],
      ["https://169.254.169.254/latest/meta-data", /linkLocal address is refused by the address policy/],
    ] as const) {
      const error = await refusal({ url });
      expect(error, url).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors?.url?.[0], url).toMatch(message);
    }
    const noEvents = await refusal({ url: receiver.url("/none"), events: undefined });
    expect((noEvents as ValidationFailed).fieldErrors?.events).toEqual(["Choose at least one event."]);
    expect(await refusal({ url: receiver.url("/odd"), events: ["grant.revoked"] })).toBeInstanceOf(ValidationFailed);
    expect((await refusal({ url: receiver.url("/nameless"), name: "  " }) as ValidationFailed).fieldErrors?.name).toEqual(["Name is required."]);
    const duplicate = await refusal({ url: receiver.url(hook.path) });
    expect(duplicate).toBeInstanceOf(Conflict);
    expect((duplicate as Conflict).fieldErrors?.url?.[0]).toMatch(/Already used/);
    expect(await endpointCount()).toBe(before);

    const badEdit = await runMutation(updateWebhook, admin, { id: hook.id, name: "Edited", url: "https://169.254.169.254/", events: ["grant.created"] }).catch((e: unknown) => e);
    expect((badEdit as ValidationFailed).fieldErrors?.url).toBeDefined();
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(row).toMatchObject({ name: hook.name, url: receiver.url(hook.path) });

    for (const [mutation, input] of [
      [sendTestWebhook, { id: "not-an-id" }],
      [deleteWebhook, {}],
      [redeliverWebhook, { deliveryId: "42" }],
      [setWebhookEnabled, { id: hook.id, enabled: "maybe" }],
    ] as const) {
      await expect(runMutation(mutation as typeof sendTestWebhook, admin, input)).rejects.toThrow(ValidationFailed);
    }
    await expect(runMutation(sendTestWebhook, admin, { id: randomUUID() })).rejects.toThrow(/no longer exists/);
  });
});
