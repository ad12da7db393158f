"use server";

import { revalidatePath } from "next/cache";
import { t } from "../i18n/translate";
import { createApiToken, revokeApiToken } from "../mutations/api-tokens";
import { formAction } from "../server/guard";

const refresh = () => revalidatePath("/admin/tokens");

/** The secret travels once, beside this message, and is stored nowhere. */
export const createApiTokenAction = formAction(createApiToken, (token) => t("admin.tokens.created", { name: token.name }), refresh, { reveal: (token) => token.secret });
export const revokeApiTokenAction = formAction(revokeApiToken, (token) => t("admin.tokens.revoked", { name: token.name }), refresh, { flash: true });
