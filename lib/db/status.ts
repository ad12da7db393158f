import "server-only";
import { asc, eq } from "drizzle-orm";
import { computeHeadline, headlineLeadStatus } from "../domain/headline";
import { decisionsInEffect } from "../domain/verdict";
import type { Tx } from "./client";
import { classifications, editions, software } from "./schema";

/**
 * Recomputes the denormalised headline status from the classification history; returns it.
 * When editions differ it is the status of the edition the headline leads with (the company's).
 */
export async function refreshStatus(tx: Tx, softwareId: string, now: Date) {
  const eds = await tx.select({ id: editions.id, name: editions.name }).from(editions).where(eq(editions.softwareId, softwareId)).orderBy(asc(editions.createdAt), asc(editions.name));
  const history = await tx.select().from(classifications).where(eq(classifications.softwareId, softwareId));
  const status = headlineLeadStatus(computeHeadline(eds, decisionsInEffect(history), now));
  await tx.update(software).set({ status }).where(eq(software.id, softwareId));
  return status;
}
