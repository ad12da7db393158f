/**
 * What a requester is told before sending: the steps their request goes through, how long each
 * may take, and how long decisions typically took. Pure: no database, no framework.
 */
import type { RequestSettings } from "./requests";

/** Decisions taken into account for the typical decision time. */
export const TYPICAL_DECISION_WINDOW_DAYS = 90;

/** Who decides a step: the requester's manager, security, or a second security reviewer. */
export type StepDecider = "manager" | "security" | "second_reviewer";

export interface ExpectedStep {
  who: StepDecider;
  slaDays: number;
}

/**
 * The steps a new exception request goes through: the manager (unless the requester has none),
 * then security, and a second reviewer for a prohibited tool.
 */
export function expectedSteps(settings: RequestSettings, { hasManager, prohibited }: { hasManager: boolean; prohibited: boolean }): ExpectedStep[] {
  return [
    ...(hasManager ? [{ who: "manager" as const, slaDays: settings.managerSlaDays }] : []),
    { who: "security" as const, slaDays: settings.securitySlaDays },
    ...(prohibited ? [{ who: "second_reviewer" as const, slaDays: settings.securitySlaDays }] : []),
  ];
}

/** The median of some numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A duration as a person says it, rounded: under an hour, about some hours, about some days
 * (the words are the caller's: `requests.context.duration`).
 */
export type RoughDuration = { unit: "underAnHour" } | { unit: "hours" | "days"; count: number };

export function describeDuration(ms: number): RoughDuration {
  if (ms < HOUR) return { unit: "underAnHour" };
  if (ms < DAY) return { unit: "hours", count: Math.round(ms / HOUR) };
  return { unit: "days", count: Math.round(ms / DAY) };
}

/** The typical decision time, from the decision times (ms) of the window: null without history. */
export interface TypicalDecisionTime {
  median: RoughDuration;
  /** Requests decided in the window. */
  decided: number;
  windowDays: number;
}

export function typicalDecisionTime(durations: readonly number[]): TypicalDecisionTime | null {
  const middle = median(durations);
  if (middle === null) return null;
  return { median: describeDuration(middle), decided: durations.length, windowDays: TYPICAL_DECISION_WINDOW_DAYS };
}
