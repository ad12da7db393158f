import "server-only";
import type { Db } from "../db/client";
import { computeVerdict, currentClassification, decisionsInEffect, type ClassificationFact, type GrantFact, type VerdictResult } from "../domain/verdict";
import { DATA_CLASSES, type DataClass, type Kind } from "../domain/vocabulary";
import { getSoftwareBySlug, resolveSoftware, type SoftwareDetail } from "../queries/software";
import { activeGrantFacts } from "../queries/requests";
import { getSettings } from "../queries/settings";
import { completedAssessmentsBySoftware, type CompletedAssessment } from "../queries/assessments";
import { agentCapabilities, currentAssessmentFor } from "../domain/agent-capabilities";
import type { Level } from "../domain/assessment";
import { grantTerms } from "../domain/grant-terms";
import { requestPath } from "../domain/requests";
import { capabilityText, verdictReasonsText } from "./verdict-words";

export function classificationFacts(detail: SoftwareDetail): ClassificationFact[] {
  return decisionsInEffect(detail.classifications);
}

/** The current decision for one edition (or all), with its alternatives and rationale. */
export function currentDecision(detail: SoftwareDetail, editionId: string | null, now: Date) {
  const current = currentClassification(classificationFacts(detail), editionId, now);
  return current ? detail.classifications.find((c) => c.id === current.id) ?? null : null;
}

export interface EditionAnswer {
  editionId: string | null;
  editionName: string | null;
  decision: ReturnType<typeof currentDecision>;
  /** The verdict for each data class, least to most sensitive. */
  matrix: { dataClass: DataClass; result: VerdictResult }[];
}

/** What a software page shows one person: for each edition (or the software as a whole), the data-class matrix. */
export function answersForSoftware(detail: SoftwareDetail, now: Date, grants: GrantFact[] = []): EditionAnswer[] {
  const facts = classificationFacts(detail);
  const software = { name: detail.name, editions: detail.editions.map((e) => ({ id: e.id, name: e.name })) };
  const scopes: { id: string | null; name: string | null }[] =
    detail.editions.length > 0 ? detail.editions.map((e) => ({ id: e.id, name: e.name })) : [{ id: null, name: null }];
  return scopes.map((scope) => ({
    editionId: scope.id,
    editionName: scope.name,
    decision: currentDecision(detail, scope.id, now),
    matrix: DATA_CLASSES.map((dataClass) => ({
      dataClass,
      result: computeVerdict({ software, classifications: facts, editionId: scope.id, dataClass, grants, now }),
    })),
  }));
}

/** Why a tool is risky, for the people who would use it: the current assessment's tiers and, for AI tools, what the agent can do. */
export interface AssessedRisk {
  assessmentId: string;
  inherentTier: Level;
  residualTier: Level | null;
  completedOn: string | null;
  /** What the agent can do, in the reader's language ("can run shell commands on your computer"). */
  agentCapabilities: { id: string; text: string }[];
}

/** The assessed risk for an edition (or the software as a whole); null without a completed assessment. */
export function assessedRisk(completed: readonly CompletedAssessment[], editionId: string | null, software: { kind: string; category: string }): AssessedRisk | null {
  const current = currentAssessmentFor(completed, editionId);
  if (!current?.inherentTier) return null;
  return {
    assessmentId: current.id,
    inherentTier: current.inherentTier,
    residualTier: current.residualTier,
    completedOn: current.completedAt ? current.completedAt.toISOString().slice(0, 10) : null,
    agentCapabilities: agentCapabilities(current.answers, software).map((c) => ({ id: c.id, text: capabilityText(c) })),
  };
}

/** The grant the holder's answer rests on for one edition: the one covering the most sensitive data. */
export function heldGrant(answer: EditionAnswer): GrantFact | null {
  return answer.matrix.map((m) => m.result.grant).filter((g) => g !== null).at(-1) ?? null;
}

/** A software page's assessed risks, each distinct current assessment once: one for all editions, or one per edition assessed on its own (named). */
export function assessedRisksForPage(answers: EditionAnswer[], completed: readonly CompletedAssessment[], software: { kind: string; category: string }) {
  const seen = new Set<string>();
  const out: { scope: string | null; risk: AssessedRisk }[] = [];
  for (const answer of answers) {
    const risk = assessedRisk(completed, answer.editionId, software);
    if (!risk || seen.has(risk.assessmentId)) continue;
    seen.add(risk.assessmentId);
    const own = completed.find((a) => a.id === risk.assessmentId)?.editionId ?? null;
    out.push({ scope: own ? answer.editionName : null, risk });
  }
  return out;
}

/** The holder's grant as an answer shows it: its terms and the request that granted it. */
export interface GrantAnswer {
  dataClass: DataClass;
  conditions: string[];
  endsOn: string;
  daysLeft: number;
  request: { id: string; url: string } | null;
}

