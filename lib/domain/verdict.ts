import {
  DATA_CLASSES,
  DEFAULT_DATA_CLASS_LABELS,
  STATUS_LABELS,
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
  dataClassLabels?: Record<DataClass, string>;
}

export interface VerdictResult {
  verdict: Verdict;
  /** The status the verdict rests on; null when unknown or never classified. */
  status: Status | null;
  classificationId: string | null;
  maxDataClass: DataClass | null;
  conditions: string[];
  reasons: string[];
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
  const labels = input.dataClassLabels ?? DEFAULT_DATA_CLASS_LABELS;
  const dataClass = input.dataClass ?? null;
  const software = input.software;

  if (!software) {
    return {
      verdict: "unknown",
      status: null,
      classificationId: null,
      maxDataClass: null,
      conditions: [],
      reasons: ["Not in the catalogue: nobody has assessed it. Do not use it for company data until it is reviewed."],
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
      const summary = perEdition
        .map((e) => `${e.edition.name}: ${statusLabelOrNone(e.result.status)}`)
        .join("; ");
      return {
        ...strictest.result,
        reasons: [
          ...strictest.result.reasons,
          `The answer differs by edition (${summary}); this is the strictest. Name the edition for a precise answer.`,
        ],
      };
    }
    // All editions agree: fall through to the general answer for the first one's classification.
    return perEdition[0]!.result;
  }

  return verdictFor(currentClassification(input.classifications, editionId, input.now), editionId);

  function verdictFor(classification: ClassificationFact | null, forEdition: string | null): VerdictResult {
    const base = classificationVerdict(classification, dataClass, labels);
    const grant = base.verdict === "allowed" || base.verdict === "allowed_with_conditions"
      ? null
      : activeGrant(input.grants ?? [], forEdition, dataClass, input.now);
    if (!grant) return base;
    return {
      ...base,
      verdict: "allowed_by_exception",
      conditions: grant.conditions ?? [],
      grant,
      reasons: [
        `You hold an exception for ${labels[grant.dataClass]} data, valid through ${grant.endsOn}.`,
        ...base.reasons,
      ],
    };
  }
}

function statusLabelOrNone(status: Status | null): string {
  return status ? STATUS_LABELS[status] : "not yet classified";
}

function classificationVerdict(
  classification: ClassificationFact | null,
  dataClass: DataClass | null,
  labels: Record<DataClass, string>,
): VerdictResult {
  if (!classification) {
    return {
      verdict: "under_review",
      status: null,
      classificationId: null,
      maxDataClass: null,
      conditions: [],
      reasons: ["In the catalogue but not yet classified: treat it as not allowed yet."],
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
      return { ...facts, verdict: "prohibited", reasons: ["Prohibited for any data class."] };
    case "restricted":
      return { ...facts, verdict: "exception_required", reasons: ["Restricted: an approved exception is required for any data class."] };
    case "under_review":
      return { ...facts, verdict: "under_review", reasons: ["Under review: treat it as not allowed until the assessment is decided."] };
    case "approved":
    case "approved_with_conditions": {
      const max = classification.maxDataClass ?? DATA_CLASSES[0];
      const asked = dataClass ?? DATA_CLASSES[0];
      if (dataClassRank(asked) > dataClassRank(max)) {
        return {
          ...facts,
          verdict: "exception_required",
          reasons: [`Allowed only up to ${labels[max]} data; ${labels[asked]} data needs an approved exception.`],
        };
      }
      const scope = dataClass
        ? `${labels[dataClass]} data is within the allowed classes (up to ${labels[max]}).`
        : `Allowed for data up to ${labels[max]}.`;
      return classification.status === "approved"
        ? { ...facts, verdict: "allowed", reasons: [scope] }
        : { ...facts, verdict: "allowed_with_conditions", reasons: [scope, "Follow the conditions listed."] };
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
