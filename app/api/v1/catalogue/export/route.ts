import { apiRead } from "@/lib/server/guard";
import { catalogueExportResponse } from "@/lib/services/catalogue-transfer";
import { ExportQuery } from "@/lib/validation/catalogue-transfer";

/** The whole filtered catalogue with its decisions in effect, as CSV or JSON (README, "Import and export"). */
export const GET = apiRead({
  action: "catalogue.read",
  scope: "catalogue:read",
  query: ExportQuery,
  handle: ({ db, query }) => catalogueExportResponse(db, query),
});
