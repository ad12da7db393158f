import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { emailOutbox, settings, webhookDeliveryAttempts, webhookEndpoints } from "@/lib/db/schema";
import { postToChat } from "@/lib/delivery/chat";
import { deliverOutboxMessage, type Channels } from "@/lib/delivery/outbox";
import type { ResolveHost } from "@/lib/delivery/outbound-http";
import { deliverWebhook } from "@/lib/delivery/webhooks";
import { ValidationFailed } from "@/lib/errors";
import { setChatWebhook } from "@/lib/mutations/settings";
import { createWebhook, sendTestWebhook } from "@/lib/mutations/webhooks";
import { notify } from "@/lib/notifications";
import { CHAT_WEBHOOK_KEY } from "@/lib/queries/settings";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

// This file runs in its own process, with the address policy closed to everything local except
// three names an admin allowed. Those names resolve to the local receiver only through the
// `resolve` these tests hand the delivery code (standing in for DNS, so no query leaves the machine).
process.env.WEBHOOK_ALLOW_HTTP = "true";
process.env.WEBHOOK_ALLOWED_HOSTS = "receiver.allowed.test,hooks.slack.com,*.webhook.office.com";
delete process.env.WEBHOOK_ALLOWED_CIDRS;

const REFUSED = "refused by address policy";
const ATTACK = "<!channel> <https://evil.example/login|Vetted: sign in again>";

let db: Db;
let receiver: WebhookReceiver;
let admin: SessionUser;
const mine: string[] = [];

/** Every name resolves to the loopback receiver, as a rebinding DNS server would answer. */
const toLoopback: ResolveHost = async () => ["127.0.0.1"];

beforeAll(async () => {
  db = await getDb();
  receiver = await startWebhookReceiver();
  admin = await makeUser(db, "admin");
});
afterAll(async () => {
  if (mine.length) await db.delete(webhookEndpoints).where(inArray(webhookEndpoints.id, mine));
  await db.delete(settings).where(eq(settings.key, CHAT_WEBHOOK_KEY));
  await receiver?.close();
  await closeDb();
});

async function endpoint(url: string) {
  const created = await runMutation(createWebhook, admin, { name: unique("Receiver"), url, events: ["grant.created"] });
  mine.push(created.id);
  return created;
}

async function ping(endpointId: string) {
  return (await runMutation(sendTestWebhook, admin, { id: endpointId })).deliveryId;
}

async function tryError(deliveryId: string) {
  const tries = await db.select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, deliveryId));
  return tries.map((t) => t.error);
}

describe("webhook URLs when saved", () => {
  it("refuses every spelling of a local address with a clear message, and stores nothing", async () => {
    const port = receiver.port;
    for (const host of [
      "localhost",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "127.1",
      "[::ffff:127.0.0.1]",
      "[::1]",
      "receiver",
      "metadata.google.internal",
      "169.254.169.254.nip.io",
      "[::a9fe:a9fe]",
      "[64:ff9b::a9fe:a9fe]",
      "[fd00:ec2::254]",
    ]) {
      const url = `http://${host}:${port}/hooks/${randomUUID()}`;
      const error = await runMutation(createWebhook, admin, { name: "Local", url, events: ["grant.created"] }).catch((e: unknown) => e);
      expect(error, host).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors?.url?.[0], host).toMatch(/refused by the address policy \(an admin can allow internal receivers with WEBHOOK_ALLOWED_HOSTS/);
      expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.url, url)), host).toHaveLength(0);
    }
    expect(receiver.received).toHaveLength(0);
  });
});

describe("webhook delivery", () => {
  it("refuses http://localhost of a real local receiver at delivery: the receiver gets nothing, the log says only that", async () => {
    const path = `/hooks/${randomUUID()}`;
    const hook = await endpoint(`http://receiver.allowed.test:${receiver.port}${path}`);
    // Saved before the policy existed (or by a name whose answers changed since): only delivery stands in the way.
    await db.update(webhookEndpoints).set({ url: `http://localhost:${receiver.port}${path}` }).where(eq(webhookEndpoints.id, hook.id));
    const id = await ping(hook.id);
    expect(await deliverWebhook(db, id, new Date())).toMatchObject({ outcome: "retrying", statusCode: null, error: REFUSED });
    expect(await tryError(id)).toEqual([REFUSED]);
    expect(receiver.for(path)).toHaveLength(0);
  });

  it("refuses a name that passed when saved but resolves to loopback when delivering (DNS rebinding)", async () => {
    const path = `/hooks/${randomUUID()}`;
    const hook = await endpoint(`http://hooks.rebind.test:${receiver.port}${path}`);
    const id = await ping(hook.id);
    expect(await deliverWebhook(db, id, new Date(), { resolve: toLoopback })).toMatchObject({ outcome: "retrying", error: REFUSED });
    // The IPv4-mapped and NAT64 spellings of the same answer are refused alike.
    const again = await ping(hook.id);
    expect(await deliverWebhook(db, again, new Date(), { resolve: async () => ["::ffff:127.0.0.1", "64:ff9b::7f00:1"] })).toMatchObject({ error: REFUSED });
    expect(receiver.for(path)).toHaveLength(0);
  });

  it("delivers to a local receiver an admin named in WEBHOOK_ALLOWED_HOSTS", async () => {
    const path = `/hooks/${randomUUID()}`;
    const hook = await endpoint(`http://receiver.allowed.test:${receiver.port}${path}`);
    const id = await ping(hook.id);
    expect(await deliverWebhook(db, id, new Date(), { resolve: toLoopback })).toMatchObject({ outcome: "delivered", statusCode: 200 });
    expect(receiver.for(path)).toHaveLength(1);
  });
});

