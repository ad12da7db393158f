import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { clearFailures, lockedUntil, MAX_FAILURES, recordFailure } from "@/lib/auth/throttle";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { Conflict, Forbidden, ValidationFailed } from "@/lib/errors";
import { createUser, updateUser } from "@/lib/mutations/users";
import { signInWithSso } from "@/lib/mutations/sso";
import { findUserByEmail } from "@/lib/queries/users";
import { runMutation } from "@/lib/server/guard";
import { auditFor, makeUser } from "../support/fixtures";

let db: Db;
let admin: SessionUser;

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
});
afterAll(() => closeDb());

describe("passwords", () => {
  it("hashes with scrypt and a salt, and verifies", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(hash).not.toContain("correct horse");
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong", hash)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  }, 120_000);
});

describe("sign-in throttle", () => {
  it("locks after repeated failures and clears on success", async () => {
    const key = `throttle-${Date.now()}@test.example`;
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(db, key, now);
    expect(await lockedUntil(db, key, now)).toBeNull();
    await recordFailure(db, key, now);
    const until = await lockedUntil(db, key, now);
    expect(until!.getTime()).toBeGreaterThan(now.getTime());
    expect(await lockedUntil(db, key, new Date(now.getTime() + 16 * 60_000))).toBeNull();
    await clearFailures(db, key);
    expect(await lockedUntil(db, key, now)).toBeNull();
  });

  it("counts failures from concurrent requests without losing any", async () => {
    const key = `race-${Date.now()}@test.example`;
    const now = new Date();
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => recordFailure(db, key, now)));
    expect(await lockedUntil(db, key, now)).not.toBeNull();
  });
});

describe("user administration", () => {
  it("creates a local account with a hashed password, audited without the hash", async () => {
    const email = `New.Person.${Date.now()}@Test.Example`;
    const created = await runMutation(createUser, admin, { email, name: "New Person", role: "employee", password: "a-long-enough-password" });
    expect(created.email).toBe(email.toLowerCase());
    expect(created.passwordHash).toMatch(/^scrypt\$/);
    const [event] = await auditFor(db, created.id);
    expect(JSON.stringify(event!.after)).not.toContain("scrypt");
    await expect(runMutation(createUser, admin, { email, name: "Again", role: "employee" })).rejects.toBeInstanceOf(Conflict);
    await expect(runMutation(createUser, admin, { email: "not-an-email", name: "X", role: "employee" })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(createUser, admin, { email: `p${Date.now()}@t.example`, name: "X", role: "employee", password: "short" })).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("links managers and refuses loops", async () => {
    const boss = await makeUser(db, "manager");
    const report = await makeUser(db, "employee");
    await runMutation(updateUser, admin, { id: report.id, role: "employee", managerId: boss.id, active: "on" });
    const loop = runMutation(updateUser, admin, { id: boss.id, role: "manager", managerId: report.id, active: "on" });
    await expect(loop).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(updateUser, admin, { id: boss.id, role: "manager", managerId: boss.id, active: "on" })).rejects.toBeInstanceOf(ValidationFailed);
    const [row] = await db.select().from(users).where(eq(users.id, boss.id));
    expect(row!.managerId).toBeNull();
  });

  it("refuses non-admins, self-deactivation and removing the last admin", async () => {
    const reviewer = await makeUser(db, "reviewer");
    await expect(runMutation(updateUser, reviewer, { id: reviewer.id, role: "admin", active: "on" })).rejects.toBeInstanceOf(Forbidden);
    await expect(runMutation(updateUser, admin, { id: admin.id, role: "admin", active: "" })).rejects.toBeInstanceOf(Conflict);
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    // Other test files share this database and create admins: set them aside, then restore them.
    const others = await db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, admin.id)))
      .returning({ id: users.id });
    try {
      const other = await makeUser(db, "employee");
      await expect(runMutation(updateUser, other, { id: admin.id, role: "employee", active: "on" })).rejects.toBeInstanceOf(Forbidden);
      await expect(runMutation(updateUser, admin, { id: admin.id, role: "employee", active: "on" })).rejects.toBeInstanceOf(Conflict);
      const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, admin.id));
      expect(row!.role).toBe("admin");
    } finally {
      if (others.length) await db.update(users).set({ active: true }).where(inArray(users.id, others.map((o) => o.id)));
    }
  });
});

