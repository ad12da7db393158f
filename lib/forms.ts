/** The result of a form submission, shared by server actions and the forms that show it. */
export type ActionState =
  | { status: "idle" }
  /** `revealed`: a secret shown once beside the message (a new API token). `flashed`: the message was also handed to the page's status region (lib/server/flash.ts), which shows it instead of the form. */
  | { status: "ok"; message: string; at: number; flashed?: boolean; revealed?: string }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]>; at: number };

export const IDLE: ActionState = { status: "idle" };

/** The one-shot confirmation cookie: set by a decision's server action, read once and cleared by the page. */
export const FLASH_COOKIE = "vetted_flash";
export const FLASH_SECONDS = 60;

/** The cookie's value: when (ms) and what, so the same words twice are two confirmations. */
export function writeFlash(message: string, at: number): string {
  return `${at}|${message}`;
}

export function readFlash(value: string): { at: number; message: string } | null {
  const match = /^(\d{1,15})\|([\s\S]{1,2000})$/.exec(value);
  return match ? { at: Number(match[1]), message: match[2]! } : null;
}
