import { currentClassification, type ClassificationFact } from "./verdict";
import { PERMITTING_STATUSES, dataClassRank, type DataClass, type Status } from "./vocabulary";

export interface EditionRef {
  id: string;
  name: string;
}

/** One edition's current answer, as a headline lists it. */
export interface EditionStatus<E extends EditionRef = EditionRef> {
  edition: E;
  /** null: this edition is not yet classified. */
  status: Status | null;
}

/**
 * What a list, a search result or a badge shows for a software: one status when its editions
 * are classified alike, otherwise each edition's status, led by the edition the company provides.
 */
export type Headline<E extends EditionRef = EditionRef> =
  | { kind: "uniform"; status: Status | null }
  | { kind: "depends_on_edition"; editions: EditionStatus<E>[] };

/**
 * Most permissive first. The schema has no "company edition" flag; the edition the company
 * provides is the one it approved most widely, so leading with the most permissive puts it first.
 */
const PERMISSIVENESS: Readonly<Record<Status | "unclassified", number>> = {
  approved: 0,
  approved_with_conditions: 1,
  under_review: 2,
  unclassified: 3,
  restricted: 4,
  prohibited: 5,
};

/** The headline for a software from its decisions in effect (see decisionsInEffect). */
export function computeHeadline<E extends EditionRef>(
  editions: E[],
  classifications: ClassificationFact[],
  now: Date,
): Headline<E> {
  if (editions.length === 0) {
    return { kind: "uniform", status: currentClassification(classifications, null, now)?.status ?? null };
  }
  const perEdition = editions.map((edition) => {
    const current = currentClassification(classifications, edition.id, now);
    return { edition, status: current?.status ?? null, maxDataClass: current?.maxDataClass ?? null };
  });
  if (new Set(perEdition.map((e) => e.status)).size === 1) return { kind: "uniform", status: perEdition[0]!.status };
  const ordered = perEdition
    .map((e, index) => ({ ...e, index }))
    .sort(
      (a, b) =>
        PERMISSIVENESS[a.status ?? "unclassified"] - PERMISSIVENESS[b.status ?? "unclassified"] ||
        rankOf(b.maxDataClass) - rankOf(a.maxDataClass) ||
        a.index - b.index,
    );
  return { kind: "depends_on_edition", editions: ordered.map(({ edition, status }) => ({ edition, status })) };
}

function rankOf(dataClass: DataClass | null): number {
  return dataClass ? dataClassRank(dataClass) : -1;
}

/**
 * The one status a filter and the stored column use: the uniform status, or the status of the
 * edition the headline leads with (the company's), never the strictest edition's.
 */
export function headlineLeadStatus(headline: Headline): Status | null {
  return headline.kind === "uniform" ? headline.status : (headline.editions[0]?.status ?? null);
}

/** Each edition's name and status when they differ, the company's first; null when they agree. */
export function headlineByEdition(headline: Headline): { name: string; status: Status | null }[] | null {
  return headline.kind === "uniform" ? null : headline.editions.map((e) => ({ name: e.edition.name, status: e.status }));
}

/**
 * The edition to send someone to when this software is named as an approved alternative: the
 * one the headline leads with, when editions differ and it permits use; null when every
 * edition has the same answer (the page as a whole is the answer).
 */
export function approvedEdition<E extends EditionRef>(headline: Headline<E>): E | null {
  if (headline.kind === "uniform") return null;
  const lead = headline.editions[0];
  return lead?.status && PERMITTING_STATUSES.includes(lead.status) ? lead.edition : null;
}
