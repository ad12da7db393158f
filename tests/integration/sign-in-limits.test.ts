import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertAddressMayTry, authorizeLocal, SIGN_IN_ERRORS, SignInRefused } from "@/lib/auth/local-sign-in";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAddressFailure } from "@/lib/auth/throttle";
import { config } from "@/lib/config";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/server/client-address";
import { installPeerAddressRecorder } from "@/lib/server/peer-address-recorder";
import { makeUser } from "../support/fixtures";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(() => closeDb());

let addressCounter = 0;
function address(): string {
  addressCounter += 1;
  return `203.0.113.${addressCounter}`;
}
const from = (peer: string) => ({ [PEER_ADDRESS_HEADER]: peer });

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error;
  }
}

describe("the peer address the server records", () => {
  it("is the socket's, whatever the client sent as X-Forwarded-For or as the peer header itself", async () => {
    const uninstall = installPeerAddressRecorder();
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((request, response) => {
      seen.push({ ...request.headers });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: "198.51.100.99", "x-forwarded-for": "198.51.100.98", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      });
    } finally {
      server.close();
      uninstall();
    }
    expect(config().trustedProxies).toEqual([]);
    const [headers] = seen;
    expect(headers![PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(headers!["x-forwarded-for"]).toBeUndefined();
    expect(headers!["x-forwarded-host"]).toBeUndefined();
    expect(headers!["x-forwarded-proto"]).toBeUndefined();
    expect(clientAddress(headers!)).toBe("127.0.0.1");
  });
});

describe("the per-address limit", () => {
  it(`refuses an address after ${config().signInFailuresPerAddress} failures over any emails, even with the right password; another address still signs in`, async () => {
    const user = await makeUser(db, "employee");
    await db.update(users).set({ passwordHash: await hashPassword("the-right-one") }).where(eq(users.id, user.id));
    const spraying = address();
    const limit = config().signInFailuresPerAddress;
    // All but the last failure counted directly (each real attempt costs a 128 MiB hash); the last through authorize.
    for (let n = 0; n < limit - 1; n++) await recordAddressFailure(db, spraying, new Date());
    await expect(assertAddressMayTry(db, spraying, new Date())).resolves.toBeUndefined();
    const error = await refusal(authorizeLocal(db, { email: `spray-${Date.now()}@test.example`, password: "guess" }, from(spraying)));
    expect((error as Error).message).toBe(SIGN_IN_ERRORS.invalid);
    const refused = await refusal(assertAddressMayTry(db, spraying, new Date()));
    expect(refused).toBeInstanceOf(SignInRefused);
    expect((refused as SignInRefused).retryAfterSeconds).toBeGreaterThan(60);
    const withRightPassword = await refusal(authorizeLocal(db, { email: user.email, password: "the-right-one" }, from(spraying)));
    expect((withRightPassword as Error).message).toMatch(/Too many sign-in attempts from your network/);

    await expect(authorizeLocal(db, { email: user.email, password: "the-right-one" }, from(address()))).resolves.toMatchObject({ id: user.id });
  }, 120_000);

  it("keeps the per-email lockout, whichever addresses the attempts come from", async () => {
    const user = await makeUser(db, "employee");
    const messages: string[] = [];
    for (let n = 0; n < 6; n++) messages.push(((await refusal(authorizeLocal(db, { email: user.email, password: `wrong-${n}` }, from(address())))) as Error).message);
    expect(messages).toEqual([...Array(4).fill(SIGN_IN_ERRORS.invalid), SIGN_IN_ERRORS.locked, SIGN_IN_ERRORS.locked]);
  }, 120_000);
});

describe("password hashes made with older parameters", () => {
  it("are rehashed at today's on a successful sign-in, and not on a failed one", async () => {
    const user = await makeUser(db, "employee");
    const oldHash = await hashPassword("long-standing password", { N: 2 ** 15, r: 8, p: 1 });
    expect(oldHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await db.update(users).set({ passwordHash: oldHash }).where(eq(users.id, user.id));
    const stored = async () => (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)))[0]!.hash!;

    await refusal(authorizeLocal(db, { email: user.email, password: "not it" }, from(address())));
    expect(await stored()).toBe(oldHash);

    await expect(authorizeLocal(db, { email: user.email, password: "long-standing password" }, from(address()))).resolves.toMatchObject({ id: user.id });
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("long-standing password", upgraded)).toBe(true);
  }, 120_000);
});
