import { API } from "@/lib/api/endpoints";
import { apiRead } from "@/lib/server/guard";
import { softwarePageJson } from "@/lib/services/software-json";

// A person's own grants are shown beside the entries they cover; a token has none.
export const GET = apiRead(API.listSoftware, ({ db, query, user }) => softwarePageJson(db, query, user?.id));
