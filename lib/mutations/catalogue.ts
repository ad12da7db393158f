import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuditEntry } from "../db/audit";
import type { Tx } from "../db/client";
import { assessments, classificationAlternatives, classifications, editions, identifiers, software, vendors } from "../db/schema";
import { refreshSearchIndex } from "../db/search-index";
import { refreshStatus } from "../db/status";
import { defaultReviewDue } from "../domain/review-due";
import { slugify } from "../domain/slug";
import { isUnchanged } from "../domain/unchanged";
import { secondReviewerRule } from "../domain/four-eyes";
import { currentClassification, decisionsInEffect } from "../domain/verdict";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { assessmentScope } from "../queries/assessments";
import { getSettings } from "../queries/settings";
import { defineMutation } from "../server/guard";
import { emitClassificationChanged } from "../webhooks/events";
import {
  ClassificationInput,
  CreateSoftwareInput,
  EditionInput,
  IdentifierInput,
  RemoveInput,
  SoftwareFields,
  UpdateEditionInput,
  UpdateSoftwareInput,
  UpdateVendorInput,
  VendorInput,
} from "../validation/catalogue";

/** A slug not yet taken: "cursor", then "cursor-2", "cursor-3"… */
async function freeSlug(tx: Tx, name: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  const base = slugify(name) || "item";
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(slug))) return slug;
  }
  throw new Conflict(t("catalogue.errors.noFreeSlug"));
}

async function lockSoftware(tx: Tx, id: string) {
  const [row] = await tx.select().from(software).where(eq(software.id, id)).for("update");
  if (!row) throw new NotFound(t("catalogue.errors.softwareGone"));
  return row;
}

async function assertVendorExists(tx: Tx, vendorId: string | undefined) {
  if (!vendorId) return;
  const [vendor] = await tx.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, vendorId));
  if (!vendor) throw new ValidationFailed(t("catalogue.errors.vendorMissing"), { vendorId: [t("catalogue.errors.chooseExistingVendor")] });
}

async function assertEditionOf(tx: Tx, softwareId: string, editionId: string | undefined) {
  if (!editionId) return;
  const [edition] = await tx
    .select({ id: editions.id })
    .from(editions)
    .where(and(eq(editions.id, editionId), eq(editions.softwareId, softwareId)));
  if (!edition) throw new ValidationFailed(t("catalogue.errors.editionNotOfSoftware"), { editionId: [t("catalogue.errors.chooseOwnEdition")] });
}

function softwareColumns(input: z.output<typeof SoftwareFields>) {
  return {
    name: input.name,
    vendorId: input.vendorId ?? null,
    kind: input.kind,
    category: input.category,
    description: input.description,
    homepage: input.homepage ?? null,
    owner: input.owner ?? null,
  };
}

export const createVendor = defineMutation({
  name: "createVendor",
  action: "catalogue.write",
  input: VendorInput,
  async run({ tx, input }) {
    const [clash] = await tx.select({ id: vendors.id }).from(vendors).where(sql`lower(${vendors.name}) = lower(${input.name})`);
    if (clash) throw new Conflict(t("catalogue.errors.vendorNameTaken"), { name: [t("catalogue.errors.vendorNameTaken")] });
    const slug = await freeSlug(tx, input.name, async (s) => (await tx.select().from(vendors).where(eq(vendors.slug, s))).length > 0);
    const [vendor] = await tx.insert(vendors).values({ name: input.name, slug, website: input.website ?? null }).returning();
    return { result: vendor!, audit: [{ action: "vendor.created", entityType: "vendor", entityId: vendor!.id, after: vendor }] };
  },
});

