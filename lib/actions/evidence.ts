"use server";

import { revalidatePath } from "next/cache";
import { addEvidence } from "../mutations/evidence";
import { formAction } from "../server/guard";

export const addEvidenceAction = formAction(addEvidence, (e) => `Added ${e.fileName ?? e.title}.`, () => revalidatePath("/", "layout"));
