"use client";

import { useTranslations } from "next-intl";
import { startAssessmentAction } from "@/lib/actions/assessments";
import { EditionField } from "./catalogue-forms";
import { ActionForm, Field, SubmitButton } from "./form";

interface Option {
  id: string;
  name: string;
}

/** Starts an assessment; the questionnaire is asked for only when there is more than one. */
export function StartAssessmentForm({ softwareId, editions, reviewers, templates }: { softwareId: string; editions: Option[]; reviewers: Option[]; templates: Option[] }) {
  const t = useTranslations("assessmentsClient.start");
  return (
    <ActionForm action={startAssessmentAction} className="grid items-start gap-3 sm:grid-cols-3" label={t("label")}>
      <input type="hidden" name="softwareId" value={softwareId} />
      <EditionField label={t("edition")} editions={editions} />
      <Field name="assigneeId" label={t("assignTo")}>
        {(p) => (
          <select {...p} className="input" defaultValue="">
            <option value="">{t("me")}</option>
            {reviewers.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        )}
      </Field>
      {templates.length > 1 && (
        <Field name="templateKey" label={t("questionnaire")}>
          {(p) => (
            <select {...p} className="input">
              {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <div className="pt-6"><SubmitButton>{t("submit")}</SubmitButton></div>
    </ActionForm>
  );
}
