/**
 * The app's clock in the end-to-end runs. serve.ts points VETTED_CLOCK_FILE at CLOCK_FILE and
 * starts it at offset 0; lib/clock.ts reads it on every now(), so moving it takes effect at once
 * for pages, mutations and jobs alike — no sleeping.
 *
 * The clock is shared by every test running at that moment (Playwright runs two files side by
 * side): a journey that moves it should put it back (resetClock) when it is done, and tests that
 * move it far belong in a serial describe block.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_PORT } from "./constants";

export const CLOCK_FILE = path.join(os.tmpdir(), "vetted-e2e", `clock-${APP_PORT}.json`);

export function clockOffset(): number {
  try {
    const { offsetMs } = JSON.parse(readFileSync(CLOCK_FILE, "utf8")) as { offsetMs?: unknown };
    return typeof offsetMs === "number" ? offsetMs : 0;
  } catch {
    return 0;
  }
}

export function setClockOffset(offsetMs: number): void {
  mkdirSync(path.dirname(CLOCK_FILE), { recursive: true });
  writeFileSync(CLOCK_FILE, JSON.stringify({ offsetMs }));
}

/** Moves the app's clock forward (or back, with a negative value) by `ms`, on top of earlier moves. */
export function moveClock(ms: number): void {
  setClockOffset(clockOffset() + ms);
}

/** Back to real time. */
export function resetClock(): void {
  setClockOffset(0);
}

export const DAY_MS = 86_400_000;
