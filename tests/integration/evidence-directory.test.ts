import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { evidence } from "@/lib/db/schema";
import { createVendor } from "@/lib/mutations/catalogue";
import { addEvidence } from "@/lib/mutations/evidence";
import { getEvidenceFile } from "@/lib/queries/assessments";
import { runMutation } from "@/lib/server/guard";
import { prepareEvidenceDir } from "@/lib/storage/evidence-files";
import { makeUser, unique } from "../support/fixtures";

// This file runs in its own process: configure directory storage before anything reads the config.
const dir = mkdtempSync(path.join(tmpdir(), "vetted-evidence-"));
process.env.EVIDENCE_DIR = dir;

let db: Db;
let reviewer: SessionUser;
let vendorId: string;

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  vendorId = (await runMutation(createVendor, reviewer, { name: unique("Directory vendor") })).id;
});
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe("evidence in a configured directory", () => {
  const text = `Penetration test summary ${Date.now()}\nNo critical findings.\n`;

  it("keeps the bytes in the directory under their SHA-256, not in the database, and serves them back", async () => {
    const added = await runMutation(addEvidence, reviewer, { vendorId, title: "Pen test", file: new File([text], "pentest.txt") });
    const file = path.join(dir, added.sha256!.slice(0, 2), added.sha256!);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const [row] = await db.select({ storage: evidence.storage, content: evidence.content }).from(evidence).where(eq(evidence.id, added.id));
    expect(row).toEqual({ storage: "directory", content: null });
    const served = await getEvidenceFile(db, added.id);
    expect(new TextDecoder().decode(served!.content)).toBe(text);
    expect(served!.contentType).toBe("text/plain");
  });

  it("refuses to serve a file that was changed on disk", async () => {
    const added = await runMutation(addEvidence, reviewer, { vendorId, title: "Tampered", file: new File([`${text} tampered`], "t.txt") });
    const file = path.join(dir, added.sha256!.slice(0, 2), added.sha256!);
    writeFileSync(file, "something else");
    await expect(getEvidenceFile(db, added.id)).rejects.toThrow(/does not match its hash/);
  });

  it("writes nothing for a refused upload", async () => {
    const html = new File(["<!DOCTYPE html><script>alert(1)</script>"], "report.pdf");
    await expect(runMutation(addEvidence, reviewer, { vendorId, title: "Disguised", file: html })).rejects.toThrow();
    const sha = createHash("sha256").update("<!DOCTYPE html><script>alert(1)</script>").digest("hex");
    expect(existsSync(path.join(dir, sha.slice(0, 2), sha))).toBe(false);
  });
});

describe("the evidence directory's permissions", () => {
  it("is made owner-only at start, also when it was made open before", async () => {
    const old = mkdtempSync(path.join(tmpdir(), "vetted-evidence-old-"));
    try {
      mkdirSync(path.join(old, "ab"), { mode: 0o755 });
      writeFileSync(path.join(old, "ab", "file"), "evidence", { mode: 0o644 });
      chmodSync(old, 0o755);
      chmodSync(path.join(old, "ab"), 0o755);
      chmodSync(path.join(old, "ab", "file"), 0o644);
      await prepareEvidenceDir(old);
      expect([old, path.join(old, "ab"), path.join(old, "ab", "file")].map((p) => (statSync(p).mode & 0o777).toString(8))).toEqual(["700", "700", "600"]);
      const fresh = path.join(old, "new", "evidence");
      await prepareEvidenceDir(fresh);
      expect((statSync(fresh).mode & 0o777).toString(8)).toBe("700");
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});
