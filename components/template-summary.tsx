import { getFormatter, getTranslations } from "next-intl/server";
import type { Dimension, Level, Question, QuestionnaireTemplate } from "@/lib/domain/assessment";
import { LevelBadge } from "./risk-breakdown";

type Translate = Awaited<ReturnType<typeof getTranslations<"vocabulary">>>;

function Weights({ risk, vocabulary }: { risk?: Partial<Record<Dimension, Level>>; vocabulary: Translate }) {
  const entries = Object.entries(risk ?? {}) as [Dimension, Level][];
  if (entries.length === 0) return null;
  return <>{entries.map(([d, l]) => <span key={d} className="ml-1">{vocabulary(`dimension.${d}`)} <LevelBadge level={l} /></span>)}</>;
}

/** What each answer of a question weighs, in words. */
async function QuestionWeights({ question, vocabulary }: { question: Question; vocabulary: Translate }) {
  if ("options" in question) {
    const weighted = question.options.filter((o) => o.risk && Object.keys(o.risk).length > 0);
    return <>{weighted.map((o) => <span key={o.value} className="mr-2 inline-flex flex-wrap items-center gap-1">{o.label}:<Weights risk={o.risk} vocabulary={vocabulary} /></span>)}</>;
  }
  if (question.type === "number") {
    const [t, format] = await Promise.all([getTranslations("templates.summary"), getFormatter()]);
    return (
      <>
        {(question.thresholds ?? []).map((threshold) => (
          <span key={threshold.atLeast} className="mr-2 inline-flex items-center gap-1">
            {t("atLeast", { value: `${format.number(threshold.atLeast)}${question.unit ? ` ${question.unit}` : ""}` })}:<Weights risk={threshold.risk} vocabulary={vocabulary} />
          </span>
        ))}
      </>
    );
  }
  return null;
}

/**
 * A questionnaire read-only, by section: its questions, what each answer weighs, and its
 * conditions. The questions, answers and conditions are the company's own text (stored in one
 * language); the words around them follow the reader.
 */
export async function TemplateSummary({ template, headingLevel = 3 }: { template: QuestionnaireTemplate; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [t, vocabulary, format] = await Promise.all([getTranslations("templates.summary"), getTranslations("vocabulary"), getFormatter()]);
  return (
    <div className="space-y-4">
      {[...new Set(template.questions.map((q) => q.section))].map((section) => (
        <section key={section}>
          <Heading className="font-semibold">{section}</Heading>
          <ul className="ml-5 list-disc space-y-1 text-sm">
            {template.questions.filter((q) => q.section === section).map((q) => (
              <li key={q.id}>
                {q.prompt}
                {q.required ? "" : t("optional")}
                {q.aiOnly ? t("aiOnly") : ""} <span className="text-slate-600"><QuestionWeights question={q} vocabulary={vocabulary} /></span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section>
        <Heading className="font-semibold">{t("conditionsHeading")}</Heading>
        <ul className="ml-5 list-disc text-sm">
          {template.mitigations.map((m) => (
            <li key={m.id}>
              {t("lowers", {
                label: m.label,
                dimensions: format.list(
                  (Object.entries(m.reduces) as [Dimension, number][]).map(([d, n]) => (n > 1 ? t("lowersBy", { dimension: vocabulary(`dimension.${d}`), count: n }) : vocabulary(`dimension.${d}`))),
                  { type: "unit" },
                ),
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
