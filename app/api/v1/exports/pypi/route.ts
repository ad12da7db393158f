import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { packagesExport } from "@/lib/services/enforcement-exports";

/** PyPI deny-list for CI (README: Enforcement exports). */
export const GET = apiRead(API.pypi, ({ db }) => packagesExport(db, "pypi"));
