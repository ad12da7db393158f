import "server-only";
import { logger } from "../log";
import type { Db, Tx } from "./client";

/**
 * Work to do once a transaction has committed (nudging delivery of what it queued), registered by
 * whoever records that work, inside the transaction. Kept per transaction object, so nothing
 * leaks from one transaction to another and a rollback simply drops the list.
 */
const commitHooks = new WeakMap<object, Array<() => void>>();

type TransactionConfig = Parameters<Db["transaction"]>[1];

/**
 * Runs `work` in a transaction; functions given to afterCommit(tx, …) during it run after the
 * commit, never after a rollback. A failing hook is logged: the change is already committed.
 */
export async function transactionWithHooks<T>(db: Db, work: (tx: Tx) => Promise<T>, options?: TransactionConfig): Promise<T> {
  const hooks: Array<() => void> = [];
  const result = await db.transaction(async (tx) => {
    commitHooks.set(tx, hooks);
    return work(tx);
  }, options);
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      logger().error({ error: error instanceof Error ? error.message.slice(0, 300) : "non-error thrown" }, "an after-commit hook failed");
    }
  }
  return result;
}

/**
 * Registers `fn` to run once `tx` commits (once, however often it is registered). In a
 * transaction not opened by transactionWithHooks (a test's, a script's) there is nobody to run
 * it: it is dropped, so register only what may be skipped — a delivery nudge, whose work the
 * minute's sweep does anyway. The door's ctx.afterCommit always has a list.
 */
export function afterCommit(tx: Tx, fn: () => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks && !hooks.includes(fn)) hooks.push(fn);
}
