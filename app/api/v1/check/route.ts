import { config } from "@/lib/config";
import { apiRead } from "@/lib/server/guard";
import { checkSoftware } from "@/lib/services/verdicts";
import { CheckQuery } from "@/lib/validation/api";
import { now } from "@/lib/clock";

export const GET = apiRead({
  action: "catalogue.read",
  scope: "check:read",
  query: CheckQuery,
  // A person's own exception grants count (the same answer as their software page); a token has none.
  handle: ({ db, query, user }) => checkSoftware(db, query, config().baseUrl, now(), user?.id),
});
