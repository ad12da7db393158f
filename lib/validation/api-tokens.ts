import { z } from "zod";
import { scopeCombinationProblem, TOKEN_SCOPES } from "../domain/api-tokens";
import { isoDate, requiredLine, uuid } from "./fields";

export const CreateTokenInput = z.object({
  name: requiredLine("Name", 100),
  // No box ticked: the form sends no field at all.
  scopes: z.preprocess(
    (v) => v ?? [],
    z
      .array(z.enum(TOKEN_SCOPES, { message: `Each scope must be one of: ${TOKEN_SCOPES.join(", ")}.` }))
      .min(1, "Choose at least one scope")
      .superRefine((scopes, ctx) => {
        const problem = scopeCombinationProblem(scopes);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  expiresOn: isoDate("Expiry"),
});

export const RevokeTokenInput = z.object({ id: uuid("Token") });
