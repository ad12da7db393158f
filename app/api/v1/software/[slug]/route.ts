import { z } from "zod";
import { apiRead } from "@/lib/server/guard";
import { softwareDetailJson } from "@/lib/services/software-json";

export const GET = apiRead({
  action: "catalogue.read",
  scope: "catalogue:read",
  query: z.object({}),
  handle: ({ db, params }) => softwareDetailJson(db, params.slug ?? ""),
});
