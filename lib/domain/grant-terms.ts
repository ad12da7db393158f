/**
 * What a grant holder is told about their exception: its terms while it is in force, and how
 * it ended once it has. Pure: no database, no framework.
 */
import type { GrantFact } from "./verdict";
import { dataClassRank, type DataClass } from "./vocabulary";

const DAY = 86_400_000;

/** The terms of a grant in force, as its holder reads them. */
export interface GrantTerms {
  dataClass: DataClass;
  conditions: string[];
  /** The last day it is valid (YYYY-MM-DD). */
  endsOn: string;
  /** Whole days after today until the last day: 0 on the last day itself. */
  daysLeft: number;
  requestId: string | null;
}

/** Whole calendar days (UTC) from `now`'s day to `endsOn`; 0 on the last day, never negative. */
export function daysLeft(endsOn: string, now: Date): number {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.max(0, Math.round((Date.parse(`${endsOn}T00:00:00Z`) - today) / DAY));
}

export function grantTerms(grant: GrantFact, now: Date): GrantTerms {
  return {
    dataClass: grant.dataClass,
    conditions: grant.conditions ?? [],
    endsOn: grant.endsOn,
    daysLeft: daysLeft(grant.endsOn, now),
    requestId: grant.requestId ?? null,
  };
}

/** Where a grant stands: in force, not yet started, revoked, or expired (with the day it happened). */
export type GrantState =
  | { state: "active" }
  | { state: "not_started" }
  | { state: "revoked"; on: string }
  | { state: "expired"; on: string };

/**
 * A revocation counts from when it was made; an expiry from the start of the day after the
 * last day (a grant valid through 31 March expires on 1 April).
 */
export function grantState(grant: { startsAt: Date; endsAt: Date; revokedAt: Date | null }, now: Date): GrantState {
  if (grant.revokedAt && grant.revokedAt <= now) return { state: "revoked", on: grant.revokedAt.toISOString().slice(0, 10) };
  if (grant.endsAt <= now) return { state: "expired", on: grant.endsAt.toISOString().slice(0, 10) };
  if (grant.startsAt > now) return { state: "not_started" };
  return { state: "active" };
}

/**
 * The status a request's page leads with: an approved exception whose grant has ended says how
 * ("Revoked on …", "Expired on …", `requests.detail.ended.<state>`) rather than "Approved".
 * Null: its own status stands.
 */
export function endedGrant(grant: { startsAt: Date; endsAt: Date; revokedAt: Date | null } | null, now: Date): Extract<GrantState, { on: string }> | null {
  if (!grant) return null;
  const state = grantState(grant, now);
  return state.state === "revoked" || state.state === "expired" ? state : null;
}

/**
 * The grant a list or search result shows its holder, among their unended grants for one tool:
 * one in force, the one covering the most sensitive data, then the one lasting longest.
 */
export function grantToShow(grants: readonly GrantFact[], now: Date): GrantFact | null {
  const inForce = grants.filter((g) => g.revokedAt === null && g.startsAt <= now && now < g.endsAt);
  return inForce.reduce<GrantFact | null>((best, g) => {
    if (!best) return g;
    const rank = dataClassRank(g.dataClass) - dataClassRank(best.dataClass);
    return rank > 0 || (rank === 0 && g.endsAt > best.endsAt) ? g : best;
  }, null);
}
