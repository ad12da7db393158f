/**
 * A tool's risk in one line, for lists where a decision is made (the manager's inbox): the
 * assessed tier and the dimensions that carry the risk. Pure: no database, no framework.
 */
import { DIMENSION_LABELS, levelRank, type Dimension, type Level, type RiskResult } from "./assessment";

export interface MainRisk {
  dimension: Dimension;
  label: string;
  level: Level;
}

/**
 * The dimensions at medium risk or worse, most severe first (ties in the questionnaire's order),
 * at most `max`. Low risks are not "main" risks: a tool with none has an empty list.
 */
export function mainRisks(result: Pick<RiskResult, "dimensions">, max = 3): MainRisk[] {
  return result.dimensions
    .map((d, index) => ({ dimension: d.dimension, level: d.level, index }))
    .filter((d) => levelRank(d.level) >= levelRank("medium"))
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.index - b.index)
    .slice(0, max)
    .map(({ dimension, level }) => ({ dimension, label: DIMENSION_LABELS[dimension], level }));
}

/**
 * Which completed assessment speaks for a request's tool: the one of the edition asked about,
 * else the one of all editions, else (no edition asked) the most severe of any edition's.
 */
export function assessmentFor<A extends { editionId: string | null; inherentTier: Level }>(assessments: A[], editionId: string | null): A | null {
  const exact = editionId ? assessments.find((a) => a.editionId === editionId) : undefined;
  if (exact) return exact;
  const whole = assessments.find((a) => a.editionId === null);
  if (whole) return whole;
  if (editionId) return null;
  return [...assessments].sort((a, b) => levelRank(b.inherentTier) - levelRank(a.inherentTier))[0] ?? null;
}
