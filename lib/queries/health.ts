import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "../db/client";
import { describeError, logger } from "../log";

export async function databaseHealth(): Promise<{ status: "ok" | "error"; database: "postgres" | "embedded" | null }> {
  try {
    const { db, kind } = await getDbHandle();
    await db.execute(sql`SELECT 1`);
    return { status: "ok", database: kind };
  } catch (error) {
    logger().error({ error: describeError(error) }, "database health check failed");
    return { status: "error", database: null };
  }
}
