import { currentClassification, decisionsInEffect } from "./verdict";
import type { DataClass, Status } from "./vocabulary";

/** A recorded decision, as the decision form needs it to start from. */
export interface RecordedDecision {
  id: string;
  editionId: string | null;
  status: Status;
  maxDataClass: DataClass | null;
  conditions: string[];
  rationale: string;
  reviewDueOn: string;
  decidedAt: Date;
  confirmationReason: string | null;
  confirmedAt: Date | null;
  decidedBy: { name: string };
  alternatives: { alternative: { id: string; name: string } }[];
}

/** What a new decision's form starts from: the decision in force for its scope. */
export interface DecisionDraft {
  /** The decision it starts from. */
  id: string;
  /** The scope that decision was made for (null: all editions), which may be wider than the form's. */
  editionId: string | null;
  status: Status;
  maxDataClass: DataClass | null;
  /** One per line, as the form takes them. */
  conditions: string;
  rationale: string;
  alternatives: { id: string; name: string }[];
  /** The decision's review date when still ahead; "" when it has passed (a new decision needs a future one). */
  reviewDueOn: string;
  /** The decision's own review date, passed or not. */
  inForceReviewDueOn: string;
  decidedOn: string;
  decidedBy: string;
}

/** The form's key for a scope: an edition's id, or "" for all editions. */
export const scopeKey = (editionId: string | null) => editionId ?? "";

/**
 * For each scope (null: all editions), the decision in force there as a draft, or null when
 * none is: the one the verdict uses (an edition falls back to a decision for all editions), so
 * a reviewer changes what people see rather than retyping it. A decision awaiting a second
 * reviewer is not in force.
 */
export function decisionDrafts(history: RecordedDecision[], scopes: (string | null)[], now: Date): Record<string, DecisionDraft | null> {
  const facts = decisionsInEffect(history);
  const today = now.toISOString().slice(0, 10);
  const drafts: Record<string, DecisionDraft | null> = {};
  for (const scope of scopes) {
    const current = currentClassification(facts, scope, now);
    const row = current ? history.find((c) => c.id === current.id) : undefined;
    drafts[scopeKey(scope)] = row
      ? {
          id: row.id,
          editionId: row.editionId,
          status: row.status,
          maxDataClass: row.maxDataClass,
          conditions: row.conditions.join("\n"),
          rationale: row.rationale,
          alternatives: row.alternatives.map((a) => ({ id: a.alternative.id, name: a.alternative.name })),
          reviewDueOn: row.reviewDueOn > today ? row.reviewDueOn : "",
          inForceReviewDueOn: row.reviewDueOn,
          decidedOn: (row.confirmedAt ?? row.decidedAt).toISOString().slice(0, 10),
          decidedBy: row.decidedBy.name,
        }
      : null;
  }
  return drafts;
}