describe("single sign-on users", () => {
  it("creates the user on first sign-in with the mapped role, and follows later group changes", async () => {
    const email = `sso-${Date.now()}@corp.example`;
    const first = await signInWithSso(db, { subject: "sub-1", email, name: "Sam SSO", roleFromGroups: null });
    expect(first).toMatchObject({ email, role: "employee", ssoSubject: "sub-1", passwordHash: null });
    const promoted = await signInWithSso(db, { subject: "sub-1", email: email.toUpperCase(), name: "Sam SSO", roleFromGroups: "reviewer" });
    expect(promoted.id).toBe(first.id);
    expect(promoted.role).toBe("reviewer");
    const kept = await signInWithSso(db, { subject: "sub-1", email, name: "Sam SSO", roleFromGroups: null });
    expect(kept.role).toBe("reviewer");
    const events = await auditFor(db, first.id);
    expect(events.map((e) => e.action)).toEqual(["user.created", "user.sso_synced"]);
    // The system actor, not the person signing in (who has no session yet) nor anybody else.
    expect(events.map((e) => [e.actorId, e.actorEmail])).toEqual([[null, "system"], [null, "system"]]);
    expect((await findUserByEmail(db, email))!.id).toBe(first.id);
  });
});

describe("settings", () => {
  it("lets admins set labels and review intervals, audited, and refuses bad values and other roles", async () => {
    const { updateSettings } = await import("@/lib/mutations/settings");
    const { getSettings } = await import("@/lib/queries/settings");
    const labels = { public: "Public", internal: "Internal only", confidential: "Confidential", restricted: "Secret" };
    const intervals = { approved: 24, approved_with_conditions: 6, restricted: 12, prohibited: 36, under_review: 1 };
    const reassessment = { low: 24, medium: 18, high: 9, critical: 3 };
    const requests = { managerSlaDays: 2, securitySlaDays: 4, maxExceptionDays: 60 };
    await runMutation(updateSettings, admin, { labels, intervals: Object.fromEntries(Object.entries(intervals).map(([k, v]) => [k, String(v)])), reassessment, requests });
    expect(await getSettings(db)).toEqual({ dataClassLabels: labels, reviewIntervalMonths: intervals, reassessmentMonths: reassessment, requests });
    await expect(runMutation(updateSettings, admin, { labels, intervals: { ...intervals, restricted: "0" }, reassessment, requests })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(updateSettings, admin, { labels: { ...labels, public: "x".repeat(41) }, intervals, reassessment, requests })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(updateSettings, admin, { labels, intervals, reassessment: { ...reassessment, critical: "x" }, requests })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(runMutation(updateSettings, admin, { labels, intervals, reassessment, requests: { ...requests, maxExceptionDays: "0" } })).rejects.toBeInstanceOf(ValidationFailed);
    const reviewer = await makeUser(db, "reviewer");
    await expect(runMutation(updateSettings, reviewer, { labels, intervals, reassessment, requests })).rejects.toBeInstanceOf(Forbidden);
    expect((await getSettings(db)).reviewIntervalMonths.approved_with_conditions).toBe(6);
    // Leave the defaults for other tests.
    await runMutation(updateSettings, admin, {
      labels: { public: "Public", internal: "Internal", confidential: "Confidential", restricted: "Restricted" },
      intervals: { approved: 24, approved_with_conditions: 12, restricted: 12, prohibited: 24, under_review: 1 },
      reassessment: { low: 24, medium: 18, high: 12, critical: 6 },
      requests: { managerSlaDays: 3, securitySlaDays: 5, maxExceptionDays: 90 },
    });
  });
});
