"use client";

import { startAssessmentAction } from "@/lib/actions/assessments";
import { EditionField } from "./catalogue-forms";
import { ActionForm, Field, SubmitButton } from "./form";

interface Option {
  id: string;
  name: string;
}

export function StartAssessmentForm({ softwareId, editions, reviewers }: { softwareId: string; editions: Option[]; reviewers: Option[] }) {
  return (
    <ActionForm action={startAssessmentAction} className="grid items-start gap-3 sm:grid-cols-3" label="Start an assessment">
      <input type="hidden" name="softwareId" value={softwareId} />
      <EditionField label="Edition" editions={editions} />
      <Field name="assigneeId" label="Assign to">
        {(p) => (
          <select {...p} className="input" defaultValue="">
            <option value="">Me</option>
            {reviewers.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        )}
      </Field>
      <div className="pt-6"><SubmitButton>Start assessment</SubmitButton></div>
    </ActionForm>
  );
}
