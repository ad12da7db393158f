import { config } from "@/lib/config";
import { apiRead } from "@/lib/server/guard";
import { checkSoftware } from "@/lib/services/verdicts";
import { CheckQuery } from "@/lib/validation/api";
import { now } from "@/lib/clock";

export const GET = apiRead({
  action: "catalogue.read",
  query: CheckQuery,
  handle: ({ db, query }) => checkSoftware(db, query, config().baseUrl, now()),
});
