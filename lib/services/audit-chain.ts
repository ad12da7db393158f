import "server-only";
import type { Db } from "../db/client";
import type { ChainHead } from "../domain/audit-chain";
import { auditChainHead, verifyAuditChain, type ChainVerification } from "../queries/audit-chain";

export interface AuditChainView {
  head: ChainHead;
  /** Present when the admin asked for a verification of the whole chain. */
  verification: ChainVerification | null;
}

/** The admin page's view: the chain's head, and when asked, the whole chain verified. */
export async function getAuditChainView(db: Db, options: { verify: boolean }): Promise<AuditChainView> {
  if (!options.verify) return { head: await auditChainHead(db), verification: null };
  const verification = await verifyAuditChain(db);
  return { head: verification.head, verification };
}
