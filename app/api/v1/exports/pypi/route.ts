import { apiRead } from "@/lib/server/guard";
import { packagesExport } from "@/lib/services/enforcement-exports";
import { PackageExportQuery } from "@/lib/validation/exports";

/** PyPI deny-list for CI, same shape as the npm one (README: Enforcement exports). */
export const GET = apiRead({
  action: "catalogue.read",
  scope: "check:read",
  query: PackageExportQuery,
  handle: ({ db }) => packagesExport(db, "pypi"),
});
