import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { santaExport } from "@/lib/services/enforcement-exports";

/** Santa sync rules (README: Enforcement exports). */
export const GET = apiRead(API.santa, ({ db, query }) => santaExport(db, query.include));
