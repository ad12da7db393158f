import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { packagesExport } from "@/lib/services/enforcement-exports";

/** npm deny-list for CI (README: Enforcement exports). */
export const GET = apiRead(API.npm, ({ db }) => packagesExport(db, "npm"));
