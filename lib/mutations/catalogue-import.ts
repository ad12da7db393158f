import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TokenPrincipal } from "../auth/api-tokens";
import type { Tx } from "../db/client";
import { vendors } from "../db/schema";
import { withDeferredSearchIndex } from "../db/search-index";
import {
  TransferFileError,
  planImport,
  readTransferFile,
  type ImportPlan,
  type ImportSnapshot,
  type ImportWork,
  type TransferFormat,
} from "../domain/catalogue-transfer";
import { Unprocessable, ValidationFailed } from "../errors";
import { t, tr } from "../i18n/translate";
import { loadImportSnapshot } from "../queries/catalogue-transfer";
import { defineMutation, type MutationContext } from "../server/guard";
import { ClassificationInput } from "../validation/catalogue";
import { transferWord, validateImportRecords, type ImportPlanResponse } from "../validation/catalogue-transfer";
import { addEdition, addIdentifier, createSoftware, createVendor, recordDecision, removeIdentifier, updateEdition, updateSoftware, updateVendor } from "./catalogue";

/** The file, as the API received it: the format is read from the content type and the bytes. */
export const ImportFileInput = z.object({
  file: z.instanceof(Uint8Array, tr("catalogue.transfer.bodyMustBeFile")),
  contentType: z.string().max(200).default(""),
});

export type ImportAnswer = z.infer<typeof ImportPlanResponse>;

/** Two imports at once would plan against each other's unfinished work: one at a time. */
const IMPORT_LOCK_KEY = 727_101;

/** The plan of an import, from the file and the catalogue as this transaction sees it. */
async function planFile(tx: Tx, input: z.output<typeof ImportFileInput>, token: TokenPrincipal | null, now: Date): Promise<{ format: TransferFormat; plan: ImportPlan; snapshot: ImportSnapshot }> {
  let read;
  try {
    read = readTransferFile(input.file, input.contentType, transferWord);
  } catch (error) {
    if (error instanceof TransferFileError && error.encoding) {
      const message = t(error.encoding.key, error.encoding.values);
      throw new ValidationFailed(message, { file: [message] });
    }
    if (error instanceof TransferFileError) throw new ValidationFailed(error.message, error.fields);
    throw error;
  }
  const records = validateImportRecords(read.records);
  const snapshot = await loadImportSnapshot(tx, records);
  return { format: read.format, plan: planImport(records, snapshot, { mayDecide: token === null, now, word: transferWord }), snapshot };
}

function answer(plan: ImportPlan, format: TransferFormat, mode: ImportAnswer["mode"], applied: boolean): ImportAnswer {
  return { mode, applied, format, summary: plan.summary, rows: plan.rows };
}

/** The dry run: the plan, row by row, from a read-only transaction (apiMutation's dryRun). */
export async function previewCatalogueImport(ctx: { tx: Tx; token: TokenPrincipal | null; input: z.output<typeof ImportFileInput>; now: Date }): Promise<ImportAnswer> {
  const { format, plan } = await planFile(ctx.tx, ctx.input, ctx.token, ctx.now);
  return answer(plan, format, "dry-run", false);
}

/**
 * Applies an import: the plan is made again inside this transaction; if any row is rejected
 * nothing is written (422 with the plan), otherwise every row is carried out by the
 * catalogue's own mutations (their rules, their audit events) and a summary event names the import.
 */
export const importCatalogue = defineMutation({
  name: "importCatalogue",
  action: "catalogue.import",
  input: ImportFileInput,
  async run(ctx) {
    const { tx, token, input, now } = ctx;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
    const { format, plan, snapshot } = await planFile(tx, input, token, now);
    if (plan.summary.reject > 0) {
      const { reject, total } = plan.summary;
      throw new Unprocessable(t("catalogue.transfer.rejected", { reject, total }), answer(plan, format, "apply", false));
    }
    await withDeferredSearchIndex(tx, () => carryOut(ctx, plan.work, snapshot));
    const audit = [{
      action: "catalogue.imported",
      entityType: "catalogue_import",
      entityId: randomUUID(),
      after: {
        format,
        bytes: input.file.byteLength,
        sha256: createHash("sha256").update(input.file).digest("hex"),
        summary: plan.summary,
        rows: plan.rows.filter((r) => r.action !== "unchanged").map((r) => ({ row: r.row, slug: r.slug, action: r.action })),
        ...(token ? { token: { id: token.id, name: token.name, prefix: token.prefix } } : {}),
      },
      reason: `Catalogue import (${format}): ${plan.summary.create} created, ${plan.summary.update} updated, ${plan.summary.unchanged} unchanged.`,
    }];
    return { result: answer(plan, format, "apply", true), audit };
  },
});

