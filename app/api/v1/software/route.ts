import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { softwarePageJson } from "@/lib/services/software-json";

export const GET = apiRead(API.listSoftware, ({ db, query }) => softwarePageJson(db, query));
