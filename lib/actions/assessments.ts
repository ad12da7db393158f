"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "../mutations/assessments";
import { formAction } from "../server/guard";

const refresh = () => revalidatePath("/", "layout");

export const startAssessmentAction = formAction(startAssessment, () => "Assessment started.", (a) => redirect(`/manage/assessments/${a.id}`), { flash: true });
export const saveAssessmentDraftAction = formAction(saveAssessmentDraft, () => "Draft saved.", refresh);
export const submitAssessmentAction = formAction(submitAssessment, () => "Submitted for review.", refresh, { flash: true });
export const completeAssessmentAction = formAction(completeAssessment, (a) => `Completed: ${a.inherentTier} inherent risk.`, refresh, { flash: true });
