import { z } from "zod";

/** Ending one's own sessions takes nothing but the session itself. */
export const EndMySessionsInput = z.object({});
