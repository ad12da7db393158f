"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { completeAssessmentAction, saveAssessmentDraftAction, submitAssessmentAction } from "@/lib/actions/assessments";
import { scoreAssessment, type AnswerValue, type Answers, type AssessmentStatus, type Question, type QuestionnaireTemplate } from "@/lib/domain/assessment";
import { ActionForm, SubmitButton, useFormOutcome } from "./form";
import { RiskBreakdown } from "./risk-breakdown";

interface Props {
  assessment: { id: string; version: number; status: AssessmentStatus; answers: Answers; mitigations: string[]; previousAnswers: Answers | null };
  template: QuestionnaireTemplate;
  aiTool: boolean;
}

/**
 * The questionnaire: answers grouped by section, the live breakdown beside them (the scoring
 * core is pure, so it runs here as it does on the server), and the lifecycle buttons.
 */
export function AssessmentForm({ assessment, template, aiTool }: Props) {
  const editable = assessment.status === "draft" || assessment.status === "in_review";
  const [answers, setAnswers] = useState<Answers>(assessment.answers);
  const [mitigations, setMitigations] = useState<string[]>(assessment.mitigations);
  const dirty = canonical(answers) !== canonical(assessment.answers) || canonical([...mitigations].sort()) !== canonical([...assessment.mitigations].sort());
  const result = useMemo(() => scoreAssessment(template, answers, mitigations), [template, answers, mitigations]);
  const questions = template.questions.filter((q) => aiTool || !q.aiOnly);
  const sections = [...new Set(questions.map((q) => q.section))];
  const set = (id: string, value: AnswerValue) => setAnswers((current) => ({ ...current, [id]: value }));
  const t = useTranslations("assessmentsClient.form");

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_28rem]">
      <ActionForm action={saveAssessmentDraftAction} className="space-y-6" label={t("label")}>
        <input type="hidden" name="id" value={assessment.id} />
        <input type="hidden" name="version" value={assessment.version} />
        <input type="hidden" name="answers" value={JSON.stringify(answers)} />
        {mitigations.map((m) => <input key={m} type="hidden" name="mitigations[]" value={m} />)}
        {sections.map((section) => (
          <section key={section} className="card space-y-4" aria-labelledby={`s-${section}`}>
            <h2 id={`s-${section}`} className="text-lg font-semibold">{section}</h2>
            {questions.filter((q) => q.section === section).map((q) => (
              <QuestionField key={q.id} question={q} value={answers[q.id] ?? null} previous={assessment.previousAnswers?.[q.id]} disabled={!editable} onChange={(v) => set(q.id, v)} />
            ))}
          </section>
        ))}
        <fieldset className="card space-y-2" disabled={!editable}>
          <legend className="px-1 text-lg font-semibold">{t("conditions")}</legend>
          {template.mitigations.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={mitigations.includes(m.id)} onChange={(e) => setMitigations((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))} />
              {m.label}
            </label>
          ))}
        </fieldset>
        {editable && <SubmitButton>{t("saveDraft")}</SubmitButton>}
        {editable && <AutoSave changes={canonical(answers) + canonical(mitigations)} dirty={dirty} />}
        {dirty && editable && <p className="text-sm text-amber-800">{t("unsaved")}</p>}
      </ActionForm>

      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start" aria-label={t("risk")}>
        <div className="card">
          <h2 className="mb-3 text-lg font-semibold">{t("riskHeading")}</h2>
          <RiskBreakdown result={result} />
        </div>
        {assessment.status === "draft" && (
          <Transition action={submitAssessmentAction} assessment={assessment} label={t("submit")} blocked={dirty} />
        )}
        {assessment.status === "in_review" && (
          <Transition action={completeAssessmentAction} assessment={assessment} label={t("complete")} blocked={dirty} />
        )}
      </aside>
    </div>
  );
}

/** Saves the draft once the reviewer pauses: submits the enclosing form a moment after the last change. */
function AutoSave({ changes, dirty }: { changes: string; dirty: boolean }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => marker.current?.closest("form")?.requestSubmit(), 2500);
    return () => clearTimeout(timer);
  }, [changes, dirty]);
  return <span ref={marker} hidden />;
}

/** JSON with object keys sorted: jsonb returns keys in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function Transition({ action, assessment, label, blocked }: { action: typeof submitAssessmentAction; assessment: Props["assessment"]; label: string; blocked: boolean }) {
  const t = useTranslations("assessmentsClient.form");
  return (
    <ActionForm action={action} className="card" label={label}>
      <input type="hidden" name="id" value={assessment.id} />
      <input type="hidden" name="version" value={assessment.version} />
      {blocked ? <p className="text-sm text-slate-600">{t("saveFirst")}</p> : <SubmitButton>{label}</SubmitButton>}
    </ActionForm>
  );
}

function QuestionField({ question, value, previous, disabled, onChange }: { question: Question; value: AnswerValue; previous: AnswerValue | undefined; disabled: boolean; onChange: (v: AnswerValue) => void }) {
  const t = useTranslations("assessmentsClient.form");
  const { state } = useFormOutcome();
  const errors = state.status === "error" ? state.fieldErrors?.[`answers.${question.id}`] : undefined;
  const changed = previous !== undefined && canonical(previous) !== canonical(value);
  const errorId = `q-${question.id}-error`;
  const common = { "aria-invalid": Boolean(errors), "aria-describedby": errors ? errorId : undefined, disabled };
  return (
    <fieldset className={`space-y-1 ${changed ? "rounded-md border-l-4 border-amber-400 pl-3" : ""}`} data-question={question.id}>
      <legend className="text-sm font-medium text-slate-800">
        {question.prompt}
        {question.required ? <span className="text-red-700" aria-hidden> *</span> : <span className="text-slate-500">{t("optional")}</span>}
      </legend>
      {question.help && <p className="text-xs text-slate-500">{question.help}</p>}
      {changed && <p className="text-xs text-amber-800">{t("changed")}</p>}
      {(question.type === "yes_no_unknown" || question.type === "single_choice") && (
        <div className="flex flex-wrap gap-x-4 gap-y-1" role="radiogroup" {...common}>
          {question.options.map((o) => (
            <label key={o.value} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name={`q-${question.id}`} checked={value === o.value} onChange={() => onChange(o.value)} disabled={disabled} />
              {o.label}
            </label>
          ))}
        </div>
      )}
      {question.type === "multiple_choice" && (
        <div className="flex flex-wrap gap-x-4 gap-y-1" {...common}>
          {question.options.map((o) => {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <label key={o.value} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={chosen.includes(o.value)} disabled={disabled}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />
                {o.label}
              </label>
            );
          })}
        </div>
      )}
      {question.type === "number" && (
        <input type="number" className="input max-w-40" min={question.min} max={question.max} value={typeof value === "number" ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))} aria-label={question.prompt} {...common} />
      )}
      {question.type === "date" && (
        <input type="date" className="input max-w-52" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || null)} aria-label={question.prompt} {...common} />
      )}
      {question.type === "text" && (
        <textarea className="input" rows={3} maxLength={question.maxLength} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || null)} aria-label={question.prompt} {...common} />
      )}
      {errors && <p id={errorId} className="text-sm text-red-700" data-field-error={`answers.${question.id}`}>{errors.join(" ")}</p>}
    </fieldset>
  );
}
