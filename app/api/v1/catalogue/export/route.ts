import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { catalogueExportResponse } from "@/lib/services/catalogue-transfer";

/** The whole filtered catalogue with its decisions in effect, as CSV or JSON (README, "Import and export"). */
export const GET = apiRead(API.catalogueExport, ({ db, query }) => catalogueExportResponse(db, query));
