/** The result of a form submission, shared by server actions and the forms that show it. */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string; at: number }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]>; at: number };

export const IDLE: ActionState = { status: "idle" };
