import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { chromeExport } from "@/lib/services/enforcement-exports";

/** Chrome/Edge ExtensionInstallBlocklist / ExtensionInstallAllowlist policy (README: Enforcement exports). */
export const GET = apiRead(API.chrome, ({ db, query }) => chromeExport(db, query.include));
