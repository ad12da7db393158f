import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "../db/client";
import { isDatabaseUnavailable } from "../db/unavailable";
import { describeError, logger } from "../log";

export type DatabaseHealth = { status: "ok"; database: "postgres" | "embedded" } | { status: "error"; database: "unavailable" };

/** One `SELECT 1` through the pool, bounded by its acquire timeout; an outage is expected, anything else is logged. */
export async function databaseHealth(): Promise<DatabaseHealth> {
  try {
    const { db, kind } = await getDbHandle();
    await db.execute(sql`SELECT 1`);
    return { status: "ok", database: kind };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logger().error({ error: describeError(error) }, "database health check failed");
    return { status: "error", database: "unavailable" };
  }
}
