import { apiRead } from "@/lib/server/guard";
import { santaExport } from "@/lib/services/enforcement-exports";
import { SantaExportQuery } from "@/lib/validation/exports";

/** Santa sync rules (README: Enforcement exports). */
export const GET = apiRead({
  action: "catalogue.read",
  scope: "check:read",
  query: SantaExportQuery,
  handle: ({ db, query }) => santaExport(db, query.include),
});
