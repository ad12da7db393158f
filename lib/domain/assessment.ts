/**
 * Assessments: questionnaire templates as data, answer validation and explainable risk
 * scoring. Pure: no database, no framework.
 */

/** draft → in_review → completed (→ superseded by a later completed one). */
export const ASSESSMENT_STATUSES = ["draft", "in_review", "completed", "superseded"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const DIMENSIONS = ["data_exposure", "vendor_trust", "access_autonomy", "supply_chain", "compliance"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  data_exposure: "Data exposure",
  vendor_trust: "Vendor trust",
  access_autonomy: "Access and autonomy",
  supply_chain: "Supply chain",
  compliance: "Compliance",
};

/** Risk levels, least to most severe; also the tiers of the overall result. */
export const LEVELS = ["low", "medium", "high", "critical"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

/** Default months until a tool must be assessed again, by inherent tier. */
export const DEFAULT_REASSESSMENT_MONTHS: Record<Level, number> = { low: 24, medium: 18, high: 12, critical: 6 };

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

function levelAt(rank: number): Level {
  return LEVELS[Math.max(0, Math.min(LEVELS.length - 1, rank))]!;
}

/** What choosing an option adds to each dimension it concerns. */
export type RiskWeights = Partial<Record<Dimension, Level>>;

export interface ChoiceOption {
  value: string;
  label: string;
  risk?: RiskWeights;
}

interface QuestionBase {
  id: string;
  section: string;
  prompt: string;
  help?: string;
  required: boolean;
  /** Asked only of AI tools (agent capabilities). */
  aiOnly?: boolean;
}

export type Question =
  | (QuestionBase & { type: "yes_no_unknown"; options: ChoiceOption[] })
  | (QuestionBase & { type: "single_choice"; options: ChoiceOption[] })
  | (QuestionBase & { type: "multiple_choice"; options: ChoiceOption[] })
  | (QuestionBase & { type: "number"; min?: number; max?: number; unit?: string; thresholds?: { atLeast: number; risk: RiskWeights }[] })
  | (QuestionBase & { type: "date" })
  | (QuestionBase & { type: "text"; maxLength?: number });

/** A condition a reviewer can attach, and how far it lowers the risk of each dimension (in levels). */
export interface Mitigation {
  id: string;
  label: string;
  reduces: Partial<Record<Dimension, number>>;
}

export interface QuestionnaireTemplate {
  key: string;
  version: number;
  title: string;
  questions: Question[];
  mitigations: Mitigation[];
}

export type AnswerValue = string | string[] | number | null;
export type Answers = Record<string, AnswerValue>;

/** Agent-capability questions apply to AI tools: the AI assistant kind, or any tool catalogued in an AI category. */
export function isAiTool(software: { kind: string; category: string }): boolean {
  return software.kind === "ai_assistant" || /\bAI\b/.test(software.category);
}

// ---- Validation -----------------------------------------------------------------------------

/**
 * What is wrong with one answer, as a code and its values: the caller words it in the reader's
 * language (catalogue keys `assessments.answer.<code>`); English when no wording is given.
 */
export type AnswerProblem =
  | { code: "unknownQuestion" | "required" | "chooseOne" | "chooseAmong" | "chosenTwice" | "number" | "date" | "text"; values?: undefined }
  | { code: "numberRange"; values: { min: number | string; max: number | string } }
  | { code: "maxLength"; values: { max: number } };

const ANSWER_PROBLEMS_IN_ENGLISH: Record<AnswerProblem["code"], (values: Record<string, string | number>) => string> = {
  unknownQuestion: () => "Not a question of this questionnaire",
  required: () => "An answer is required",
  chooseOne: () => "Choose one of the options",
  chooseAmong: () => "Choose among the options",
  chosenTwice: () => "An option is chosen twice",
  number: () => "Enter a number",
  numberRange: (v) => `Enter a number between ${v.min} and ${v.max}`,
  date: () => "Enter a date (YYYY-MM-DD)",
  text: () => "Enter text",
  maxLength: (v) => `At most ${v.max} characters`,
};

/** The problem in English (tests, and callers outside a request). */
export function describeAnswerProblem(problem: AnswerProblem): string {
  return ANSWER_PROBLEMS_IN_ENGLISH[problem.code](problem.values ?? {});
}

/**
 * Checks answers against a template: required questions answered, choices among the options,
 * numbers in range, real dates, bounded text. Returns field errors keyed by question id;
 * empty when valid. Drafts may be incomplete: pass `{ complete: false }` to skip "required".
 */
export function validateAnswers(
  template: QuestionnaireTemplate,
  answers: Answers,
  { complete = true, aiTool = true, describe = describeAnswerProblem }: { complete?: boolean; aiTool?: boolean; describe?: (problem: AnswerProblem) => string } = {},
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (id: string, code: AnswerProblem["code"], values?: AnswerProblem["values"]) => (errors[id] ??= []).push(describe({ code, values } as AnswerProblem));
  const known = new Set(template.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) add(id, "unknownQuestion");

  for (const question of template.questions) {
    if (question.aiOnly && !aiTool) continue;
    const value = answers[question.id];
    const empty = value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (complete && question.required) add(question.id, "required");
      continue;
    }
    switch (question.type) {
      case "yes_no_unknown":
      case "single_choice":
        if (typeof value !== "string" || !question.options.some((o) => o.value === value)) add(question.id, "chooseOne");
        break;
      case "multiple_choice":
        if (!Array.isArray(value) || !value.every((v) => question.options.some((o) => o.value === v))) add(question.id, "chooseAmong");
        else if (new Set(value).size !== value.length) add(question.id, "chosenTwice");
        break;
      case "number":
        if (typeof value !== "number" || !Number.isFinite(value)) add(question.id, "number");
        else if ((question.min !== undefined && value < question.min) || (question.max !== undefined && value > question.max)) {
          add(question.id, "numberRange", { min: question.min ?? "−∞", max: question.max ?? "∞" });
        }
        break;
      case "date":
        if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
          add(question.id, "date");
        }
        break;
      case "text":
        if (typeof value !== "string") add(question.id, "text");
        else if (value.length > (question.maxLength ?? 4000)) add(question.id, "maxLength", { max: question.maxLength ?? 4000 });
        break;
    }
  }
  return errors;
}

