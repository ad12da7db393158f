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
