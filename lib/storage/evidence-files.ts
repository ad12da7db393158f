import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensurePrivateDir, makePrivate } from "./private-files";

/**
 * Evidence files kept in a directory instead of PostgreSQL, named by their SHA-256 so that a
 * path can never be chosen by an uploader and one file uploaded twice is stored once.
 */
function fileFor(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("evidence file name is not a SHA-256");
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes before the database row that points at them is committed; written to a
 * temporary name then renamed, so a reader never sees half a file. A rolled-back upload
 * leaves an unreferenced file behind, which no request can reach.
 */
export async function writeEvidenceFile(dir: string, sha256: string, content: Uint8Array): Promise<void> {
  const target = fileFor(dir, sha256);
  if (await stat(target).then((s) => s.size === content.byteLength, () => false)) return;
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, content, { mode: 0o600, flag: "wx" });
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Reads a stored file back, refusing one whose bytes no longer match its hash. */
export async function readEvidenceFile(dir: string, sha256: string): Promise<Uint8Array> {
  const content = new Uint8Array(await readFile(fileFor(dir, sha256)));
  if (createHash("sha256").update(content).digest("hex") !== sha256) {
    throw new Error(`evidence file ${sha256} does not match its hash: it was changed on disk`);
  }
  return content;
}

/** At start: the directory exists (created private if not) and this process may write to it. */
export async function prepareEvidenceDir(dir: string): Promise<void> {
  // Owner-only, also when it was made before (by hand, or by an older version).
  await ensurePrivateDir(dir);
  await makePrivate(dir);
  await access(dir, constants.W_OK | constants.R_OK).catch(() => {
    throw new Error(`EVIDENCE_DIR ${dir} is not readable and writable by this process`);
  });
}
