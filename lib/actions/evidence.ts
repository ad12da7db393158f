"use server";

import { revalidatePath } from "next/cache";
import { addEvidence } from "../mutations/evidence";
import { t } from "../i18n/translate";
import { formAction } from "../server/guard";

export const addEvidenceAction = formAction(addEvidence, (e) => t("evidence.done.added", { name: e.fileName ?? e.title }), () => revalidatePath("/", "layout"));