describe("the chat webhook", () => {
  const through = (resolve?: ResolveHost): Channels => ({ mailer: null, postToChat: (url, text) => postToChat(url, text, resolve) });

  async function setChatUrl(url: string) {
    // Set directly: the form insists on https, these local receivers are plain http.
    await db.insert(settings).values({ key: CHAT_WEBHOOK_KEY, value: { url } }).onConflictDoUpdate({ target: settings.key, set: { value: { url } } });
  }

  /** Records one notice (a chat post among its deliveries) and returns the chat post's id. */
  async function chatPost(title: string): Promise<string> {
    const user = await makeUser(db, "employee");
    await db.transaction((tx) => notify(tx, [{ userId: user.id, title, body: "It waits for you.", link: "/requests/7" }], "https://vetted.test"));
    const [row] = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(and(eq(emailOutbox.channel, "chat"), eq(emailOutbox.subject, title)));
    return row!.id;
  }

  it("refuses a local chat webhook URL when saved", async () => {
    for (const url of ["https://localhost/services/x", "https://127.1/services/x", "https://169.254.169.254.nip.io/x", "https://[fd00:ec2::254]/x", "https://metadata.google.internal/x"]) {
      const error = await runMutation(setChatWebhook, admin, { intent: "set", url }).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors?.url?.[0], url).toMatch(/refused by the address policy/);
    }
  });

  it("refuses a post to a local address when delivering: the receiver gets nothing", async () => {
    const path = `/services/${randomUUID()}`;
    await setChatUrl(`http://localhost:${receiver.port}${path}`);
    const id = await chatPost(unique("Local chat"));
    expect(await deliverOutboxMessage(db, through(), id)).toMatchObject({ outcome: "failed", error: REFUSED });
    await setChatUrl(`http://hooks.rebind.test:${receiver.port}${path}`);
    const rebound = await chatPost(unique("Rebound chat"));
    expect(await deliverOutboxMessage(db, through(toLoopback), rebound)).toMatchObject({ outcome: "failed", error: REFUSED });
    expect(receiver.for(path)).toHaveLength(0);
  });

  it("posts user text escaped for Slack's and for Teams' markup", async () => {
    const slackPath = `/services/${randomUUID()}`;
    await setChatUrl(`http://hooks.slack.com:${receiver.port}${slackPath}`);
    const title = `Request 12: Ann asks to use ${ATTACK} ${unique("")}`;
    expect(await deliverOutboxMessage(db, through(toLoopback), await chatPost(title))).toMatchObject({ outcome: "sent" });
    const [slack] = receiver.for(slackPath);
    const slackText = (JSON.parse(slack!.body) as { text: string }).text;
    expect(slackText).toContain("Ann asks to use &lt;!channel&gt; &lt;https://evil.example/login|Vetted: sign in again&gt;");
    expect(slackText).not.toMatch(/[<>]/);
    expect(slackText).toMatch(/ https:\/\/vetted\.test\/requests\/7$/);

    const teamsPath = `/webhookb2/${randomUUID()}`;
    await setChatUrl(`http://contoso.webhook.office.com:${receiver.port}${teamsPath}`);
    const teamsTitle = `Request 13: Ann asks to use [Vetted: sign in again](https://evil.example/login) ${unique("")}`;
    expect(await deliverOutboxMessage(db, through(toLoopback), await chatPost(teamsTitle))).toMatchObject({ outcome: "sent" });
    const teamsText = (JSON.parse(receiver.for(teamsPath)[0]!.body) as { text: string }).text;
    expect(teamsText).toContain("Ann asks to use \\[Vetted: sign in again\\]\\(https://evil.example/login\\)");
    expect(teamsText).toMatch(/ https:\/\/vetted\.test\/requests\/7$/);
  });
});
