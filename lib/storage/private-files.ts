import "server-only";
import { chmod, lstat, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

/**
 * The data folder holds password hashes, sessions' secret and evidence: nobody but the account
 * the app runs as may read it. A process umask would not do: PGlite copies its initial database
 * files in with an explicit mode of 0666, whatever the umask. So the folders are made 0700 —
 * which alone keeps every other account out of whatever is created inside later — and the files
 * already there lose their group and other bits, on every open (folders an older version left
 * open are tightened too).
 */

/**
 * Creates `dir` (and missing parents) owner-only, and makes it owner-only if it already existed —
 * unless another account owns it (a mounted volume): then its owner decides.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EPERM") throw error;
  });
}

/**
 * Takes group and other permissions off `target` and, for a folder, everything under it. Symbolic
 * links are neither followed nor changed. An entry that vanishes meanwhile (the database removes
 * files as it runs) is skipped.
 */
export async function makePrivate(target: string): Promise<void> {
  const stats = await lstat(target).catch(() => null);
  if (!stats || stats.isSymbolicLink()) return;
  if (stats.mode & 0o077) await chmod(target, stats.isDirectory() ? 0o700 : stats.mode & 0o700).catch(() => undefined);
  if (!stats.isDirectory()) return;
  const names = await readdir(target).catch(() => [] as string[]);
  for (const name of names) await makePrivate(path.join(target, name));
}
