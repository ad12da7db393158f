import { config } from "../config";
import { getDbHandle } from "../db/client";
import { prepareEvidenceDir } from "../storage/evidence-files";

/**
 * Validates configuration, opens the database and applies pending migrations (under a lock).
 * If any of that fails the process exits: a half-started instance would only answer errors.
 */
export async function startServer(): Promise<void> {
  try {
    const { evidenceDir } = config();
    if (evidenceDir) await prepareEvidenceDir(evidenceDir);
    const { kind } = await getDbHandle();
    console.log(`[vetted] database ready (${kind})`);
  } catch (error) {
    console.error(`[vetted] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
