import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { ValidationFailed } from "@/lib/errors";
import { createWebhook, deleteWebhook } from "@/lib/mutations/webhooks";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";

// This file runs in its own process, with the installation's default: https only.
delete process.env.WEBHOOK_ALLOW_HTTP;

let db: Db;
let admin: SessionUser;

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
});
afterAll(() => closeDb());

describe("webhook URLs by default", () => {
  it("refuses plain http with a field error and stores nothing; accepts https", async () => {
    const url = `http://hooks.example.com/${unique("in").replace(/\W/g, "-")}`;
    const error = await runMutation(createWebhook, admin, { name: "Plain", url, events: ["grant.created"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fieldErrors?.url?.[0]).toMatch(/must start with https:\/\//);
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.url, url))).toHaveLength(0);

    const created = await runMutation(createWebhook, admin, { name: "Secure", url: url.replace("http:", "https:"), events: ["grant.created"] });
    expect(created.secret).toMatch(/^whsec_/);
    // Leave nothing that would collect other test files' events.
    await runMutation(deleteWebhook, admin, { id: created.id });
  });
});
