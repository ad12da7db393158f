import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { consumeRateLimit } from "@/lib/auth/api-tokens";
import { lockedUntil, recordFailure } from "@/lib/auth/throttle";
import { closeDb, getDb } from "@/lib/db/client";
import { apiRateWindows, apiTokens, signInThrottle } from "@/lib/db/schema";
import { sweep } from "@/lib/jobs/sweep";
import { makeUser } from "../support/fixtures";

afterAll(() => closeDb());

const MINUTE = 60_000;

it("the sweep prunes finished rate-limit windows and sign-in throttles past their window, and keeps current ones", async () => {
  const db = await getDb();
  const admin = await makeUser(db, "admin");
  const [token] = await db
    .insert(apiTokens)
    .values({ name: "prune", prefix: "vt_prune", secretHash: randomBytes(16).toString("hex"), scopes: ["catalogue:read"], expiresAt: new Date(Date.now() + 86_400_000), createdById: admin.id })
    .returning();
  // In the middle of a minute, so "a minute ago" is another window however fast the test runs.
  const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE + 30_000);
  for (const minutesAgo of [90, 2, 1]) await consumeRateLimit(db, token!.id, new Date(now.getTime() - minutesAgo * MINUTE), 100);
  await consumeRateLimit(db, token!.id, now, 100);
  await consumeRateLimit(db, token!.id, now, 100);

  const key = (name: string) => `prune-${name}-${now.getTime()}`;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  // Long past: one failure 20 minutes ago; and a lock that ended 5 minutes ago.
  await recordFailure(db, key("old"), at(20));
  for (let i = 0; i < 5; i++) await recordFailure(db, key("lock-ended"), at(20));
  // Current: a failure 2 minutes ago; and a lock whose window began 29 minutes ago but still holds.
  await recordFailure(db, key("recent"), at(2));
  for (let i = 0; i < 4; i++) await recordFailure(db, key("still-locked"), at(29));
  await recordFailure(db, key("still-locked"), at(14.5));
  expect(await lockedUntil(db, key("still-locked"), now)).not.toBeNull();

  const report = await sweep(db, now);

  const windows = await db.select().from(apiRateWindows).where(eq(apiRateWindows.tokenId, token!.id));
  expect(windows.map((w) => ({ start: w.windowStart.toISOString(), count: w.count }))).toEqual([{ start: new Date(now.getTime() - 30_000).toISOString(), count: 2 }]);
  const throttles = await db.select({ key: signInThrottle.key }).from(signInThrottle).where(inArray(signInThrottle.key, ["old", "lock-ended", "recent", "still-locked"].map(key)));
  expect(throttles.map((t) => t.key).sort()).toEqual([key("recent"), key("still-locked")].sort());
  expect(report.pruned.rateWindows).toBeGreaterThanOrEqual(3);
  expect(report.pruned.signInThrottles).toBeGreaterThanOrEqual(2);
  // What is kept still counts: the lock holds, and the limit goes on from 2.
  expect(await lockedUntil(db, key("still-locked"), now)).not.toBeNull();
  await consumeRateLimit(db, token!.id, now, 100);
  const [current] = await db.select().from(apiRateWindows).where(eq(apiRateWindows.tokenId, token!.id));
  expect(current!.count).toBe(3);
});
