import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema";
import { defineMutation } from "../server/guard";
import { EndMySessionsInput } from "../validation/sessions";

/**
 * Signs the caller out on every device: raises their session version, so every session signed
 * in before (this one, a cookie saved elsewhere) is refused from the next request on
 * (lib/auth/session.ts). Sign-out runs it before clearing the browser's cookie.
 */
export const endMySessions = defineMutation({
  name: "endMySessions",
  action: "sessions.own",
  input: EndMySessionsInput,
  async run({ tx, actor }) {
    const [after] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id))
      .returning({ sessionVersion: users.sessionVersion });
    return {
      result: { sessionVersion: after!.sessionVersion },
      audit: [{ action: "user.signed_out", entityType: "user", entityId: actor.id, before: { sessionVersion: after!.sessionVersion - 1 }, after: { sessionVersion: after!.sessionVersion } }],
    };
  },
});
