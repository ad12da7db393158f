"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { saveTemplateAction } from "@/lib/actions/templates";
import {
  DIMENSIONS,
  LEVELS,
  type ChoiceOption,
  type Dimension,
  type Level,
  type Mitigation,
  type Question,
  type QuestionnaireTemplate,
  type RiskWeights,
} from "@/lib/domain/assessment";
import { ActionForm, Field, SubmitButton, useFormOutcome } from "./form";

type QuestionType = Question["type"];

const QUESTION_TYPES: readonly QuestionType[] = ["yes_no_unknown", "single_choice", "multiple_choice", "number", "date", "text"];

const YES_NO_UNKNOWN = ["yes", "no", "unknown"] as const;

/**
 * The fixed options of a new yes/no/unknown question, labelled in the author's language: like
 * every question's text, the labels are the company's data once saved.
 */
function useYesNoUnknown(): ChoiceOption[] {
  const t = useTranslations("templatesClient.yesNo");
  return YES_NO_UNKNOWN.map((value) => ({ value, label: t(value) }));
}

/** Turns a question into another type, keeping what the two have in common. */
function retype(question: Question, type: QuestionType, yesNoUnknown: ChoiceOption[]): Question {
  const { id, section, prompt, help, required, aiOnly } = question;
  const base = { id, section, prompt, help, required, aiOnly };
  const options = "options" in question && question.type !== "yes_no_unknown" ? question.options : [{ value: "option_1", label: "" }, { value: "option_2", label: "" }];
  switch (type) {
    case "yes_no_unknown":
      return { ...base, type, options: yesNoUnknown.map((o) => ({ ...o, risk: "options" in question ? question.options.find((q) => q.value === o.value)?.risk : undefined })) };
    case "single_choice":
    case "multiple_choice":
      return { ...base, type, options };
    case "number":
      return { ...base, type, thresholds: [] };
    case "date":
      return { ...base, type };
    case "text":
      return { ...base, type };
  }
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The errors the server reported for one path of the posted questionnaire, e.g. "definition.questions.2.id". */
function useErrors(path: string): string[] | undefined {
  const { state } = useFormOutcome();
  return state.status === "error" ? state.fieldErrors?.[path] : undefined;
}

function ErrorText({ path }: { path: string }) {
  const errors = useErrors(path);
  if (!errors) return null;
  return <p className="text-sm text-red-700" data-field-error={path}>{errors.join(" ")}</p>;
}

/** A small labelled input whose value lives in the editor's state, not in the posted form. */
function Input({ label, path, value, onChange, type = "text", className = "", disabled }: { label: string; path: string; value: string | number | undefined; onChange: (value: string) => void; type?: "text" | "number"; className?: string; disabled?: boolean }) {
  const id = useId();
  const errors = useErrors(path);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <input id={id} type={type} className="input" value={value ?? ""} onChange={(e) => onChange(e.target.value)} aria-invalid={Boolean(errors)} disabled={disabled} />
      <ErrorText path={path} />
    </div>
  );
}

function RiskSelects({ risk, onChange, label, path }: { risk: RiskWeights | undefined; onChange: (risk: RiskWeights) => void; label: string; path: string }) {
  const t = useTranslations("templatesClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <div className="grid grid-cols-5 gap-1">
      {DIMENSIONS.map((d) => (
        <select
          key={d}
          className="input px-1 text-xs"
          aria-label={t("riskOf", { label, dimension: vocabulary(`dimension.${d}`) })}
          value={risk?.[d] ?? ""}
          onChange={(e) => {
            const next = { ...risk };
            if (e.target.value) next[d] = e.target.value as Level;
            else delete next[d];
            onChange(next);
          }}
        >
          <option value="">—</option>
          {LEVELS.map((l) => <option key={l} value={l}>{vocabulary(`level.${l}`)}</option>)}
        </select>
      ))}
      <div className="col-span-5"><ErrorText path={path} /></div>
    </div>
  );
}

function DimensionHeader({ first }: { first: string }) {
  const t = useTranslations("templatesClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <div className="grid grid-cols-[1fr_1fr_2fr_auto] gap-2 text-xs font-medium text-slate-600" aria-hidden>
      <span>{first}</span><span>{t("labelHeader")}</span>
      <span className="grid grid-cols-5 gap-1">{DIMENSIONS.map((d) => <span key={d} title={vocabulary(`dimension.${d}`)} className="truncate">{t(`dimensionShort.${d}`)}</span>)}</span>
      <span />
    </div>
  );
}

