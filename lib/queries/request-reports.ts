import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { RequestStatus } from "../domain/requests";
import { listActiveGrants } from "./requests";

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Age buckets of open requests, in days since they were asked. */
export const AGE_BUCKETS = ["0–2 days", "3–7 days", "8–30 days", "over 30 days"] as const;

export interface DecisionTimes {
  step: "manager" | "security" | "overall";
  decided: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/**
 * What security and management ask of the request flow: open requests by step and age, how long
 * decisions take (median and 90th percentile over the last 90 days), the most requested tools
 * that are not approved, and exceptions ending in the next 30 days.
 */
export async function getRequestReports(db: Db, now: Date) {
  const [open, times, demand, expiring] = await Promise.all([
    db.execute(sql`
      SELECT status, CASE
          WHEN ${now}::timestamptz - created_at < interval '3 days' THEN 0
          WHEN ${now}::timestamptz - created_at < interval '8 days' THEN 1
          WHEN ${now}::timestamptz - created_at < interval '31 days' THEN 2
          ELSE 3 END AS bucket,
        count(*)::int AS n
      FROM requests
      WHERE status IN ('awaiting_manager', 'awaiting_security', 'awaiting_confirmation')
      GROUP BY 1, 2`),
    // Each step's duration: from the event that opened it to the event that closed it.
    db.execute(sql`
      WITH steps AS (
        SELECT r.id,
          (SELECT min(created_at) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'submitted') AS asked,
          (SELECT min(created_at) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'manager_approved') AS manager_done,
          r.decided_at, r.skipped_manager, r.status
        FROM requests r
        WHERE r.created_at > ${now}::timestamptz - interval '90 days'
      ), durations AS (
        SELECT 'manager' AS step, extract(epoch FROM manager_done - asked) / 3600 AS hours FROM steps WHERE manager_done IS NOT NULL
        UNION ALL
        SELECT 'security', extract(epoch FROM decided_at - coalesce(manager_done, asked)) / 3600 FROM steps
          WHERE decided_at IS NOT NULL AND status IN ('approved', 'rejected') AND (manager_done IS NOT NULL OR skipped_manager)
        UNION ALL
        SELECT 'overall', extract(epoch FROM decided_at - asked) / 3600 FROM steps WHERE decided_at IS NOT NULL AND status IN ('approved', 'rejected')
      )
      SELECT step, count(*)::int AS decided,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS "medianHours",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS "p90Hours"
      FROM durations GROUP BY step`),
    // People asking = requesters plus those who joined, over the last 180 days.
    db.execute(sql`
      SELECT coalesce(s.name, r.proposed_name) AS name, s.slug, s.status,
        count(DISTINCT r.id)::int AS requests,
        (count(DISTINCT r.id) + count(rs.user_id))::int AS people
      FROM requests r
      LEFT JOIN software s ON s.id = r.software_id
      LEFT JOIN request_supporters rs ON rs.request_id = r.id
      WHERE r.created_at > ${now}::timestamptz - interval '180 days'
        AND (s.id IS NULL OR s.status IS DISTINCT FROM 'approved')
      GROUP BY 1, 2, 3
      ORDER BY people DESC, requests DESC, name
      LIMIT 10`),
    listActiveGrants(db, now, { withinDays: 30 }),
  ]);
  const openRows = rows<{ status: RequestStatus; bucket: number; n: number }>(open);
  const timeRows = rows<{ step: DecisionTimes["step"]; decided: number; medianHours: number | null; p90Hours: number | null }>(times);
  return {
    openByStepAndAge: (["awaiting_manager", "awaiting_security", "awaiting_confirmation"] as const).map((status) => ({
      status,
      counts: AGE_BUCKETS.map((_, bucket) => openRows.find((r) => r.status === status && r.bucket === bucket)?.n ?? 0),
    })),
    decisionTimes: (["manager", "security", "overall"] as const).map(
      (step): DecisionTimes => {
        const row = timeRows.find((r) => r.step === step);
        return { step, decided: row?.decided ?? 0, medianHours: row?.medianHours === null || row?.medianHours === undefined ? null : Number(row.medianHours), p90Hours: row?.p90Hours === null || row?.p90Hours === undefined ? null : Number(row.p90Hours) };
      },
    ),
    mostRequested: rows<{ name: string; slug: string | null; status: string | null; requests: number; people: number }>(demand),
    expiringSoon: expiring,
  };
}
