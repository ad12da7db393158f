import { findOpenNewSoftwareRequests } from "@/lib/queries/requests";
import { searchSoftware } from "@/lib/queries/software";
import { apiRead } from "@/lib/server/guard";
import { SuggestionsQuery } from "@/lib/validation/requests";

/** While someone names a new tool: catalogue entries and open requests that look like it. */
export const GET = apiRead({ access: { action: "request.create", scope: "requests:write" }, query: SuggestionsQuery }, async ({ db, query }) => {
  const [software, requests] = await Promise.all([searchSoftware(db, query.q, 5), findOpenNewSoftwareRequests(db, query.q)]);
  return { software: software.map((s) => ({ slug: s.slug, name: s.name, status: s.status })), requests };
});
