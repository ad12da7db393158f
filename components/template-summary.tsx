import { DIMENSION_LABELS, type Dimension, type Level, type Question, type QuestionnaireTemplate } from "@/lib/domain/assessment";
import { LevelBadge } from "./risk-breakdown";

function Weights({ risk }: { risk?: Partial<Record<Dimension, Level>> }) {
  const entries = Object.entries(risk ?? {}) as [Dimension, Level][];
  if (entries.length === 0) return null;
  return <>{entries.map(([d, l]) => <span key={d} className="ml-1">{DIMENSION_LABELS[d]} <LevelBadge level={l} /></span>)}</>;
}

/** What each answer of a question weighs, in words. */
function QuestionWeights({ question }: { question: Question }) {
  if ("options" in question) {
    const weighted = question.options.filter((o) => o.risk && Object.keys(o.risk).length > 0);
    return <>{weighted.map((o) => <span key={o.value} className="mr-2 inline-flex flex-wrap items-center gap-1">{o.label}:<Weights risk={o.risk} /></span>)}</>;
  }
  if (question.type === "number") {
    return <>{(question.thresholds ?? []).map((t) => <span key={t.atLeast} className="mr-2 inline-flex items-center gap-1">at least {t.atLeast}{question.unit ? ` ${question.unit}` : ""}:<Weights risk={t.risk} /></span>)}</>;
  }
  return null;
}

/** A questionnaire read-only, by section: its questions, what each answer weighs, and its conditions. */
export function TemplateSummary({ template, headingLevel = 3 }: { template: QuestionnaireTemplate; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-4">
      {[...new Set(template.questions.map((q) => q.section))].map((section) => (
        <section key={section}>
          <Heading className="font-semibold">{section}</Heading>
          <ul className="ml-5 list-disc space-y-1 text-sm">
            {template.questions.filter((q) => q.section === section).map((q) => (
              <li key={q.id}>
                {q.prompt}
                {q.required ? "" : " (optional)"}
                {q.aiOnly ? " (AI tools only)" : ""} <span className="text-slate-600"><QuestionWeights question={q} /></span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section>
        <Heading className="font-semibold">Conditions that lower residual risk</Heading>
        <ul className="ml-5 list-disc text-sm">
          {template.mitigations.map((m) => (
            <li key={m.id}>
              {m.label}: lowers {(Object.entries(m.reduces) as [Dimension, number][]).map(([d, n]) => `${DIMENSION_LABELS[d]}${n > 1 ? ` by ${n} levels` : ""}`).join(", ")}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
