import { NextResponse } from "next/server";
import { databaseHealth } from "@/lib/queries/health";
import { apiRoute } from "@/lib/server/guard";

export const dynamic = "force-dynamic";

/** Public: whether this instance can reach its database (for load balancers and monitors). */
export const GET = apiRoute(async () => {
  const health = await databaseHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
