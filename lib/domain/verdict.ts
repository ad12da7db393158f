import {
  DATA_CLASSES,
  dataClassRank,
  type DataClass,
  type Status,
  type Verdict,
} from "./vocabulary";

/** A classification decision as the verdict needs it (history included). */
export interface ClassificationFact {
  id: string;
  /** null: applies to every edition. */
  editionId: string | null;
  status: Status;
  /** Highest data class allowed; null for statuses that allow no use. */
  maxDataClass: DataClass | null;
  conditions: string[];
  decidedAt: Date;
}

/**
 * The decisions in effect, as facts for the verdict: one awaiting a second reviewer is left
 * out, and a confirmed one takes effect when it was confirmed.
 */
export function decisionsInEffect(
  rows: { id: string; editionId: string | null; status: Status; maxDataClass: DataClass | null; conditions: string[]; decidedAt: Date; confirmationReason: string | null; confirmedAt: Date | null }[],
): ClassificationFact[] {
  return rows
    .filter((r) => r.confirmationReason === null || r.confirmedAt !== null)
    .map((r) => ({ id: r.id, editionId: r.editionId, status: r.status, maxDataClass: r.maxDataClass, conditions: r.conditions, decidedAt: r.confirmedAt ?? r.decidedAt }));
}

/** An exception grant as the verdict needs it. */
export interface GrantFact {
  editionId: string | null;
  dataClass: DataClass;
  startsAt: Date;
  /** The last day it is valid. */
  endsOn: string;
  /** When it stops: the start of the day after `endsOn`. */
  endsAt: Date;
  revokedAt: Date | null;
  conditions?: string[];
  /** The request that granted it, for linking the holder to it. */
  requestId?: string;
}

export interface VerdictInput {
  /** null when nothing in the catalogue matched. */
  software: { name: string; editions: { id: string; name: string }[] } | null;
  classifications: ClassificationFact[];
  editionId?: string | null;
  /** null: the question is "may I use it at all", answered for the least sensitive class. */
  dataClass?: DataClass | null;
  /** The asking person's grants for this software. */
  grants?: GrantFact[];
  now: Date;
  /** Ignored: the reasons name data classes by key, and are worded (with the company's labels) where they are shown. */
  dataClassLabels?: Record<DataClass, string>;
}

/**
 * Why a verdict is what it is, as a message key and its values (the domain makes no sentences):
 * lib/services/verdict-words.ts words it in the reader's language ("software.reasons.<key>").
 */
export type VerdictReason =
  | { key: "notInCatalogue" | "notClassified" | "prohibited" | "restricted" | "underReview" | "followConditions" }
  | { key: "onlyUpTo"; max: DataClass; asked: DataClass }
  | { key: "withinClasses"; dataClass: DataClass; max: DataClass }
  | { key: "allowedUpTo"; max: DataClass }
  | { key: "heldException"; dataClass: DataClass; endsOn: string }
  | { key: "differsByEdition"; editions: { name: string; status: Status | null }[] }
  | { key: "noSuchEdition"; edition: string };

export interface VerdictResult {
  verdict: Verdict;
  /** The status the verdict rests on; null when unknown or never classified. */
  status: Status | null;
  classificationId: string | null;
  maxDataClass: DataClass | null;
  conditions: string[];
  reasons: VerdictReason[];
  /** The asking person's grant the verdict rests on (allowed_by_exception); null otherwise. */
  grant: GrantFact | null;
}

/** Strictness order, used when editions disagree and no edition was named, and for a bulk check's worst answer. */
export const VERDICT_STRICTNESS: Readonly<Record<Verdict, number>> = {
  allowed: 0,
  allowed_by_exception: 1,
  allowed_with_conditions: 2,
  unknown: 3,
  under_review: 4,
  exception_required: 5,
  prohibited: 6,
};

/**
 * The current classification for an edition (or for "all editions" when editionId is null):
 * the latest decision already in effect that applies to it, edition-specific or general. Two
 * taking effect at the same instant (one import records both) resolve to the edition's own.
 */
export function currentClassification(
  classifications: ClassificationFact[],
  editionId: string | null,
  now: Date,
): ClassificationFact | null {
  let current: ClassificationFact | null = null;
  for (const c of classifications) {
    if (c.decidedAt > now) continue;
    if (c.editionId !== null && c.editionId !== editionId) continue;
    if (!current || c.decidedAt > current.decidedAt) current = c;
    else if (c.decidedAt.getTime() === current.decidedAt.getTime() && current.editionId === null && c.editionId !== null) current = c;
  }
  return current;
}

