import { z } from "zod";
import { DATA_CLASSES, KINDS, STATUSES } from "../domain/vocabulary";
import { line, optional } from "./fields";

/** Query-string schemas for /api/v1 (and the catalogue page, which takes the same filters). */

const searchText = (label: string) => line(label, 200);

export const CheckQuery = z.object({
  q: searchText("q").refine((v) => v.length > 0, "q is required: a software name or identifier"),
  dataClass: optional(z.enum(DATA_CLASSES, { message: `dataClass must be one of ${DATA_CLASSES.join(", ")}` })),
  edition: optional(line("edition", 80)),
});

export const ListQuery = z.object({
  q: optional(searchText("q")),
  status: optional(z.enum([...STATUSES, "unclassified"], { message: `status must be one of ${STATUSES.join(", ")}, unclassified` })),
  kind: optional(z.enum(KINDS, { message: `kind must be one of ${KINDS.join(", ")}` })),
  category: optional(line("category", 60)),
  vendor: optional(line("vendor", 120)),
  page: z.coerce.number({ message: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(100_000, "page is too large").default(1),
  pageSize: z.coerce.number({ message: "pageSize must be a number" }).int().min(1).max(100, "pageSize must be at most 100").default(25),
});
export type ListQuery = z.infer<typeof ListQuery>;