// ---- Scoring --------------------------------------------------------------------------------

/** One answer that raised a dimension's risk, for the breakdown a reviewer defends. */
export interface Driver {
  questionId: string;
  prompt: string;
  answer: string;
  level: Level;
}

export interface DimensionScore {
  dimension: Dimension;
  level: Level;
  drivers: Driver[];
  /** Why the level is what it is, in one sentence. */
  explanation: string;
}

export interface ResidualDimension {
  dimension: Dimension;
  inherent: Level;
  level: Level;
  mitigatedBy: string[];
}

export interface RiskResult {
  dimensions: DimensionScore[];
  inherentTier: Level;
  inherentExplanation: string;
  residual: ResidualDimension[];
  residualTier: Level;
  residualExplanation: string;
}

/** The drivers an answer contributes: chosen options' weights, or number thresholds reached. */
function driversOf(question: Question, value: AnswerValue): { dimension: Dimension; driver: Driver }[] {
  const out: { dimension: Dimension; driver: Driver }[] = [];
  const push = (risk: RiskWeights | undefined, answer: string) => {
    for (const [dimension, level] of Object.entries(risk ?? {}) as [Dimension, Level][]) {
      out.push({ dimension, driver: { questionId: question.id, prompt: question.prompt, answer, level } });
    }
  };
  switch (question.type) {
    case "yes_no_unknown":
    case "single_choice": {
      const option = question.options.find((o) => o.value === value);
      if (option) push(option.risk, option.label);
      break;
    }
    case "multiple_choice":
      if (Array.isArray(value)) for (const v of value) {
        const option = question.options.find((o) => o.value === v);
        if (option) push(option.risk, option.label);
      }
      break;
    case "number":
      if (typeof value === "number") {
        // The highest threshold reached counts, once.
        const reached = (question.thresholds ?? []).filter((t) => value >= t.atLeast).sort((a, b) => b.atLeast - a.atLeast)[0];
        if (reached) push(reached.risk, `${value}${question.unit ? ` ${question.unit}` : ""}`);
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * A dimension's level: the most severe answer that concerns it, raised one level when two or
 * more answers reach that same severity of medium or above (risks that compound), never above
 * critical. Low risks do not compound. No concerning answer: low.
 */
export function dimensionLevel(drivers: Driver[]): { level: Level; explanation: string } {
  if (drivers.length === 0) return { level: "low", explanation: "No answer raised this dimension." };
  const worst = Math.max(...drivers.map((d) => levelRank(d.level)));
  const atWorst = drivers.filter((d) => levelRank(d.level) === worst);
  if (atWorst.length >= 2 && worst >= levelRank("medium") && worst < levelRank("critical")) {
    return {
      level: levelAt(worst + 1),
      explanation: `${atWorst.length} answers are ${LEVEL_LABELS[levelAt(worst)].toLowerCase()} risk together, which compounds to ${LEVEL_LABELS[levelAt(worst + 1)].toLowerCase()}.`,
    };
  }
  return { level: levelAt(worst), explanation: `The most severe answer is ${LEVEL_LABELS[levelAt(worst)].toLowerCase()} risk.` };
}

/**
 * The overall tier: the worst dimension (a tool is as risky as its weakest point), raised to
 * critical when three or more dimensions are high or worse.
 */
export function overallTier(levels: Level[]): { tier: Level; explanation: string } {
  const worst = levels.reduce<Level>((a, b) => (levelRank(b) > levelRank(a) ? b : a), "low");
  const highOrWorse = levels.filter((l) => levelRank(l) >= levelRank("high")).length;
  if (highOrWorse >= 3 && worst !== "critical") {
    return { tier: "critical", explanation: `${highOrWorse} dimensions are high risk or worse, which makes the tool critical overall.` };
  }
  return { tier: worst, explanation: `The worst dimension is ${LEVEL_LABELS[worst].toLowerCase()} risk.` };
}

/** Scores answers against a template, then the residual risk after the attached mitigations. */
export function scoreAssessment(template: QuestionnaireTemplate, answers: Answers, mitigationIds: string[] = []): RiskResult {
  const byDimension = new Map<Dimension, Driver[]>(DIMENSIONS.map((d) => [d, []]));
  for (const question of template.questions) {
    const value = answers[question.id];
    if (value === undefined || value === null) continue;
    for (const { dimension, driver } of driversOf(question, value)) byDimension.get(dimension)!.push(driver);
  }
  const dimensions: DimensionScore[] = DIMENSIONS.map((dimension) => {
    const drivers = byDimension.get(dimension)!.sort((a, b) => levelRank(b.level) - levelRank(a.level));
    const { level, explanation } = dimensionLevel(drivers);
    return { dimension, level, drivers, explanation };
  });
  const inherent = overallTier(dimensions.map((d) => d.level));

  const mitigations = template.mitigations.filter((m) => mitigationIds.includes(m.id));
  const residual: ResidualDimension[] = dimensions.map(({ dimension, level }) => {
    const applied = mitigations.filter((m) => (m.reduces[dimension] ?? 0) > 0);
    const reduction = applied.reduce((sum, m) => sum + (m.reduces[dimension] ?? 0), 0);
    // A mitigation lowers a risk; it never makes a critical answer disappear entirely.
    const floor = level === "critical" ? levelRank("medium") : levelRank("low");
    return { dimension, inherent: level, level: levelAt(Math.max(floor, levelRank(level) - reduction)), mitigatedBy: applied.map((m) => m.label) };
  });
  const residualTier = overallTier(residual.map((r) => r.level));
  return {
    dimensions,
    inherentTier: inherent.tier,
    inherentExplanation: inherent.explanation,
    residual,
    residualTier: residualTier.tier,
    residualExplanation: mitigations.length ? residualTier.explanation : "No conditions attached: residual risk equals inherent risk.",
  };
}
