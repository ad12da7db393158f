import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
/** A filter field that is absent, empty or not understood is simply not applied. */
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, schema.optional()).catch(undefined);

/** The audit view's filters, from its query string: action key, actor, entity type and a date range (UTC days, inclusive). */
export const AuditFilterQuery = z.object({
  action: lenient(z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(60)),
  actor: lenient(z.uuid()),
  entity: lenient(z.string().regex(/^[a-z_]+$/).max(40)),
  from: lenient(day),
  to: lenient(day),
});
export type AuditFilter = z.output<typeof AuditFilterQuery>;