export function grantAnswer(grant: GrantFact, now: Date, baseUrl: string): GrantAnswer {
  const terms = grantTerms(grant, now);
  return {
    dataClass: terms.dataClass,
    conditions: terms.conditions,
    endsOn: terms.endsOn,
    daysLeft: terms.daysLeft,
    request: terms.requestId ? { id: terms.requestId, url: `${baseUrl}${requestPath(terms.requestId)}` } : null,
  };
}

export interface CheckAnswer {
  query: string;
  verdict: VerdictResult["verdict"];
  match: "identifier" | "name" | "fuzzy" | null;
  software: { slug: string; name: string; vendor: string | null; kind: Kind; status: VerdictResult["status"]; maxDataClass: DataClass | null } | null;
  edition: { slug: string; name: string } | null;
  dataClass: DataClass | null;
  reasons: string[];
  conditions: string[];
  alternatives: { slug: string; name: string; url: string }[];
  url: string | null;
  /** The asker's exception grant the verdict rests on; null otherwise. */
  grant: GrantAnswer | null;
  /** The current completed assessment's risk; null when there is none. */
  assessment: AssessedRisk | null;
}

/** The answer to "may I use <q> for <dataClass>?" for one person (their grants count): the check API and its page. */
export async function checkSoftware(
  db: Db,
  input: { q: string; dataClass?: DataClass; edition?: string },
  baseUrl: string,
  now: Date,
  userId?: string,
): Promise<CheckAnswer> {
  const { dataClassLabels } = await getSettings(db);
  const resolved = await resolveSoftware(db, input.q);
  const detail = resolved ? await getSoftwareBySlug(db, resolved.slug) : undefined;
  const [grants, assessments] = detail
    ? await Promise.all([userId ? activeGrantFacts(db, userId, detail.id, now) : [], completedAssessmentsBySoftware(db, [detail.id])])
    : [[], new Map<string, CompletedAssessment[]>()];
  return answerCheck({
    input,
    found: resolved && detail ? { detail, editionId: resolved.editionId, match: resolved.match } : null,
    grants,
    assessments: detail ? (assessments.get(detail.id) ?? []) : [],
    dataClassLabels,
    baseUrl,
    now,
  });
}

/** Shapes one check answer from what was found: shared by the single and the bulk check, so both answer alike. */
export function answerCheck({ input, found, grants, assessments = [], dataClassLabels, baseUrl, now }: {
  input: { q: string; dataClass?: DataClass; edition?: string };
  found: { detail: SoftwareDetail; editionId: string | null; match: NonNullable<CheckAnswer["match"]> } | null;
  grants: GrantFact[];
  /** The software's completed assessments. */
  assessments?: readonly CompletedAssessment[];
  dataClassLabels: Record<DataClass, string>;
  baseUrl: string;
  now: Date;
}): CheckAnswer {
  const dataClass = input.dataClass ?? null;
  if (!found) {
    const result = computeVerdict({ software: null, classifications: [], dataClass, now, dataClassLabels });
    return {
      query: input.q, verdict: result.verdict, match: null, software: null, edition: null, dataClass,
      reasons: verdictReasonsText(result.reasons), conditions: [], alternatives: [], url: null, grant: null, assessment: null,
    };
  }
  const { detail } = found;
  const wanted = input.edition?.toLowerCase();
  const edition =
    (wanted ? detail.editions.find((e) => e.slug === wanted || e.name.toLowerCase() === wanted) : undefined) ??
    detail.editions.find((e) => e.id === found.editionId) ??
    null;
  const result = computeVerdict({
    software: { name: detail.name, editions: detail.editions.map((e) => ({ id: e.id, name: e.name })) },
    classifications: classificationFacts(detail),
    editionId: edition?.id ?? null,
    dataClass,
    grants,
    now,
    dataClassLabels,
  });
  const decision = detail.classifications.find((c) => c.id === result.classificationId);
  const reasons = verdictReasonsText(wanted && !edition ? [{ key: "noSuchEdition", edition: input.edition! }, ...result.reasons] : result.reasons);
  return {
    query: input.q,
    verdict: result.verdict,
    match: found.match,
    software: {
      slug: detail.slug, name: detail.name, vendor: detail.vendor?.name ?? null, kind: detail.kind,
      status: result.status, maxDataClass: result.maxDataClass,
    },
    edition: edition ? { slug: edition.slug, name: edition.name } : null,
    dataClass,
    reasons,
    conditions: result.conditions,
    alternatives: (decision?.alternatives ?? []).map(({ alternative }) => ({
      slug: alternative.slug, name: alternative.name, url: `${baseUrl}/software/${alternative.slug}`,
    })),
    url: `${baseUrl}/software/${detail.slug}`,
    grant: result.grant ? grantAnswer(result.grant, now, baseUrl) : null,
    assessment: assessedRisk(assessments, edition?.id ?? null, detail),
  };
}
