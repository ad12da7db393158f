import "server-only";
import { now as clockNow } from "../clock";
import type { Db } from "../db/client";
import { catalogueCsv } from "../domain/catalogue-transfer";
import { exportCatalogue } from "../queries/catalogue-transfer";
import type { ExportQuery } from "../validation/catalogue-transfer";

/** GET /api/v1/catalogue/export: the filtered catalogue as a file to download, CSV or JSON. */
export async function catalogueExportResponse(db: Db, query: ExportQuery): Promise<Response> {
  const { format, ...filters } = query;
  const at = clockNow();
  const document = await exportCatalogue(db, filters, at);
  const filename = `vetted-catalogue-${at.toISOString().slice(0, 10)}.${format}`;
  const body = format === "csv" ? catalogueCsv(document) : `${JSON.stringify(document, null, 2)}\n`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
