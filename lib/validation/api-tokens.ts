import { z } from "zod";
import { scopeCombinationProblem, TOKEN_SCOPES } from "../domain/api-tokens";
import { t } from "../i18n/translate";
import { isoDate, requiredLine, uuid } from "./fields";

export const CreateTokenInput = z.object({
  name: requiredLine("admin.tokens.fields.name", 100),
  // No box ticked: the form sends no field at all.
  scopes: z.preprocess(
    (v) => v ?? [],
    z
      .array(z.enum(TOKEN_SCOPES, { error: () => t("admin.tokens.validation.scopeUnknown", { scopes: TOKEN_SCOPES.join(", ") }) }))
      .min(1, { error: () => t("admin.tokens.validation.scopeRequired") })
      .superRefine((scopes, ctx) => {
        const sole = scopeCombinationProblem(scopes);
        if (sole) ctx.addIssue({ code: "custom", message: t("admin.tokens.validation.scopeAlone", { scope: sole }) });
      }),
  ),
  expiresOn: isoDate("admin.tokens.fields.expiry"),
});

export const RevokeTokenInput = z.object({ id: uuid("admin.tokens.fields.token") });