export const updateVendor = defineMutation({
  name: "updateVendor",
  action: "catalogue.write",
  input: UpdateVendorInput,
  async run({ tx, input, now }) {
    // Saved unchanged: a no-op, decided before taking the row lock (a lock counts as a write).
    const [current] = await tx.select().from(vendors).where(eq(vendors.id, input.id));
    const { id: _id, ...wanted } = input;
    if (current && isUnchanged(current, wanted)) return { result: current, audit: [] };
    const [before] = await tx.select().from(vendors).where(eq(vendors.id, input.id)).for("update");
    if (!before) throw new NotFound(t("catalogue.errors.vendorGone"));
    const [clash] = await tx
      .select({ id: vendors.id })
      .from(vendors)
      .where(and(sql`lower(${vendors.name}) = lower(${input.name})`, ne(vendors.id, input.id)));
    if (clash) throw new Conflict(t("catalogue.errors.vendorNameTaken"), { name: [t("catalogue.errors.vendorNameTaken")] });
    const [after] = await tx
      .update(vendors)
      .set({
        name: input.name,
        website: input.website ?? null,
        certifications: input.certifications,
        dpa: input.dpa,
        dataResidency: input.dataResidency,
        subprocessors: input.subprocessors,
        updatedAt: now,
      })
      .where(eq(vendors.id, input.id))
      .returning();
    const affected = await tx.select({ id: software.id }).from(software).where(eq(software.vendorId, input.id));
    await refreshSearchIndex(tx, affected.map((s) => s.id));
    return { result: after!, audit: [{ action: "vendor.updated", entityType: "vendor", entityId: input.id, before, after }] };
  },
});

export const createSoftware = defineMutation({
  name: "createSoftware",
  action: "catalogue.write",
  input: CreateSoftwareInput,
  async run({ tx, input }) {
    await assertVendorExists(tx, input.vendorId);
    const taken = async (s: string) => (await tx.select({ id: software.id }).from(software).where(eq(software.slug, s))).length > 0;
    if (input.slug && (await taken(input.slug))) throw new Conflict(t("catalogue.errors.slugTaken", { slug: input.slug }), { slug: [t("catalogue.errors.slugTakenField")] });
    const slug = input.slug ?? (await freeSlug(tx, input.name, taken));
    const [created] = await tx
      .insert(software)
      .values({
        slug,
        ...softwareColumns(input),
      })
      .returning();
    await refreshSearchIndex(tx, [created!.id]);
    return {
      result: created!,
      audit: [{ action: "software.created", entityType: "software", entityId: created!.id, softwareId: created!.id, after: publicFields(created!) }],
    };
  },
});

export const updateSoftware = defineMutation({
  name: "updateSoftware",
  action: "catalogue.write",
  input: UpdateSoftwareInput,
  async run({ tx, input, now }) {
    // Saved unchanged (and nobody changed it since): a no-op, decided before taking the row lock.
    const [current] = await tx.select().from(software).where(eq(software.id, input.id));
    if (current && current.updatedAt.toISOString() === input.expectedUpdatedAt && isUnchanged(current, softwareColumns(input))) return { result: current, audit: [] };
    const before = await lockSoftware(tx, input.id);
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) {
      throw new Conflict(t("catalogue.errors.editedMeanwhile"));
    }
    await assertVendorExists(tx, input.vendorId);
    const [after] = await tx
      .update(software)
      .set({
        ...softwareColumns(input),
        updatedAt: now,
      })
      .where(eq(software.id, input.id))
      .returning();
    await refreshSearchIndex(tx, [input.id]);
    return {
      result: after!,
      audit: [{ action: "software.updated", entityType: "software", entityId: input.id, softwareId: input.id, before: publicFields(before), after: publicFields(after!) }],
    };
  },
});

