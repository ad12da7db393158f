import "server-only";
import { eq } from "drizzle-orm";
import { decisionsInEffect, headlineStatus } from "../domain/verdict";
import type { Tx } from "./client";
import { classifications, editions, software } from "./schema";

/** Recomputes the denormalised headline status from the classification history; returns it. */
export async function refreshStatus(tx: Tx, softwareId: string, now: Date) {
  const [row] = await tx.select({ name: software.name }).from(software).where(eq(software.id, softwareId));
  const eds = await tx.select({ id: editions.id, name: editions.name }).from(editions).where(eq(editions.softwareId, softwareId));
  const history = await tx.select().from(classifications).where(eq(classifications.softwareId, softwareId));
  const status = headlineStatus({ name: row?.name ?? "", editions: eds }, decisionsInEffect(history), now);
  await tx.update(software).set({ status }).where(eq(software.id, softwareId));
  return status;
}
