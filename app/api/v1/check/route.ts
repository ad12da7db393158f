import { config } from "@/lib/config";
import { apiRead } from "@/lib/server/guard";
import { checkSoftware } from "@/lib/services/verdicts";
import { CheckQuery } from "@/lib/validation/api";
import { now } from "@/lib/clock";

export const GET = apiRead({
  action: "catalogue.read",
  query: CheckQuery,
  // The asker's own exception grants count: the same answer as their software page.
  handle: ({ db, query, actor }) => checkSoftware(db, query, config().baseUrl, now(), actor.id),
});
