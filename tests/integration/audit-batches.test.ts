import { eq, count } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { writeAudit } from "@/lib/db/audit";
import { closeDb, getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { unique } from "../support/fixtures";

afterAll(() => closeDb());

it("writes more audit events in one transaction than one INSERT could carry (65,535 parameters)", async () => {
  const db = await getDb();
  const action = unique("bench.event");
  // 8,000 rows × 9 columns is 72,000 parameters: one INSERT would be refused.
  const entries = Array.from({ length: 8_000 }, (_, i) => ({ action, entityType: "test", entityId: String(i) }));
  await db.transaction((tx) => writeAudit(tx, null, entries));
  const [row] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action));
  expect(row!.n).toBe(8_000);
});
