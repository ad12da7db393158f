import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { now } from "../clock";
import { config } from "../config";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { t } from "../i18n/translate";
import { logSecurityEvent } from "../log";
import { findUserByEmail, normaliseEmail } from "../queries/users";
import { clientAddress } from "../server/client-address";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { addressRetryAfter, clearFailures, lockedUntil, recordAddressFailure, recordFailure } from "./throttle";

const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Thrown to the sign-in page as ?error=<message>, in the reader's language (the gate runs the
 * sign-in in it, lib/auth/sign-in-gate.ts); English outside a request.
 */
export const SIGN_IN_ERRORS = {
  get invalid() {
    return t("signin.errors.invalid");
  },
  get locked() {
    return t("signin.errors.locked");
  },
  get busy() {
    return t("signin.errors.busy");
  },
  address: (retryAfterSeconds: number) => t("signin.errors.address", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }),
};

/** The account a sign-in aimed at, for the log; not what was typed when it is no address (a password pasted in the wrong field). */
function loggedAccount(key: string): string {
  return /^[^\s@]+@[^\s@]+$/.test(key) ? key : "(not an email address)";
}

export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Refuses a client address over its failure limit, before any hashing. */
export async function assertAddressMayTry(db: Db, address: string, at: Date): Promise<void> {
  const retryAfter = await addressRetryAfter(db, address, at, config().signInFailuresPerAddress);
  if (retryAfter === null) return;
  logSecurityEvent("signin.address_limited", { address, retryAfterSeconds: retryAfter });
  throw new SignInRefused(SIGN_IN_ERRORS.address(retryAfter), retryAfter);
}

/**
 * next-auth's credentials `authorize`: the client address and the email must be within their
 * limits, then the password is checked (against a dummy hash for an unknown email, so timing
 * tells nothing). A failure counts for both; a success clears the email's and upgrades a hash
 * made with older parameters.
 */
export async function authorizeLocal(db: Db, raw: unknown, headers: Headers | Record<string, string | string[] | undefined>) {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const address = clientAddress(headers);
  const key = normaliseEmail(parsed.data.email);
  const at = now();
  await assertAddressMayTry(db, address, at);
  if (await lockedUntil(db, key, at)) {
    logSecurityEvent("signin.locked", { account: loggedAccount(key), address, provider: "credentials" });
    throw new Error(SIGN_IN_ERRORS.locked);
  }
  const user = await findUserByEmail(db, key);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.passwordHash || !user.active || !ok) {
    await Promise.all([recordFailure(db, key, at), recordAddressFailure(db, address, at)]);
    const locked = Boolean(await lockedUntil(db, key, at));
    const reason = !user ? "unknown account" : !user.active ? "deactivated" : !user.passwordHash ? "no password" : "wrong password";
    logSecurityEvent(locked ? "signin.locked" : "signin.failed", { account: loggedAccount(key), address, provider: "credentials", reason });
    throw new Error(locked ? SIGN_IN_ERRORS.locked : SIGN_IN_ERRORS.invalid);
  }
  await clearFailures(db, key);
  if (needsRehash(user.passwordHash)) await upgradePasswordHash(db, user.id, user.passwordHash, parsed.data.password);
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Replaces a hash made with older scrypt parameters by one at today's, only if it is still
 * the stored one (a password change in between wins). Not audited: the password is the same,
 * only its storage is stronger.
 */
async function upgradePasswordHash(db: Db, userId: string, oldHash: string, password: string): Promise<void> {
  const newHash = await hashPassword(password);
  await db.update(users).set({ passwordHash: newHash }).where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)));
}
