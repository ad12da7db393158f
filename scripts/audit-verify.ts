/**
 * npm run audit:verify — recomputes the audit trail's hash chain (lib/domain/audit-chain.ts) from
 * the database the app uses (DATABASE_URL, or else the embedded one in VETTED_DATA_DIR: stop the
 * app first, an embedded database takes one process at a time) and names the first broken link.
 *
 * Exit code 0: the chain holds; compare the head it prints with the daily "audit chain head" log
 * lines to see that no history was rewritten wholesale. 1: a link is broken. 2: it could not check.
 */
import { closeDb, getDb } from "../lib/db/client";
import { verifyAuditChain } from "../lib/queries/audit-chain";

async function main(): Promise<number> {
  const result = await verifyAuditChain(await getDb());
  if (result.brokenLink) {
    const { position, eventId, at, problem } = result.brokenLink;
    console.error(`[audit:verify] BROKEN at position ${position}: event ${eventId} of ${at}: ${problem}.`);
    console.error(`[audit:verify] ${result.checked - 1} events before it hold; the stored head is position ${result.head.position} hash ${result.head.hash}.`);
    return 1;
  }
  console.log(`[audit:verify] the chain holds: ${result.checked} events; head position ${result.head.position} hash ${result.head.hash}.`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error("[audit:verify] could not verify:", error instanceof Error ? error.message : error);
    process.exitCode = 2;
  })
  .finally(() => closeDb());
