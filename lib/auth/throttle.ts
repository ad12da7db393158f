import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { signInAddressThrottle, signInThrottle } from "../db/schema";

/** After this many failures within the window, the account is locked for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure atomically (safe with many instances); locks on the MAX_FAILURES-th. */
export async function recordFailure(db: Db, key: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`CASE WHEN ${signInThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${signInThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${signInThrottle.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${signInThrottle.windowStartedAt} END`,
        lockedUntil: sql`CASE WHEN ${signInThrottle.windowStartedAt} >= ${windowStart} AND ${signInThrottle.failures} + 1 >= ${MAX_FAILURES} THEN ${lockUntil} ELSE ${signInThrottle.lockedUntil} END`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

// ---- Per client address ---------------------------------------------------------------

export const ADDRESS_WINDOW_MINUTES = 15;

/**
 * Seconds until `address` may try again, when it has `limit` failures in its current window;
 * null when it may try now. Read before any password is hashed.
 */
export async function addressRetryAfter(db: Db, address: string, now: Date, limit: number): Promise<number | null> {
  const [row] = await db.select().from(signInAddressThrottle).where(eq(signInAddressThrottle.address, address));
  if (!row || row.failures < limit) return null;
  const windowEnds = row.windowStartedAt.getTime() + ADDRESS_WINDOW_MINUTES * 60_000;
  return windowEnds > now.getTime() ? Math.ceil((windowEnds - now.getTime()) / 1000) : null;
}

/** Counts a failure for the address atomically, in a fixed window (a new one once the last has passed). */
export async function recordAddressFailure(db: Db, address: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000);
  await db
    .insert(signInAddressThrottle)
    .values({ address, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInAddressThrottle.address,
      set: {
        failures: sql`CASE WHEN ${signInAddressThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${signInAddressThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${signInAddressThrottle.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${signInAddressThrottle.windowStartedAt} END`,
      },
    });
}
