import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AUDIT_CHAIN_GENESIS, auditEventHash, canonicalAuditEvent, chainHeadLogLine, chainVerifier, parseChainHeadLine, type ChainedAuditRow } from "@/lib/domain/audit-chain";

const base: Omit<ChainedAuditRow, "hash"> = {
  position: "1",
  id: "17",
  at: "2026-03-15T10:04:05.123456Z",
  actorId: null,
  actorEmail: "zoë@example.com",
  action: "software.created",
  entityType: "software",
  entityId: "abc",
  softwareId: null,
  before: null,
  after: '{"name": "Claude Code"}',
  reason: "",
};

function chain(rows: Omit<ChainedAuditRow, "hash">[]): ChainedAuditRow[] {
  let previous = AUDIT_CHAIN_GENESIS;
  return rows.map((row) => {
    const hash = auditEventHash(previous, row);
    previous = hash;
    return { ...row, hash };
  });
}

describe("the audit chain's canonical form", () => {
  it("writes each field as a netstring of its UTF-8 bytes, NULL as a dash", () => {
    expect(canonicalAuditEvent(base)).toBe('1:1,2:17,27:2026-03-15T10:04:05.123456Z,-,16:zoë@example.com,16:software.created,8:software,3:abc,-,-,23:{"name": "Claude Code"},0:,');
    expect(auditEventHash(AUDIT_CHAIN_GENESIS, base)).toBe(createHash("sha256").update(AUDIT_CHAIN_GENESIS + canonicalAuditEvent(base)).digest("hex"));
  });

  it("tells an empty text from NULL, and a value from two that run together", () => {
    expect(auditEventHash(AUDIT_CHAIN_GENESIS, { ...base, reason: null })).not.toBe(auditEventHash(AUDIT_CHAIN_GENESIS, base));
    expect(canonicalAuditEvent({ ...base, entityType: "soft", entityId: "wareabc" })).not.toBe(canonicalAuditEvent(base));
  });
});

describe("chainVerifier", () => {
  const rows = chain([1, 2, 3, 4].map((n) => ({ ...base, position: String(n), id: String(100 + n) })));

  it("accepts an intact chain and reports its head", () => {
    const verifier = chainVerifier();
    expect(rows.map((r) => verifier.check(r))).toEqual([null, null, null, null]);
    expect(verifier.head()).toEqual({ position: 4, hash: rows[3]!.hash });
    expect(chainHeadLogLine(verifier.head())).toBe(`audit chain head: position 4 hash ${rows[3]!.hash}`);
  });

  it("names a changed row, a gap, and a row written with the trigger off", () => {
    const changed = chainVerifier();
    const tampered = rows.map((r, i) => (i === 2 ? { ...r, actorEmail: "someone@else.example" } : r));
    expect(tampered.map((r) => changed.check(r)).find(Boolean)).toMatchObject({ position: 3, eventId: "103", problem: expect.stringMatching(/was changed/) });

    const gap = chainVerifier();
    expect([rows[0]!, rows[3]!].map((r) => gap.check(r))[1]).toMatchObject({ position: 4, problem: "events 2–3 before it are missing" });

    expect(chainVerifier().check({ ...rows[0]!, position: "0", hash: "" })).toMatchObject({ position: 0, problem: expect.stringMatching(/trigger switched off/) });
  });
});

describe("parseChainHeadLine", () => {
  const hash = "ab".repeat(32);
  it("reads the head from the log line, whatever the logger wrapped around it", () => {
    expect(parseChainHeadLine(`audit chain head: position 42 hash ${hash}`)).toEqual({ position: 42, hash });
    expect(parseChainHeadLine(`{"level":30,"msg":"audit chain head: position 7 hash ${hash}"}`)).toEqual({ position: 7, hash });
  });
  it("is null for anything else", () => {
    expect(parseChainHeadLine("audit chain head: position 42")).toBeNull();
    expect(parseChainHeadLine(`audit chain head: position x hash ${hash}`)).toBeNull();
    expect(parseChainHeadLine(`audit chain head: position 1 hash ${hash.toUpperCase()}`)).toBeNull();
  });
});