function SmallButton({ children, onClick, label }: { children: ReactNode; onClick: () => void; label: string }) {
  return <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100" onClick={onClick} aria-label={label}>{children}</button>;
}

function QuestionCard({ question, index, count, sections, onChange, onMove, onRemove }: {
  question: Question;
  index: number;
  count: number;
  sections: string[];
  onChange: (q: Question) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const path = `definition.questions.${index}`;
  const set = (patch: Partial<Question>) => onChange({ ...question, ...patch } as Question);
  const listId = useId();
  const sectionErrors = useErrors(`${path}.section`);
  const t = useTranslations("templatesClient");
  const yesNoUnknown = useYesNoUnknown();
  return (
    <fieldset className="card space-y-3" data-testid="template-question">
      <legend className="px-1 text-sm font-semibold">{t("question", { n })}</legend>
      <ErrorText path={path} />
      <div className="grid gap-3 sm:grid-cols-4">
        <div className="space-y-1">
          <label htmlFor={`${listId}-section`} className="block text-xs font-medium text-slate-700">{t("section", { n })}</label>
          <input id={`${listId}-section`} list={listId} className="input" value={question.section} onChange={(e) => set({ section: e.target.value })} aria-invalid={Boolean(sectionErrors)} />
          <datalist id={listId}>{sections.map((s) => <option key={s} value={s} />)}</datalist>
          <ErrorText path={`${path}.section`} />
        </div>
        <Input label={t("id", { n })} path={`${path}.id`} value={question.id} onChange={(id) => set({ id })} />
        <div className="space-y-1">
          <label htmlFor={`${listId}-type`} className="block text-xs font-medium text-slate-700">{t("questionType", { n })}</label>
          <select id={`${listId}-type`} className="input" value={question.type} onChange={(e) => onChange(retype(question, e.target.value as QuestionType, yesNoUnknown))}>
            {QUESTION_TYPES.map((type) => <option key={type} value={type}>{t(`type.${type}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col justify-end gap-1 text-sm">
          <label className="flex items-center gap-2"><input type="checkbox" checked={question.required} onChange={(e) => set({ required: e.target.checked })} /> {t("required")}</label>
          <label className="flex items-center gap-2"><input type="checkbox" checked={Boolean(question.aiOnly)} onChange={(e) => set({ aiOnly: e.target.checked || undefined })} /> {t("aiOnly")}</label>
        </div>
      </div>
      <Input label={t("prompt", { n })} path={`${path}.prompt`} value={question.prompt} onChange={(prompt) => set({ prompt })} />
      <Input label={t("help", { n })} path={`${path}.help`} value={question.help} onChange={(help) => set({ help })} />

      {"options" in question && (
        <div className="space-y-2">
          <DimensionHeader first={t("valueHeader")} />
          {question.options.map((option, j) => {
            const fixed = question.type === "yes_no_unknown";
            const setOption = (patch: Partial<ChoiceOption>) => set({ options: question.options.map((o, k) => (k === j ? { ...o, ...patch } : o)) });
            const label = t("option", { n, j: j + 1 });
            return (
              <div key={j} className="grid grid-cols-[1fr_1fr_2fr_auto] items-start gap-2" data-testid="template-option">
                <Input label={t("optionValue", { n, j: j + 1 })} path={`${path}.options.${j}.value`} value={option.value} onChange={(value) => setOption({ value })} disabled={fixed} className="[&_label]:sr-only" />
                <Input label={t("optionLabel", { n, j: j + 1 })} path={`${path}.options.${j}.label`} value={option.label} onChange={(l) => setOption({ label: l })} disabled={fixed} className="[&_label]:sr-only" />
                <RiskSelects label={label} path={`${path}.options.${j}.risk`} risk={option.risk} onChange={(risk) => setOption({ risk })} />
                {fixed ? <span className="w-16" /> : <SmallButton label={t("removeOption", { n, j: j + 1 })} onClick={() => set({ options: question.options.filter((_, k) => k !== j) })}>{t("remove")}</SmallButton>}
              </div>
            );
          })}
          <ErrorText path={`${path}.options`} />
          {question.type !== "yes_no_unknown" && (
            <SmallButton label={t("addOption", { n })} onClick={() => set({ options: [...question.options, { value: `option_${question.options.length + 1}`, label: "" }] })}>{t("addOptionButton")}</SmallButton>
          )}
        </div>
      )}

      {question.type === "number" && (
        <div className="space-y-2">
          <div className="grid gap-3 sm:grid-cols-3">
            <Input type="number" label={t("minimum", { n })} path={`${path}.min`} value={question.min} onChange={(v) => set({ min: v === "" ? undefined : Number(v) })} />
            <Input type="number" label={t("maximum", { n })} path={`${path}.max`} value={question.max} onChange={(v) => set({ max: v === "" ? undefined : Number(v) })} />
            <Input label={t("unit", { n })} path={`${path}.unit`} value={question.unit} onChange={(unit) => set({ unit })} />
          </div>
          <p className="text-xs text-slate-600">{t("thresholdsHelp")}</p>
          {(question.thresholds ?? []).map((threshold, j) => {
            const label = t("threshold", { n, j: j + 1 });
            const thresholds = question.thresholds ?? [];
            return (
              <div key={j} className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
                <Input type="number" label={t("thresholdAtLeast", { n, j: j + 1 })} path={`${path}.thresholds.${j}.atLeast`} value={threshold.atLeast} onChange={(v) => set({ thresholds: thresholds.map((x, k) => (k === j ? { ...x, atLeast: Number(v) } : x)) })} />
                <RiskSelects label={label} path={`${path}.thresholds.${j}.risk`} risk={threshold.risk} onChange={(risk) => set({ thresholds: thresholds.map((x, k) => (k === j ? { ...x, risk } : x)) })} />
                <SmallButton label={t("removeThreshold", { n, j: j + 1 })} onClick={() => set({ thresholds: thresholds.filter((_, k) => k !== j) })}>{t("remove")}</SmallButton>
              </div>
            );
          })}
          <SmallButton label={t("addThreshold", { n })} onClick={() => set({ thresholds: [...(question.thresholds ?? []), { atLeast: 0, risk: {} }] })}>{t("addThresholdButton")}</SmallButton>
        </div>
      )}

      {question.type === "text" && (
        <Input type="number" label={t("maxLength", { n })} path={`${path}.maxLength`} value={question.maxLength} onChange={(v) => set({ maxLength: v === "" ? undefined : Number(v) })} className="max-w-xs" />
      )}

      <div className="flex flex-wrap gap-2">
        <SmallButton label={t("moveUp", { n })} onClick={() => onMove(index - 1)}>{t("moveUpButton")}</SmallButton>
        <SmallButton label={t("moveDown", { n })} onClick={() => onMove(index + 1)}>{t("moveDownButton")}</SmallButton>
        {count > 1 && <SmallButton label={t("removeQuestion", { n })} onClick={onRemove}>{t("removeQuestionButton")}</SmallButton>}
      </div>
    </fieldset>
  );
}

function MitigationRow({ mitigation, index, onChange, onRemove }: { mitigation: Mitigation; index: number; onChange: (m: Mitigation) => void; onRemove: () => void }) {
  const n = index + 1;
  const path = `definition.mitigations.${index}`;
  const t = useTranslations("templatesClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <div className="grid grid-cols-[1fr_1fr_2fr_auto] items-start gap-2" data-testid="template-condition">
      <Input label={t("conditionId", { n })} path={`${path}.id`} value={mitigation.id} onChange={(id) => onChange({ ...mitigation, id })} className="[&_label]:sr-only" />
      <Input label={t("conditionLabel", { n })} path={`${path}.label`} value={mitigation.label} onChange={(label) => onChange({ ...mitigation, label })} className="[&_label]:sr-only" />
      <div className="grid grid-cols-5 gap-1">
        {DIMENSIONS.map((d: Dimension) => (
          <select
            key={d}
            className="input px-1 text-xs"
            aria-label={t("conditionLowers", { n, dimension: vocabulary(`dimension.${d}`) })}
            value={mitigation.reduces[d] ?? 0}
            onChange={(e) => {
              const reduces = { ...mitigation.reduces };
              const by = Number(e.target.value);
              if (by > 0) reduces[d] = by;
              else delete reduces[d];
              onChange({ ...mitigation, reduces });
            }}
          >
            {[0, 1, 2, 3].map((by) => <option key={by} value={by}>{by === 0 ? "—" : `−${by}`}</option>)}
          </select>
        ))}
        <div className="col-span-5"><ErrorText path={`${path}.reduces`} /></div>
      </div>
      <SmallButton label={t("removeCondition", { n })} onClick={onRemove}>{t("remove")}</SmallButton>
    </div>
  );
}

/**
 * Authoring a questionnaire: questions with their answer options and what each weighs per
 * dimension, and the conditions that lower residual risk. Saving posts the whole questionnaire;
 * the server checks it and stores it as a new version.
 */
export function TemplateEditor({ template, isNew }: { template: QuestionnaireTemplate; isNew: boolean }) {
  const [key, setKey] = useState(template.key);
  const [questions, setQuestions] = useState<Question[]>(template.questions);
  const [mitigations, setMitigations] = useState<Mitigation[]>(template.mitigations);
  const sections = [...new Set(questions.map((q) => q.section).filter(Boolean))];
  const last = questions.at(-1);
  const t = useTranslations("templatesClient");
  const yesNoUnknown = useYesNoUnknown();
  return (
    <ActionForm action={saveTemplateAction} className="space-y-6" label={t("label")}>
      <input type="hidden" name="baseVersion" value={isNew ? 0 : template.version} />
      <input type="hidden" name="definition" value={JSON.stringify({ questions, mitigations })} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="title" label={t("title")}>{(p) => <input {...p} className="input" defaultValue={template.title} />}</Field>
        {isNew ? (
          <Field name="key" label={t("key")} hint={t("keyHint")}>{(p) => <input {...p} className="input" value={key} onChange={(e) => setKey(e.target.value)} />}</Field>
        ) : (
          <input type="hidden" name="key" value={key} />
        )}
      </div>
      <p className="text-sm text-slate-600">
        {t.rich("scoringIntro", { link: (chunks) => <a href="/help#scoring">{chunks}</a> })}
      </p>
      <ErrorText path="definition" />
      <ErrorText path="definition.questions" />

      <section className="space-y-4" aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-lg font-semibold">{t("questionsHeading", { count: questions.length })}</h2>
        {questions.map((q, i) => (
          <QuestionCard
            key={i}
            question={q}
            index={i}
            count={questions.length}
            sections={sections}
            onChange={(next) => setQuestions(questions.map((x, k) => (k === i ? next : x)))}
            onMove={(to) => setQuestions(move(questions, i, to))}
            onRemove={() => setQuestions(questions.filter((_, k) => k !== i))}
          />
        ))}
        <button
          type="button"
          className="btn-secondary"
          onClick={() => setQuestions([...questions, { id: `question_${questions.length + 1}`, section: last?.section ?? "", prompt: "", required: true, type: "yes_no_unknown", options: yesNoUnknown }])}
        >
          {t("addQuestion")}
        </button>
      </section>

      <section className="space-y-3" aria-labelledby="conditions-heading">
        <h2 id="conditions-heading" className="text-lg font-semibold">{t("conditionsHeading", { count: mitigations.length })}</h2>
        <p className="text-sm text-slate-600">{t("conditionsIntro")}</p>
        <DimensionHeader first={t("idHeader")} />
        {mitigations.map((m, i) => (
          <MitigationRow key={i} mitigation={m} index={i} onChange={(next) => setMitigations(mitigations.map((x, k) => (k === i ? next : x)))} onRemove={() => setMitigations(mitigations.filter((_, k) => k !== i))} />
        ))}
        <ErrorText path="definition.mitigations" />
        <button type="button" className="btn-secondary" onClick={() => setMitigations([...mitigations, { id: `condition_${mitigations.length + 1}`, label: "", reduces: {} }])}>
          {t("addCondition")}
        </button>
      </section>

      <SubmitButton>{isNew ? t("create") : t("saveAs", { version: template.version + 1 })}</SubmitButton>
    </ActionForm>
  );
}
