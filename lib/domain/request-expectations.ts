/**
 * What a requester is told before sending: the steps their request goes through, how long each
 * may take, and how long decisions typically took. Pure: no database, no framework.
 */
import type { RequestSettings } from "./requests";

/** Decisions taken into account for the typical decision time. */
export const TYPICAL_DECISION_WINDOW_DAYS = 90;

export interface ExpectedStep {
  who: string;
  slaDays: number;
}

/**
 * The steps a new exception request goes through: the manager (unless the requester has none),
 * then security, and a second reviewer for a prohibited tool.
 */
export function expectedSteps(settings: RequestSettings, { hasManager, prohibited }: { hasManager: boolean; prohibited: boolean }): ExpectedStep[] {
  return [
    ...(hasManager ? [{ who: "Your manager", slaDays: settings.managerSlaDays }] : []),
    { who: "Security", slaDays: settings.securitySlaDays },
    ...(prohibited ? [{ who: "A second security reviewer", slaDays: settings.securitySlaDays }] : []),
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

/** A duration as a person says it: "under an hour", "about 5 hours", "about 2 days". */
export function describeDuration(ms: number): string {
  if (ms < HOUR) return "under an hour";
  if (ms < DAY) {
    const hours = Math.round(ms / HOUR);
    return hours === 1 ? "about an hour" : `about ${hours} hours`;
  }
  const days = Math.round(ms / DAY);
  return days === 1 ? "about a day" : `about ${days} days`;
}

/** The typical decision time sentence, from the decision times (ms) of the window. */
export function typicalDecisionTime(durations: readonly number[]): string {
  const middle = median(durations);
  if (middle === null) return "Not enough history yet: no request was decided in the last 90 days.";
  const n = durations.length;
  const said = describeDuration(middle);
  return `${said[0]!.toUpperCase()}${said.slice(1)} (the median of the ${n === 1 ? "1 request" : `${n} requests`} decided in the last ${TYPICAL_DECISION_WINDOW_DAYS} days).`;
}
