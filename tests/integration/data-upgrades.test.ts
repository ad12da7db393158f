import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { applyDataUpgrades } from "@/lib/db/data-upgrades";
import { dataUpgrades, software } from "@/lib/db/schema";
import { addEdition, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { runMutation } from "@/lib/server/guard";
import { auditFor, makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
});

afterAll(async () => {
  await closeDb();
});

async function statusOf(id: string) {
  const [row] = await db.select({ status: software.status }).from(software).where(eq(software.id, id));
  return row!.status;
}

describe("one-off data upgrades at start", () => {
  it("have all been claimed when the database was opened", async () => {
    const names = (await db.select({ name: dataUpgrades.name }).from(dataUpgrades)).map((r) => r.name);
    expect(names).toContain("0018-headline-lead-status");
  });

  it("recompute a status stored by the old strictest-edition rule, audit it, and run only once", async () => {
    const tool = await runMutation(createSoftware, reviewer, { name: unique("Chat Suite"), kind: "saas", category: "Chat", description: "Two editions" });
    const enterprise = await runMutation(addEdition, reviewer, { softwareId: tool.id, name: "Enterprise" });
    const free = await runMutation(addEdition, reviewer, { softwareId: tool.id, name: "Free" });
    await runMutation(recordClassification, reviewer, { softwareId: tool.id, editionId: enterprise.id, status: "approved", maxDataClass: "confidential", rationale: "Company contract." });
    await runMutation(recordClassification, reviewer, { softwareId: tool.id, editionId: free.id, status: "prohibited", rationale: "Personal accounts." });
    expect(await statusOf(tool.id)).toBe("approved");

    // A database written before the rule changed: the strictest edition's status, and the upgrade not yet applied.
    await db.execute(sql`UPDATE software SET status = 'prohibited' WHERE id = ${tool.id}`);
    await db.delete(dataUpgrades).where(eq(dataUpgrades.name, "0018-headline-lead-status"));

    await applyDataUpgrades(db);
    expect(await statusOf(tool.id)).toBe("approved");
    const recomputed = (await auditFor(db, tool.id)).filter((e) => e.action === "software.status_recomputed");
    expect(recomputed).toHaveLength(1);
    expect(recomputed[0]).toMatchObject({ actorId: null, before: { status: "prohibited" }, after: { status: "approved" } });

    // Claimed: a second start changes nothing, even where the stored value is off.
    await db.execute(sql`UPDATE software SET status = 'prohibited' WHERE id = ${tool.id}`);
    await applyDataUpgrades(db);
    expect(await statusOf(tool.id)).toBe("prohibited");
    expect((await auditFor(db, tool.id)).filter((e) => e.action === "software.status_recomputed")).toHaveLength(1);
    await db.execute(sql`UPDATE software SET status = 'approved' WHERE id = ${tool.id}`);
  });

  it("claim each upgrade once when two instances start at the same moment", async () => {
    await db.delete(dataUpgrades).where(eq(dataUpgrades.name, "0018-headline-lead-status"));
    await Promise.all([applyDataUpgrades(db), applyDataUpgrades(db), applyDataUpgrades(db)]);
    const rows = await db.select().from(dataUpgrades).where(eq(dataUpgrades.name, "0018-headline-lead-status"));
    expect(rows).toHaveLength(1);
  });
});