/**
 * A decision carried over by an import, as it was: it may keep a review date that has passed,
 * and it records only what takes effect at once (a loosening that needs a second reviewer is
 * refused, not proposed). Only through an import (ctx.run), authorised as classification.decide:
 * a reviewer's, never a token's.
 */
const recordImportedDecision = defineMutation({
  name: "recordImportedDecision",
  action: "classification.decide",
  input: z.object({ decision: ClassificationInput, kept: z.boolean() }),
  async run({ tx, actor, input, now }) {
    const { decision, kept } = input;
    return recordDecision(tx, actor, decision, now, {
      keepPastReviewDate: true,
      refuseSecondReviewer: true,
      reason: kept ? `${decision.rationale}\n(Recorded again by an import so that it keeps applying after a new decision for all editions.)` : undefined,
    });
  },
});

/**
 * Every change of the plan, by the catalogue's own mutations, each authorised for the importer
 * (their role, or their token's scopes) by ctx.run, in dependency order: vendors, software,
 * editions, identifiers, then decisions (whose alternatives may be rows created by the same file).
 * Their audit events are written with the import's.
 */
async function carryOut(ctx: MutationContext<typeof ImportFileInput>, work: ImportWork, snapshot: ImportSnapshot): Promise<void> {
  const { tx } = ctx;
  const step = ctx.run;

  const vendorIds = new Map(snapshot.vendors.map((v) => [v.name.toLowerCase(), v.id]));
  for (const vendor of work.vendorsToCreate) {
    const created = await step(createVendor, { name: vendor.name, website: vendor.website ?? "" });
    vendorIds.set(vendor.name.toLowerCase(), created.id);
  }
  for (const change of work.vendorWebsites) {
    const [profile] = await tx.select().from(vendors).where(eq(vendors.id, change.id));
    if (!profile) continue;
    await step(updateVendor, {
      id: profile.id,
      name: profile.name,
      website: change.website,
      certifications: profile.certifications.join("\n"),
      dpa: profile.dpa,
      dataResidency: profile.dataResidency,
      subprocessors: profile.subprocessors.join("\n"),
    });
  }

  const softwareIds = new Map(snapshot.software.map((s) => [s.slug, s.id]));
  for (const item of work.software) {
    const fields = {
      name: item.fields.name,
      kind: item.fields.kind,
      category: item.fields.category,
      description: item.fields.description,
      homepage: item.fields.homepage ?? "",
      owner: item.fields.owner ?? "",
      vendorId: item.fields.vendor ? vendorIds.get(item.fields.vendor.toLowerCase()) : "",
    };
    if (!item.existing) {
      const created = await step(createSoftware, { ...fields, slug: item.slug });
      softwareIds.set(item.slug, created.id);
    } else if (item.softwareChanged) {
      await step(updateSoftware, { ...fields, id: item.existing.id, expectedUpdatedAt: item.existing.updatedAt });
    }
  }

  const editionIds = new Map<string, Map<string, string>>();
  for (const item of work.software) {
    const softwareId = softwareIds.get(item.slug)!;
    const ids = new Map((item.existing?.editions ?? []).map((e) => [e.slug, e.id]));
    editionIds.set(item.slug, ids);
    for (const update of item.editionUpdates) await step(updateEdition, update);
    for (const edition of item.newEditions) {
      const created = await step(addEdition, { softwareId, name: edition.name, description: edition.description, slug: edition.slug });
      ids.set(edition.slug, created.id);
    }
  }

  for (const item of work.software) {
    const softwareId = softwareIds.get(item.slug)!;
    const ids = editionIds.get(item.slug)!;
    for (const identifier of item.rebinds) await step(removeIdentifier, { id: identifier.id });
    for (const identifier of [...item.rebinds, ...item.newIdentifiers]) {
      await step(addIdentifier, { softwareId, editionId: identifier.edition ? ids.get(identifier.edition) : "", type: identifier.type, value: identifier.value });
    }
  }

  for (const item of work.software) {
    if (item.decisions.length === 0) continue;
    const softwareId = softwareIds.get(item.slug)!;
    const ids = editionIds.get(item.slug)!;
    for (const decision of item.decisions) {
      const raw = {
        softwareId,
        editionId: decision.edition ? ids.get(decision.edition) : "",
        status: decision.status,
        maxDataClass: decision.maxDataClass ?? "",
        conditions: decision.conditions.join("\n"),
        rationale: decision.rationale,
        alternatives: [...new Set(decision.alternatives)].map((slug) => softwareIds.get(slug)),
        reviewDueOn: decision.reviewDueOn ?? "",
      };
      await step(recordImportedDecision, { decision: raw, kept: decision.kept });
    }
  }
}
