"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "../mutations/api-tokens";
import { formAction } from "../server/guard";

const refresh = () => revalidatePath("/admin/tokens");

/** The secret travels once, beside this message, and is stored nowhere. */
export const createApiTokenAction = formAction(createApiToken, (t) => `Token "${t.name}" created. Copy it now; it is not shown again.`, refresh, { reveal: (t) => t.secret });
export const revokeApiTokenAction = formAction(revokeApiToken, (t) => `Token "${t.name}" revoked.`, refresh, { flash: true });
