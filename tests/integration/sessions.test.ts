import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { endMySessions } from "@/lib/mutations/sessions";
import { updateUser } from "@/lib/mutations/users";
import { runMutation } from "@/lib/server/guard";
import { auditFor, makeUser } from "../support/fixtures";
import { signInCookie, withRequest } from "../support/session";

let db: Db;
let admin: SessionUser;

const sessionOf = (cookie: string | null) => withRequest(cookie, () => getSessionUser());

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
});
afterAll(() => closeDb());

describe("sessions end when they should", () => {
  it("knows the signed-in user from a session cookie, and nobody without one", async () => {
    const employee = await makeUser(db, "employee");
    expect(await sessionOf(await signInCookie(employee))).toMatchObject({ id: employee.id, role: "employee" });
    expect(await sessionOf(null)).toBeNull();
  });

  it("refuses a cookie saved before sign-out, on every device; a new sign-in works", async () => {
    const employee = await makeUser(db, "employee");
    const laptop = await signInCookie(employee);
    const phone = await signInCookie(employee);
    expect(await sessionOf(laptop)).toMatchObject({ id: employee.id });
    // Sign-out, as the header's button does it: the server action for this session.
    await withRequest(laptop, async () => runMutation(endMySessions, await getSessionUser(), {}));
    expect(await sessionOf(laptop)).toBeNull();
    expect(await sessionOf(phone)).toBeNull();
    expect((await auditFor(db, employee.id)).map((e) => e.action)).toContain("user.signed_out");
    expect(await sessionOf(await signInCookie(employee))).toMatchObject({ id: employee.id });
  });

  it("ends a user's sessions when an admin changes their role or deactivates them, not when only their manager changes", async () => {
    const manager = await makeUser(db, "manager");
    const person = await makeUser(db, "employee");
    let cookie = await signInCookie(person);
    await runMutation(updateUser, admin, { id: person.id, role: "employee", managerId: manager.id, active: "on" });
    expect(await sessionOf(cookie)).toMatchObject({ id: person.id, managerId: manager.id });

    await runMutation(updateUser, admin, { id: person.id, role: "reviewer", managerId: manager.id, active: "on" });
    expect(await sessionOf(cookie)).toBeNull();

    cookie = await signInCookie(person);
    expect(await sessionOf(cookie)).toMatchObject({ role: "reviewer" });
    await runMutation(updateUser, admin, { id: person.id, role: "reviewer", managerId: manager.id });
    await runMutation(updateUser, admin, { id: person.id, role: "reviewer", managerId: manager.id, active: "on" });
    // Reactivated, the old cookie still does not come back to life.
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("refuses sign-out without a session, changing nothing", async () => {
    await expect(withRequest(null, async () => runMutation(endMySessions, await getSessionUser(), {}))).rejects.toThrow(/Sign in first/);
  });
});
