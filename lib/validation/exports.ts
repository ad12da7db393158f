import { z } from "zod";
import { t, tr } from "../i18n/translate";

/** Query-string schemas of the enforcement exports (/api/v1/exports/…). */

/** `include=restricted,approved`: a comma-separated list drawn from `allowed`. */
function includeList<const T extends readonly [string, ...string[]]>(allowed: T) {
  const values = allowed.join(", ");
  return z
    .string(tr("api.query.include", { values }))
    .max(100, tr("api.query.include", { values }))
    .optional()
    .transform((v, ctx) => {
      const items = (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const bad = items.filter((item) => !(allowed as readonly string[]).includes(item));
      if (bad.length > 0) {
        ctx.addIssue({ code: "custom", message: t("api.query.includeNot", { values, bad: bad.map((b) => `"${b.slice(0, 30)}"`).join(", ") }) });
        return z.NEVER;
      }
      return new Set(items as T[number][]);
    });
}

/** Santa: restricted software blocked too, approved software allowlisted, each only when asked. */
export const SantaExportQuery = z.object({
  include: includeList(["restricted", "approved"] as const).describe("Also block restricted software (restricted), and allowlist approved software (approved): a comma-separated list"),
});

/** Chrome/Edge policy and the domain blocklist: restricted software blocked too, when asked. */
export const BlocklistExportQuery = z.object({ include: includeList(["restricted"] as const).describe("restricted: block restricted software too") });

/** Package deny-lists take no parameters: prohibited and restricted are always listed, marked. */
export const PackageExportQuery = z.object({});
