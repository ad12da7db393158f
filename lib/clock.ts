import "server-only";
import { readFileSync } from "node:fs";
import { config } from "./config";

/**
 * Now, as the app sees it. In production this is the system clock. End-to-end tests move time
 * forward (a grant's end, a step's due date) by writing an offset to VETTED_CLOCK_FILE instead
 * of sleeping; every process that reads the file (app, jobs) agrees on the time.
 */
export function now(): Date {
  const file = config().clockFile;
  if (!file) return new Date();
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, "utf8")) as { offsetMs?: unknown };
    return new Date(Date.now() + (typeof offsetMs === "number" && Number.isFinite(offsetMs) ? offsetMs : 0));
  } catch {
    return new Date();
  }
}

export function today(): string {
  return now().toISOString().slice(0, 10);
}