export const addEdition = defineMutation({
  name: "addEdition",
  action: "catalogue.write",
  input: EditionInput,
  async run({ tx, input, now }) {
    await lockSoftware(tx, input.softwareId);
    const slug = input.slug ?? slugify(input.name);
    if (!slug) throw new ValidationFailed(t("catalogue.errors.editionNeedsLetters"), { name: [t("catalogue.errors.useLetters")] });
    const [clash] = await tx
      .select({ id: editions.id })
      .from(editions)
      .where(and(eq(editions.softwareId, input.softwareId), eq(editions.slug, slug)));
    if (clash) throw new Conflict(t("catalogue.errors.editionExists"), { name: [t("catalogue.errors.editionExists")] });
    const [edition] = await tx.insert(editions).values({ softwareId: input.softwareId, name: input.name, description: input.description, slug }).returning();
    await refreshSearchIndex(tx, [input.softwareId]);
    await refreshStatus(tx, input.softwareId, now);
    return { result: edition!, audit: [{ action: "edition.created", entityType: "edition", entityId: edition!.id, softwareId: input.softwareId, after: edition }] };
  },
});

/** Renames or redescribes an edition; its slug stays, so links and API queries keep working. */
export const updateEdition = defineMutation({
  name: "updateEdition",
  action: "catalogue.write",
  input: UpdateEditionInput,
  async run({ tx, input }) {
    // Saved unchanged: a no-op, decided before taking the row lock (a lock counts as a write).
    const [current] = await tx.select().from(editions).where(eq(editions.id, input.id));
    if (current && isUnchanged(current, { name: input.name, description: input.description })) return { result: current, audit: [] };
    const [before] = await tx.select().from(editions).where(eq(editions.id, input.id)).for("update");
    if (!before) throw new NotFound(t("catalogue.errors.editionGone"));
    const siblings = await tx
      .select({ name: editions.name, slug: editions.slug })
      .from(editions)
      .where(and(eq(editions.softwareId, before.softwareId), ne(editions.id, input.id)));
    const wanted = slugify(input.name);
    if (siblings.some((e) => e.slug === wanted || slugify(e.name) === wanted)) {
      throw new Conflict(t("catalogue.errors.editionExists"), { name: [t("catalogue.errors.editionExists")] });
    }
    const [after] = await tx.update(editions).set({ name: input.name, description: input.description }).where(eq(editions.id, input.id)).returning();
    await refreshSearchIndex(tx, [before.softwareId]);
    return { result: after!, audit: [{ action: "edition.updated", entityType: "edition", entityId: input.id, softwareId: before.softwareId, before, after }] };
  },
});

export const removeEdition = defineMutation({
  name: "removeEdition",
  action: "catalogue.write",
  input: RemoveInput,
  async run({ tx, input, now }) {
    const [edition] = await tx.select().from(editions).where(eq(editions.id, input.id));
    if (!edition) throw new NotFound(t("catalogue.errors.editionGone"));
    await lockSoftware(tx, edition.softwareId);
    const [decided] = await tx.select({ id: classifications.id }).from(classifications).where(eq(classifications.editionId, input.id)).limit(1);
    // Deleting it would delete its classification history.
    if (decided) throw new Conflict(t("catalogue.errors.editionHasDecisions"));
    await tx.delete(editions).where(eq(editions.id, input.id));
    await refreshSearchIndex(tx, [edition.softwareId]);
    await refreshStatus(tx, edition.softwareId, now);
    return { result: edition, audit: [{ action: "edition.removed", entityType: "edition", entityId: edition.id, softwareId: edition.softwareId, before: edition }] };
  },
});

export const addIdentifier = defineMutation({
  name: "addIdentifier",
  action: "catalogue.write",
  input: IdentifierInput,
  async run({ tx, input }) {
    await lockSoftware(tx, input.softwareId);
    await assertEditionOf(tx, input.softwareId, input.editionId);
    const [owner] = await tx
      .select({ name: software.name })
      .from(identifiers)
      .innerJoin(software, eq(software.id, identifiers.softwareId))
      .where(and(eq(identifiers.type, input.type), eq(identifiers.value, input.value)));
    if (owner) throw new Conflict(t("catalogue.errors.identifierTaken", { name: owner.name }), { value: [t("catalogue.errors.identifierTaken", { name: owner.name })] });
    const [identifier] = await tx
      .insert(identifiers)
      .values({ softwareId: input.softwareId, editionId: input.editionId ?? null, type: input.type, value: input.value })
      .returning();
    await refreshSearchIndex(tx, [input.softwareId]);
    return { result: identifier!, audit: [{ action: "identifier.added", entityType: "identifier", entityId: identifier!.id, softwareId: input.softwareId, after: identifier }] };
  },
});

