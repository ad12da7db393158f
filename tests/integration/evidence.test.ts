import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { createVendor } from "@/lib/mutations/catalogue";
import { addEvidence } from "@/lib/mutations/evidence";
import { getEvidenceFile, listEvidence } from "@/lib/queries/assessments";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let admin: SessionUser;
let vendorId: string;

const pdf = (name = "soc2.pdf", size?: number) => {
  const body = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF");
  const content = size ? new Uint8Array(size).map((_, i) => body[i] ?? 32) : body;
  return new File([content], name, { type: "application/pdf" });
};

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  admin = await makeUser(db, "admin");
  vendorId = (await runMutation(createVendor, reviewer, { name: unique("Evidenced") })).id;
});
afterAll(() => closeDb());

describe("evidence", () => {
  it("stores a file with its sniffed type, size and hash, and lists it without the bytes", async () => {
    const added = await runMutation(addEvidence, reviewer, { vendorId, title: "SOC 2 Type II", file: pdf("../../Soc2 report.PDF"), expiresOn: "2027-03-31" });
    expect(added).toMatchObject({ fileName: "Soc2 report.pdf", contentType: "application/pdf", expiresOn: "2027-03-31" });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    const listed = await listEvidence(db, { vendorId });
    expect(listed[0]).toMatchObject({ id: added.id, title: "SOC 2 Type II" });
    expect(listed[0]).not.toHaveProperty("content");
    const file = await getEvidenceFile(db, added.id);
    expect(new TextDecoder().decode(file!.content)).toContain("%PDF-1.7");
  });

  it("keeps links", async () => {
    const link = await runMutation(addEvidence, reviewer, { vendorId, title: "Trust centre", url: "https://trust.example.com/soc2" });
    expect(link).toMatchObject({ url: "https://trust.example.com/soc2", fileName: null });
    expect(await getEvidenceFile(db, link.id)).toBeUndefined();
  });

  it("refuses disguised, oversized, empty or ambiguous uploads, and other roles, storing nothing", async () => {
    const before = (await listEvidence(db, { vendorId })).length;
    const html = new File(["<!DOCTYPE html><script>alert(document.cookie)</script>"], "report.pdf", { type: "application/pdf" });
    const cases: Record<string, unknown>[] = [
      { vendorId, title: "Disguised", file: html },
      { vendorId, title: "Huge", file: pdf("big.pdf", 10 * 1024 * 1024 + 1) },
      { vendorId, title: "Empty", file: new File([new Uint8Array(0)], "empty.pdf") },
      { vendorId, title: "Both", file: pdf(), url: "https://example.com" },
      { vendorId, title: "Neither" },
      { vendorId, title: "Script link", url: "javascript:alert(1)" },
      { title: "No owner", url: "https://example.com" },
      { vendorId, title: "Bad date", url: "https://example.com", expiresOn: "2026-13-01" },
    ];
    for (const input of cases) {
      await expect(runMutation(addEvidence, reviewer, input), String(input.title)).rejects.toBeInstanceOf(ValidationFailed);
    }
    await expect(runMutation(addEvidence, admin, { vendorId, title: "Admin", url: "https://example.com" })).rejects.toBeInstanceOf(Forbidden);
    await expect(runMutation(addEvidence, reviewer, { vendorId: "00000000-0000-4000-8000-000000000000", title: "Ghost", url: "https://example.com" })).rejects.toBeInstanceOf(NotFound);
    expect((await listEvidence(db, { vendorId })).length).toBe(before);
  });
});

describe("expiring evidence in the review queue", () => {
  it("lists evidence that has expired or expires within 30 days, and not the rest", async () => {
    const { getReviewQueue } = await import("@/lib/queries/review-queue");
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const expiring = await runMutation(addEvidence, reviewer, { vendorId, title: "Expiring ISO certificate", url: "https://example.com/iso", expiresOn: soon });
    const later = await runMutation(addEvidence, reviewer, { vendorId, title: "Fresh report", url: "https://example.com/new", expiresOn: "2099-01-01" });
    const queue = await getReviewQueue(db, new Date().toISOString().slice(0, 10));
    const ids = queue.evidenceExpiring.map((e) => e.id);
    expect(ids).toContain(expiring.id);
    expect(ids).not.toContain(later.id);
  });
});
