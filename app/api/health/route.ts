import { NextResponse } from "next/server";
import { databaseHealth } from "@/lib/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await databaseHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
