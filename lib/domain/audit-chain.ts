/**
 * The audit trail's hash chain. Pure (node:crypto only): the database computes the same thing in
 * the audit_events_chain trigger (db/migrations, function audit_event_canonical), and the
 * verifier recomputes it here from the stored rows, so neither side can drift unnoticed.
 *
 * Every event has a position (1, 2, 3… in commit order: writers take one lock until they commit)
 * and   hash = hex(sha256(utf8(previous event's hash || canonical form of this event)))
 * with 64 zeros as the "previous hash" of position 1.
 *
 * The canonical form is these fields, in this order, each written as `<UTF-8 byte length>:<text>,`
 * (a netstring, so no value can pass for two) or `-,` for NULL:
 *
 *   position, id                       decimal
 *   at                                 UTC with microseconds: 2026-03-15T10:04:05.123456Z
 *   actor_id, software_id              the uuid's text (lowercase, with hyphens)
 *   actor_email, action, entity_type,
 *   entity_id, reason                  the text as stored
 *   before, after                      PostgreSQL's text of the jsonb value (`before::text`)
 *
 * The jsonb text is how the database itself prints the value it holds (keys in its own order),
 * so it is the same however the row was written or read.
 */
import { createHash } from "node:crypto";

/** The "previous hash" of the first event. */
export const AUDIT_CHAIN_GENESIS = "0".repeat(64);

/** One stored event, every column as the text the canonical form uses (see lib/queries/audit-chain.ts). */
export interface ChainedAuditRow {
  position: string;
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  softwareId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  /** The hash stored with the row. */
  hash: string;
}

export interface ChainHead {
  position: number;
  hash: string;
}

export interface BrokenLink {
  position: number;
  eventId: string;
  at: string;
  problem: string;
  /** The problem as a catalogue key (`audit.problem.<kind>`) and its values, for the admin page in the reader's language. */
  problemKey: { kind: "unchained" | "twice" | "missingOne" | "missingRange" | "changed"; values?: Record<string, number> };
}

function field(value: string | null): string {
  return value === null ? "-," : `${Buffer.byteLength(value, "utf8")}:${value},`;
}

export function canonicalAuditEvent(row: Omit<ChainedAuditRow, "hash">): string {
  return [row.position, row.id, row.at, row.actorId, row.actorEmail, row.action, row.entityType, row.entityId, row.softwareId, row.before, row.after, row.reason]
    .map(field)
    .join("");
}

export function auditEventHash(previousHash: string, row: Omit<ChainedAuditRow, "hash">): string {
  return createHash("sha256").update(previousHash + canonicalAuditEvent(row), "utf8").digest("hex");
}

/**
 * Walks the chain in position order, a batch at a time: `check` each row as it comes; the first
 * break it reports is the first broken link (everything after it cannot be trusted either).
 */
export function chainVerifier() {
  let head: ChainHead = { position: 0, hash: AUDIT_CHAIN_GENESIS };
  return {
    check(row: ChainedAuditRow): BrokenLink | null {
      const position = Number(row.position);
      const broken = (problem: string, problemKey: BrokenLink["problemKey"]): BrokenLink => ({ position, eventId: row.id, at: row.at, problem, problemKey });
      if (!Number.isSafeInteger(position) || position < 1) return broken("it has no place in the chain: it was written with the chaining trigger switched off", { kind: "unchained" });
      if (position <= head.position) return broken(`position ${position} appears twice`, { kind: "twice", values: { position } });
      if (position > head.position + 1) {
        const range = position - 1 > head.position + 1;
        return broken(`events ${head.position + 1}${range ? `–${position - 1}` : ""} before it are missing`, range ? { kind: "missingRange", values: { from: head.position + 1, to: position - 1 } } : { kind: "missingOne", values: { from: head.position + 1 } });
      }
      if (auditEventHash(head.hash, row) !== row.hash) return broken("its stored hash does not match its content and the event before it: it was changed", { kind: "changed" });
      head = { position, hash: row.hash };
      return null;
    },
    head(): ChainHead {
      return head;
    },
  };
}

/** The line the daily job writes, so a later rewrite of history shows against the log. */
export function chainHeadLogLine(head: ChainHead): string {
  return `audit chain head: position ${head.position} hash ${head.hash}`;
}

const LOGGED_HEAD = /audit chain head: position (\d{1,15}) hash ([0-9a-f]{64})/;

/** The head in a log line as chainHeadLogLine wrote it (whatever the logger put around it); null if there is none. */
export function parseChainHeadLine(text: string): ChainHead | null {
  const match = LOGGED_HEAD.exec(text.slice(0, 2_000));
  return match ? { position: Number(match[1]), hash: match[2]! } : null;
}
