import { NextResponse } from "next/server";
import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { domainsExport } from "@/lib/services/enforcement-exports";

/** Domain blocklist for web proxies, as plain text (README: Enforcement exports); errors are still JSON. */
export const GET = apiRead(API.domains, async ({ db, query }) => {
  const text = await domainsExport(db, query.include);
  return new NextResponse(text, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
});