/** The one answer to "may this person use this software (edition) for this data class?". */
export function computeVerdict(input: VerdictInput): VerdictResult {
  const dataClass = input.dataClass ?? null;
  const software = input.software;

  if (!software) {
    return {
      verdict: "unknown",
      status: null,
      classificationId: null,
      maxDataClass: null,
      conditions: [],
      reasons: [{ key: "notInCatalogue" }],
      grant: null,
    };
  }

  const editionId = input.editionId ?? null;
  if (editionId === null && software.editions.length > 0) {
    const perEdition = software.editions.map((edition) => ({
      edition,
      result: verdictFor(currentClassification(input.classifications, edition.id, input.now), edition.id),
    }));
    const distinct = new Set(perEdition.map((e) => e.result.verdict));
    if (distinct.size > 1) {
      const strictest = perEdition.reduce((a, b) =>
        VERDICT_STRICTNESS[b.result.verdict] > VERDICT_STRICTNESS[a.result.verdict] ? b : a,
      );
      return {
        ...strictest.result,
        reasons: [
          ...strictest.result.reasons,
          { key: "differsByEdition", editions: perEdition.map((e) => ({ name: e.edition.name, status: e.result.status })) },
        ],
      };
    }
    // All editions agree: fall through to the general answer for the first one's classification.
    return perEdition[0]!.result;
  }

  return verdictFor(currentClassification(input.classifications, editionId, input.now), editionId);

  function verdictFor(classification: ClassificationFact | null, forEdition: string | null): VerdictResult {
    const base = classificationVerdict(classification, dataClass);
    const grant = base.verdict === "allowed" || base.verdict === "allowed_with_conditions"
      ? null
      : activeGrant(input.grants ?? [], forEdition, dataClass, input.now);
    if (!grant) return base;
    return {
      ...base,
      verdict: "allowed_by_exception",
      conditions: grant.conditions ?? [],
      grant,
      reasons: [{ key: "heldException", dataClass: grant.dataClass, endsOn: grant.endsOn }, ...base.reasons],
    };
  }
}

function classificationVerdict(
  classification: ClassificationFact | null,
  dataClass: DataClass | null,
): VerdictResult {
  if (!classification) {
    return {
      verdict: "under_review",
      status: null,
      classificationId: null,
      maxDataClass: null,
      conditions: [],
      reasons: [{ key: "notClassified" }],
      grant: null,
    };
  }
  const facts = {
    status: classification.status,
    classificationId: classification.id,
    maxDataClass: classification.maxDataClass,
    conditions: classification.conditions,
    grant: null,
  };
  switch (classification.status) {
    case "prohibited":
      return { ...facts, verdict: "prohibited", reasons: [{ key: "prohibited" }] };
    case "restricted":
      return { ...facts, verdict: "exception_required", reasons: [{ key: "restricted" }] };
    case "under_review":
      return { ...facts, verdict: "under_review", reasons: [{ key: "underReview" }] };
    case "approved":
    case "approved_with_conditions": {
      const max = classification.maxDataClass ?? DATA_CLASSES[0];
      const asked = dataClass ?? DATA_CLASSES[0];
      if (dataClassRank(asked) > dataClassRank(max)) {
        return {
          ...facts,
          verdict: "exception_required",
          reasons: [{ key: "onlyUpTo", max, asked }],
        };
      }
      const scope: VerdictReason = dataClass ? { key: "withinClasses", dataClass, max } : { key: "allowedUpTo", max };
      return classification.status === "approved"
        ? { ...facts, verdict: "allowed", reasons: [scope] }
        : { ...facts, verdict: "allowed_with_conditions", reasons: [scope, { key: "followConditions" }] };
    }
  }
}

function activeGrant(grants: GrantFact[], editionId: string | null, dataClass: DataClass | null, now: Date): GrantFact | null {
  const asked = dataClass ?? DATA_CLASSES[0];
  return (
    grants.find(
      (g) =>
        g.revokedAt === null &&
        g.startsAt <= now &&
        now < g.endsAt &&
        (g.editionId === null || g.editionId === editionId) &&
        dataClassRank(g.dataClass) >= dataClassRank(asked),
    ) ?? null
  );
}
