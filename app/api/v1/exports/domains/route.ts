import { NextResponse, type NextRequest } from "next/server";
import { API } from "@/lib/api/endpoints";
import { getDb } from "@/lib/db/client";
import { authoriseApi, errorResponse } from "@/lib/server/guard";
import { parseInput } from "@/lib/server/validation";
import { domainsExport } from "@/lib/services/enforcement-exports";

/**
 * Domain blocklist for web proxies, as plain text (README: Enforcement exports). The same steps
 * as apiRead (session or a token with check:read), which only answers JSON; errors are still JSON.
 */
export async function GET(request: NextRequest) {
  try {
    const db = await getDb();
    await authoriseApi(request, db, API.domains.access);
    const query = parseInput(API.domains.query, Object.fromEntries(request.nextUrl.searchParams));
    const text = await domainsExport(db, query.include);
    return new NextResponse(text, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
