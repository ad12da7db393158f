import { apiRead } from "@/lib/server/guard";
import { softwarePageJson } from "@/lib/services/software-json";
import { ListQuery } from "@/lib/validation/api";

export const GET = apiRead({
  action: "catalogue.read",
  scope: "catalogue:read",
  query: ListQuery,
  handle: ({ db, query }) => softwarePageJson(db, query),
});
