/**
 * npm run audit:verify — recomputes the audit trail's hash chain (lib/domain/audit-chain.ts) from
 * the database the app uses (DATABASE_URL, or else the embedded one in VETTED_DATA_DIR: stop the
 * app first, an embedded database takes one process at a time) and names the first broken link.
 *
 * Like the app, it applies pending migrations first.
 *
 *   npm run audit:verify [-- --logged "audit chain head: position N hash H" …]
 *
 * With --logged (any number, lines from the daily log), it also checks that the event at each
 * logged position still has the logged hash: a history rewritten wholesale, every hash recomputed,
 * verifies, but no longer matches the log.
 *
 * Exit code 0: the chain holds (and matches the logged heads). 1: a link is broken, or a logged
 * head does not match. 2: it could not check (or a --logged line is not a head line).
 */
import { closeDb, getDb } from "../lib/db/client";
import { parseChainHeadLine } from "../lib/domain/audit-chain";
import { verifyAuditChain } from "../lib/queries/audit-chain";
import { checkLoggedHead } from "../lib/services/audit-chain";

function loggedLines(argv: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--logged" && i + 1 < argv.length) lines.push(argv[++i]!);
    else throw new Error(`unexpected argument ${JSON.stringify(argv[i]!.slice(0, 80))}: use --logged "audit chain head: position N hash H"`);
  }
  const unreadable = lines.find((line) => !parseChainHeadLine(line));
  if (unreadable !== undefined) throw new Error(`not a head line: ${JSON.stringify(unreadable.slice(0, 120))}`);
  return lines;
}

async function main(): Promise<number> {
  const logged = loggedLines(process.argv.slice(2));
  const db = await getDb();
  const result = await verifyAuditChain(db);
  let code = 0;
  for (const line of logged) {
    const check = await checkLoggedHead(db, line);
    if (check.status === "unreadable") continue;
    if (check.status === "matches") {
      console.log(`[audit:verify] logged head position ${check.logged.position} matches.`);
    } else {
      console.error(`[audit:verify] logged head position ${check.logged.position} DOES NOT MATCH: ${check.status === "missing" ? "no event has that position any more" : `the event there now has hash ${check.stored}`}.`);
      code = 1;
    }
  }
  if (result.brokenLink) {
    const { position, eventId, at, problem } = result.brokenLink;
    console.error(`[audit:verify] BROKEN at position ${position}: event ${eventId} of ${at}: ${problem}.`);
    console.error(`[audit:verify] ${result.checked - 1} events before it hold; the stored head is position ${result.head.position} hash ${result.head.hash}.`);
    return 1;
  }
  console.log(`[audit:verify] the chain holds: ${result.checked} events; head position ${result.head.position} hash ${result.head.hash}.`);
  return code;
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
