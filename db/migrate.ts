/** Applies pending migrations (the app also does this at start, under a lock). */
import { closeDb, getDbHandle } from "../lib/db/client";

getDbHandle()
  .then(({ kind }) => console.log(`[migrate] ${kind} database is up to date.`))
  .catch((error: unknown) => {
    console.error("[migrate] failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
