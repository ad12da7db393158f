import "server-only";
import { eq, inArray } from "drizzle-orm";
import { config } from "../config";
import type { Tx } from "../db/client";
import { editions, grants, requests, software, users } from "../db/schema";
import { HOLDER_OF, requestPath, type RequestKind, type RequestStatus } from "../domain/requests";
import type { DataClass, Status } from "../domain/vocabulary";
import { classificationChanged, classificationChangedData, grantData, requestDecidedData, type ClassificationState, type EditionRef } from "../domain/webhooks";
import { emitWebhookEvent, emitWebhookEvents } from "./emit";

/**
 * The four events, gathered from the database in the caller's transaction and shaped by the pure
 * payload builders (lib/domain/webhooks.ts). Each reads what it needs only when an endpoint
 * subscribes.
 */

async function editionRef(tx: Tx, editionId: string | null): Promise<EditionRef | null> {
  if (!editionId) return null;
  const [row] = await tx.select({ id: editions.id, slug: editions.slug, name: editions.name }).from(editions).where(eq(editions.id, editionId));
  return row ?? null;
}

/**
 * `classification.changed`, when a decision takes effect (at once, or on a second reviewer's
 * confirmation) and changes the answer for its scope. A proposal awaiting confirmation is not a
 * change; a re-review that keeps status, data class and conditions is not either.
 */
export async function emitClassificationChanged(
  tx: Tx,
  input: {
    decision: { id: string; softwareId: string; editionId: string | null; status: Status; maxDataClass: DataClass | null; conditions: string[]; decidedAt: Date; reviewDueOn: string };
    previous: ClassificationState | null;
    softwareStatusBefore: Status | null;
    effectiveAt: Date;
  },
): Promise<void> {
  const { decision } = input;
  if (!classificationChanged(input.previous, decision)) return;
  await emitWebhookEvent(tx, "classification.changed", input.effectiveAt, async () => {
    const [tool] = await tx.select({ id: software.id, slug: software.slug, name: software.name, status: software.status }).from(software).where(eq(software.id, decision.softwareId));
    return classificationChangedData(
      {
        software: tool!,
        edition: await editionRef(tx, decision.editionId),
        classificationId: decision.id,
        previous: input.previous,
        current: decision,
        softwareStatus: { previous: input.softwareStatusBefore, current: tool!.status },
        decidedAt: decision.decidedAt,
        effectiveAt: input.effectiveAt,
        reviewDueOn: decision.reviewDueOn,
      },
      config().baseUrl,
    );
  });
}

/** `request.decided`: a step of a request decided, whichever way. */
export async function emitRequestDecided(
  tx: Tx,
  input: {
    request: { id: string; number: number; kind: RequestKind; requesterId: string; softwareId: string | null; editionId: string | null; dataClass: DataClass | null; proposedName: string | null };
    previousStatus: RequestStatus;
    status: RequestStatus;
    decision: "approved" | "rejected";
    decidedBy: { id: string; name: string };
    endsOn: string | null;
    grantId: string | null;
    at: Date;
  },
): Promise<void> {
  const step = HOLDER_OF[input.previousStatus];
  if (!step) return;
  await emitWebhookEvent(tx, "request.decided", input.at, async () => {
    const [tool] = input.request.softwareId
      ? await tx.select({ id: software.id, slug: software.slug, name: software.name }).from(software).where(eq(software.id, input.request.softwareId))
      : [];
    const baseUrl = config().baseUrl;
    return requestDecidedData(
      {
        request: input.request,
        step,
        decision: input.decision,
        previousStatus: input.previousStatus,
        status: input.status,
        decidedAt: input.at,
        decidedBy: input.decidedBy,
        software: tool ?? null,
        edition: await editionRef(tx, input.request.editionId),
        endsOn: input.request.kind === "exception" ? input.endsOn : null,
        grantId: input.grantId,
      },
      `${baseUrl}${requestPath(input.request.id)}`,
      baseUrl,
    );
  });
}

/** The grants with their holder, software, edition and request, in one query. */
async function grantFacts(tx: Tx, ids: string[]) {
  return tx
    .select({
      grant: grants,
      person: { id: users.id, email: users.email },
      software: { id: software.id, slug: software.slug, name: software.name },
      edition: { id: editions.id, slug: editions.slug, name: editions.name },
      request: { id: requests.id, number: requests.number },
    })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(software, eq(software.id, grants.softwareId))
    .innerJoin(requests, eq(requests.id, grants.requestId))
    .leftJoin(editions, eq(editions.id, grants.editionId))
    .where(inArray(grants.id, ids));
}

async function emitGrants(tx: Tx, type: "grant.created" | "grant.expired", ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await emitWebhookEvents(tx, type, at, async () => {
    const baseUrl = config().baseUrl;
    return (await grantFacts(tx, ids)).map((row) =>
      grantData(
        {
          grant: { ...row.grant, expiredAt: type === "grant.expired" ? row.grant.expiredAt : undefined },
          person: row.person,
          software: row.software,
          edition: row.edition,
          request: row.request,
        },
        `${baseUrl}${requestPath(row.request.id)}`,
        baseUrl,
      ),
    );
  });
}

/** `grant.created`: an approved exception became a grant. */
export function emitGrantCreated(tx: Tx, grantId: string, at: Date): Promise<void> {
  return emitGrants(tx, "grant.created", [grantId], at);
}

/** `grant.expired`: grants the sweep has just marked ended, one event each. */
export function emitGrantsExpired(tx: Tx, grantIds: string[], at: Date): Promise<void> {
  return emitGrants(tx, "grant.expired", grantIds, at);
}
