import { NextResponse } from "next/server";
import { ServiceUnavailable } from "@/lib/errors";
import { databaseHealth } from "@/lib/queries/health";
import { apiRoute } from "@/lib/server/guard";

export const dynamic = "force-dynamic";

/** Public: whether this instance can reach its database (for load balancers and monitors). */
export const GET = apiRoute(async () => {
  const health = await databaseHealth();
  if (health.status === "ok") return NextResponse.json(health, { headers: { "Cache-Control": "no-store" } });
  const retryAfter = String(new ServiceUnavailable().retryAfterSeconds);
  return NextResponse.json(health, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": retryAfter } });
});
