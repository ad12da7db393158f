import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { config } from "@/lib/config";

/** The OpenAPI 3.1 document of /api/v1 (README: API reference). Public: it describes the API and holds no data. */
export function GET() {
  return NextResponse.json(openApiDocument(`${config().baseUrl}`), { headers: { "Cache-Control": "public, max-age=300" } });
}
