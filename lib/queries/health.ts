import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "../db/client";
import { logUnexpected } from "../server/guard";

export async function databaseHealth(): Promise<{ status: "ok" | "error"; database: "postgres" | "embedded" | null }> {
  try {
    const { db, kind } = await getDbHandle();
    await db.execute(sql`SELECT 1`);
    return { status: "ok", database: kind };
  } catch (error) {
    logUnexpected(error);
    return { status: "error", database: null };
  }
}
