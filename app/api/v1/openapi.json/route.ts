import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { config } from "@/lib/config";
import { apiRoute } from "@/lib/server/guard";

/** The OpenAPI 3.1 document of /api/v1 (README: API reference). Public: it describes the API and holds no data. */
export const GET = apiRoute(() => NextResponse.json(openApiDocument(`${config().baseUrl}`), { headers: { "Cache-Control": "public, max-age=300" } }));