export const removeIdentifier = defineMutation({
  name: "removeIdentifier",
  action: "catalogue.write",
  input: RemoveInput,
  async run({ tx, input }) {
    const [identifier] = await tx.delete(identifiers).where(eq(identifiers.id, input.id)).returning();
    if (!identifier) throw new NotFound(t("catalogue.errors.identifierGone"));
    await refreshSearchIndex(tx, [identifier.softwareId]);
    return { result: identifier, audit: [{ action: "identifier.removed", entityType: "identifier", entityId: identifier.id, softwareId: identifier.softwareId, before: identifier }] };
  },
});

/** The completed assessment a decision cites: the one named, or the latest for its scope. */
async function assessmentForDecision(tx: Tx, softwareId: string, editionId: string | null, assessmentId: string | undefined) {
  const completed = eq(assessments.status, "completed");
  if (assessmentId) {
    const [named] = await tx.select().from(assessments).where(and(eq(assessments.softwareId, softwareId), completed, eq(assessments.id, assessmentId)));
    if (!named) throw new ValidationFailed(t("catalogue.errors.citeCompleted"), { assessmentId: [t("catalogue.errors.citeCompleted")] });
    return named;
  }
  const [latest] = await tx
    .select()
    .from(assessments)
    .where(and(assessmentScope(softwareId, editionId), completed))
    .orderBy(desc(assessments.completedAt))
    .limit(1);
  return latest ?? null;
}

export const recordClassification = defineMutation({
  name: "recordClassification",
  action: "classification.decide",
  input: ClassificationInput,
  run: ({ tx, actor, input, now }) => recordDecision(tx, actor, input, now),
});

/**
 * The rules of a decision, shared by the form and the catalogue import: the edition is the
 * software's, alternatives exist, no decision for the scope awaits a second reviewer, and the
 * four-eyes rule decides whether it takes effect now. An import carries a decision over as it
 * was, so it may keep a review date that has passed (`keepPastReviewDate`), and it records
 * only what takes effect at once (`refuseSecondReviewer`: a loosening is refused, not proposed).
 */
