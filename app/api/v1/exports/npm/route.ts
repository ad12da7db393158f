import { apiRead } from "@/lib/server/guard";
import { packagesExport } from "@/lib/services/enforcement-exports";
import { PackageExportQuery } from "@/lib/validation/exports";

/** npm deny-list for CI (README: Enforcement exports). */
export const GET = apiRead({
  action: "catalogue.read",
  scope: "check:read",
  query: PackageExportQuery,
  handle: ({ db }) => packagesExport(db, "npm"),
});
