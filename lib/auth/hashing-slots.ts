/**
 * A bound on concurrent password hashing in this instance. Each sign-in attempt costs a
 * 128 MiB scrypt hash on libuv's thread pool (4 threads by default): more at once only queue
 * behind each other, and behind every file and DNS call of the process, so a flood slows
 * everyone. An attempt that finds no free slot is refused at once (429), before hashing; one
 * client address may hold only some of the slots, so a single flooding client cannot take
 * them all from everyone else.
 */
export class HashingSlots {
  private inUse = 0;
  private readonly perKey = new Map<string, number>();

  constructor(
    readonly total: number,
    readonly perClient: number,
  ) {}

  /** A release function, or null when no slot is free for this client. */
  tryAcquire(client: string): (() => void) | null {
    const held = this.perKey.get(client) ?? 0;
    if (this.inUse >= this.total || held >= this.perClient) return null;
    this.inUse += 1;
    this.perKey.set(client, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      const left = (this.perKey.get(client) ?? 1) - 1;
      if (left === 0) this.perKey.delete(client);
      else this.perKey.set(client, left);
    };
  }
}

/**
 * This instance's slots for sign-in: the thread pool's four, at most two for one client
 * address. On globalThis, so that every bundle of the server shares the one count.
 */
const globalForSlots = globalThis as unknown as { vettedSignInSlots?: HashingSlots };
export function signInHashingSlots(): HashingSlots {
  globalForSlots.vettedSignInSlots ??= new HashingSlots(4, 2);
  return globalForSlots.vettedSignInSlots;
}
