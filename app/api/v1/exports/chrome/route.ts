import { apiRead } from "@/lib/server/guard";
import { chromeExport } from "@/lib/services/enforcement-exports";
import { BlocklistExportQuery } from "@/lib/validation/exports";

/** Chrome/Edge ExtensionInstallBlocklist / ExtensionInstallAllowlist policy (README: Enforcement exports). */
export const GET = apiRead({
  action: "catalogue.read",
  scope: "check:read",
  query: BlocklistExportQuery,
  handle: ({ db, query }) => chromeExport(db, query.include),
});
