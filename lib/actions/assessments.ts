"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "../mutations/assessments";
import { t } from "../i18n/translate";
import { formAction } from "../server/guard";

const refresh = () => revalidatePath("/", "layout");

export const startAssessmentAction = formAction(startAssessment, () => t("assessments.done.started"), (a) => redirect(`/manage/assessments/${a.id}`), { flash: true });
export const saveAssessmentDraftAction = formAction(saveAssessmentDraft, () => t("assessments.done.saved"), refresh);
export const submitAssessmentAction = formAction(submitAssessment, () => t("assessments.done.submitted"), refresh, { flash: true });
export const completeAssessmentAction = formAction(completeAssessment, (a) => t("assessments.done.completed", { tier: a.inherentTier ?? "" }), refresh, { flash: true });
