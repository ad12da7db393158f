import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms";
import { counts, makeUser } from "../support/fixtures";
import { inRequestAs } from "../support/request-context";

/**
 * Finding 1 of issue 10: a form field named `__proto__.category` wrote to Object.prototype of
 * the server process, before the role was even checked. Every server action exported from
 * lib/actions/*.ts (found by listing the folder, so a new action is covered without editing
 * this test) gets each prototype-shaped field name, as each role; afterwards Object.prototype
 * must be as it was and the health check must still reach the database.
 */
type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const actionsFolder = path.resolve(import.meta.dirname, "../../lib/actions");
const HOSTILE_KEYS = [
  "__proto__.category",
  "__proto__.name",
  "constructor.prototype.x",
  "a.__proto__",
  "__proto__[]",
  "_1___proto__.x",
  "a[__proto__]",
  "prototype.x",
];

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

async function loadActions(): Promise<Array<[string, ServerAction]>> {
  const actions: Array<[string, ServerAction]> = [];
  for (const file of readdirSync(actionsFolder).filter((f) => f.endsWith(".ts")).sort()) {
    const exported = (await import(path.join(actionsFolder, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.push([`${file.replace(/\.ts$/, "")}.${name}`, value as ServerAction]);
    }
  }
  return actions;
}

let actions: Array<[string, ServerAction]>;
let people: Record<"employee" | "reviewer" | "admin", SessionUser>;

beforeAll(async () => {
  const db = await getDb();
  people = { employee: await makeUser(db, "employee"), reviewer: await makeUser(db, "reviewer"), admin: await makeUser(db, "admin") };
  actions = await loadActions();
});
afterAll(() => closeDb());

/** What a call added to Object.prototype, removed again so that one failure does not poison every later call. */
function takePollution(): string[] {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((p) => !prototypeBefore.includes(p));
  for (const name of added) delete (Object.prototype as Record<string, unknown>)[name];
  return added;
}
afterEach(() => void takePollution());

describe("prototype-shaped form fields (issue 10, finding 1)", () => {
  it("finds the server actions", () => {
    expect(actions.length).toBeGreaterThanOrEqual(30);
  });

  for (const role of ["employee", "reviewer", "admin"] as const) {
    it(`leave Object.prototype alone and are refused, posted by ${role === "reviewer" ? "a" : "an"} ${role} to every server action`, async () => {
      const db = await getDb();
      const before = await counts(db);
      const problems: string[] = [];
      for (const [name, action] of actions) {
        for (const key of HOSTILE_KEYS) {
          const form = new FormData();
          form.append(key, "polluted");
          form.append("name", "Pollution test");
          let state: ActionState;
          try {
            state = await inRequestAs(people[role], () => action({ status: "idle" }, form));
          } catch (error) {
            problems.push(`${name} with ${key}: threw ${String(error)}`);
            continue;
          }
          const polluted = takePollution();
          if (polluted.length) problems.push(`${name} with ${key}: Object.prototype gained ${polluted.join(", ")}`);
          if (state.status !== "error") problems.push(`${name} with ${key}: answered ${state.status}`);
          else if (!/Your role does not allow this|is not accepted as a field name/.test(state.message)) problems.push(`${name} with ${key}: ${state.message}`);
        }
      }
      expect(problems).toEqual([]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).category).toBeUndefined();
      expect(await counts(db)).toEqual(before);
      const answer = await health(new NextRequest("http://localhost/api/health"), { params: Promise.resolve(undefined) });
      expect(answer.status).toBe(200);
    });
  }
});
