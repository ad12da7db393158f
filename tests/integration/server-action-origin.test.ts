import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVendorAction } from "@/lib/actions/catalogue";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms";
import { counts, makeUser, unique } from "../support/fixtures";
import { signInCookie, withRequest } from "../support/session";

let db: Db;
let reviewer: SessionUser;

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
});
afterAll(() => closeDb());

/** A reviewer's "add vendor" form, posted with these request headers. */
async function addVendor(headers: Record<string, string>): Promise<ActionState> {
  const form = new FormData();
  form.set("name", unique("Origin vendor"));
  return withRequest(await signInCookie(reviewer), () => createVendorAction({ status: "idle" }, form), headers);
}

// The proxy refuses these posts first (e2e/origin.spec.ts); the door refuses them itself, so no
// server action depends on the proxy's matcher.
describe("a server action's origin, checked by the door", () => {
  it("refuses a post from another origin, another scheme or another site, and writes nothing", async () => {
    const before = await counts(db);
    const vetted = new URL(config().baseUrl);
    const otherScheme = `${vetted.protocol === "http:" ? "https:" : "http:"}//${vetted.host}`;
    const refused: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: otherScheme }, { "sec-fetch-site": "cross-site" }];
    for (const headers of refused) {
      const state = await addVendor(headers);
      expect(state, JSON.stringify(headers)).toMatchObject({ status: "error" });
      expect(state.status === "error" && state.message).toMatch(/cannot change anything/);
    }
    expect(await counts(db)).toEqual(before);
  });

  it("takes a post from VETTED_URL's own origin", async () => {
    const state = await addVendor({ origin: new URL(config().baseUrl).origin, "sec-fetch-site": "same-origin" });
    expect(state).toMatchObject({ status: "ok" });
  });
});
