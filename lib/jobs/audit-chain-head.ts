import "server-only";
import type { Db } from "../db/client";
import { chainHeadLogLine, type ChainHead } from "../domain/audit-chain";
import { logger } from "../log";
import { auditChainHead } from "../queries/audit-chain";

/**
 * Writes the audit chain's head to the log, one structured line: `audit chain head: position N
 * hash H`. The log lives outside the database, so whoever could rewrite the whole chain (and
 * recompute every hash) still cannot make an old head line match: compare a logged head with
 * the event at that position (the admin page and `npm run audit:verify` show it).
 */
export async function logAuditChainHead(db: Db, log: (line: string) => void = (line) => logger().info({ component: "audit" }, line)): Promise<ChainHead> {
  const head = await auditChainHead(db);
  log(chainHeadLogLine(head));
  return head;
}
