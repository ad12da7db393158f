import "server-only";
import type { Db } from "../db/client";
import { parseChainHeadLine, type ChainHead } from "../domain/audit-chain";
import { auditChainHead, auditEventHashAt, verifyAuditChain, type ChainVerification } from "../queries/audit-chain";

/** A head from the log held against the database: the event at its position must still have its hash. */
export type LoggedHeadCheck = { status: "unreadable" } | { status: "matches" | "differs" | "missing"; logged: ChainHead; stored: string | null };

export interface AuditChainView {
  head: ChainHead;
  /** Present when the admin asked for a verification of the whole chain. */
  verification: ChainVerification | null;
  /** Present when the admin pasted a head line from the log. */
  loggedHead: LoggedHeadCheck | null;
}

export async function checkLoggedHead(db: Db, line: string): Promise<LoggedHeadCheck> {
  const logged = parseChainHeadLine(line);
  if (!logged) return { status: "unreadable" };
  const stored = await auditEventHashAt(db, logged.position);
  return { status: stored === null ? "missing" : stored === logged.hash ? "matches" : "differs", logged, stored };
}

/** The admin page's view: the chain's head; when asked, the whole chain verified and a logged head checked. */
export async function getAuditChainView(db: Db, options: { verify: boolean; loggedLine?: string }): Promise<AuditChainView> {
  const verification = options.verify ? await verifyAuditChain(db) : null;
  const loggedHead = options.loggedLine?.trim() ? await checkLoggedHead(db, options.loggedLine) : null;
  return { head: verification?.head ?? (await auditChainHead(db)), verification, loggedHead };
}
