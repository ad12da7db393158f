import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { softwareDetailJson } from "@/lib/services/software-json";

export const GET = apiRead(API.getSoftware, ({ db, params }) => softwareDetailJson(db, params.slug));