export async function recordDecision(
  tx: Tx,
  actor: { id: string },
  input: z.output<typeof ClassificationInput>,
  now: Date,
  options: { keepPastReviewDate?: boolean; refuseSecondReviewer?: boolean; reason?: string } = {},
) {
  const target = await lockSoftware(tx, input.softwareId);
  await assertEditionOf(tx, input.softwareId, input.editionId);
  if (input.alternatives.length > 0) {
    const found = await tx.select({ id: software.id }).from(software).where(sql`${software.id} IN ${input.alternatives}`);
    if (found.length !== new Set(input.alternatives).size) {
      throw new ValidationFailed(t("catalogue.errors.alternativeMissing"), { alternatives: [t("catalogue.errors.chooseExistingSoftware")] });
    }
  }
  const today = now.toISOString().slice(0, 10);
  if (input.reviewDueOn && input.reviewDueOn <= today && !options.keepPastReviewDate) {
    throw new ValidationFailed(t("catalogue.errors.reviewDueFuture"), { reviewDueOn: [t("catalogue.errors.chooseAfterToday")] });
  }
  const scope = input.editionId ?? null;
  const history = await tx.select().from(classifications).where(eq(classifications.softwareId, input.softwareId));
  const pending = history.find((c) => c.confirmationReason !== null && c.confirmedAt === null && c.editionId === scope);
  if (pending) throw new Conflict(t("catalogue.errors.pendingForScope"));
  const current = currentClassification(decisionsInEffect(history), scope, now);
  const assessment = await assessmentForDecision(tx, input.softwareId, scope, input.assessmentId);
  const fourEyes = secondReviewerRule(current, { status: input.status, maxDataClass: input.maxDataClass }, assessment?.inherentTier ?? null);
  if (fourEyes.required && options.refuseSecondReviewer) throw new Conflict(t("catalogue.errors.needsSecondReviewer", { reason: fourEyes.reason ?? "" }));
  const { reviewIntervalMonths } = await getSettings(tx);
  const [decision] = await tx
    .insert(classifications)
    .values({
      softwareId: input.softwareId,
      editionId: scope,
      status: input.status,
      maxDataClass: input.maxDataClass,
      conditions: input.conditions,
      rationale: input.rationale,
      decidedById: actor.id,
      decidedAt: now,
      reviewDueOn: input.reviewDueOn ?? defaultReviewDue(input.status, now, reviewIntervalMonths),
      assessmentId: assessment?.id ?? null,
      confirmationReason: fourEyes.reason,
    })
    .returning();
  const alternatives = [...new Set(input.alternatives)];
  if (alternatives.length > 0) {
    await tx.insert(classificationAlternatives).values(alternatives.map((alternativeId) => ({ classificationId: decision!.id, alternativeId })));
  }
  await refreshStatus(tx, input.softwareId, now);
  // A proposal awaiting a second reviewer changes nothing yet: its confirmation emits the event.
  if (!fourEyes.required) await emitClassificationChanged(tx, { decision: decision!, previous: current, softwareStatusBefore: target.status, effectiveAt: now });
  return {
    result: decision!,
    audit: [
      {
        action: fourEyes.required ? "classification.proposed" : "classification.decided",
        entityType: "classification",
        entityId: decision!.id,
        softwareId: input.softwareId,
        before: { status: target.status },
        after: { ...decision, alternatives },
        reason: options.reason ?? input.rationale,
      },
    ] satisfies AuditEntry[],
  };
}

/** A second, different reviewer confirms a pending decision; it takes effect now. */
export const confirmClassification = defineMutation({
  name: "confirmClassification",
  action: "classification.decide",
  input: RemoveInput,
  async run({ tx, actor, input, now }) {
    const [decision] = await tx.select().from(classifications).where(eq(classifications.id, input.id)).for("update");
    if (!decision) throw new NotFound(t("catalogue.errors.decisionGone"));
    if (decision.confirmationReason === null || decision.confirmedAt !== null) throw new Conflict(t("catalogue.errors.alreadyInEffect"));
    if (decision.decidedById === actor.id) throw new Forbidden(t("catalogue.errors.differentReviewer"));
    const target = await lockSoftware(tx, decision.softwareId);
    // What was in effect for its scope until now (this decision, unconfirmed, was not).
    const history = await tx.select().from(classifications).where(eq(classifications.softwareId, decision.softwareId));
    const previous = currentClassification(decisionsInEffect(history), decision.editionId, now);
    const [confirmed] = await tx
      .update(classifications)
      .set({ confirmedById: actor.id, confirmedAt: now })
      .where(eq(classifications.id, input.id))
      .returning();
    await refreshStatus(tx, decision.softwareId, now);
    await emitClassificationChanged(tx, { decision: confirmed!, previous, softwareStatusBefore: target.status, effectiveAt: now });
    return {
      result: confirmed!,
      audit: [{ action: "classification.confirmed", entityType: "classification", entityId: input.id, softwareId: decision.softwareId, before: { confirmedAt: null }, after: { confirmedAt: now, confirmedById: actor.id }, reason: decision.confirmationReason }],
    };
  },
});

function publicFields(row: typeof software.$inferSelect) {
  // Derived search columns are noise in the audit trail.
  const { searchText, searchVector, ...rest } = row;
  return rest;
}
