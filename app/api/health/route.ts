import { NextResponse } from "next/server";
import { ServiceUnavailable } from "@/lib/errors";
import { databaseHealth } from "@/lib/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await databaseHealth();
  if (health.status === "ok") return NextResponse.json(health, { headers: { "Cache-Control": "no-store" } });
  const retryAfter = String(new ServiceUnavailable().retryAfterSeconds);
  return NextResponse.json(health, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": retryAfter } });
}
