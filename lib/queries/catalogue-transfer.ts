import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { assessments, classifications, editions, identifiers, software, vendors } from "../db/schema";
import type { Level } from "../domain/assessment";
import {
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  sortForExport,
  transferSoftware,
  type ExistingSoftware,
  type ImportSnapshot,
  type TransferDocument,
  type ValidatedRecord,
} from "../domain/catalogue-transfer";
import { slugify } from "../domain/slug";
import { catalogueFilter, type CatalogueFilters } from "./software";

/** Reads of the catalogue export and import: the whole filtered catalogue, and what an import file touches. */

/** Software with everything an export or an import plan needs, in one query. */
const transferRelations = {
  vendor: true,
  editions: { orderBy: [asc(editions.name), asc(editions.slug)] },
  identifiers: true,
  classifications: {
    orderBy: [desc(classifications.decidedAt)],
    with: {
      decidedBy: { columns: { email: true } },
      alternatives: { with: { alternative: { columns: { slug: true } } } },
    },
  },
} satisfies NonNullable<Parameters<Db["query"]["software"]["findFirst"]>[0]>["with"];

type TransferRow = Awaited<ReturnType<typeof findTransferRows>>[number];

function findTransferRows(db: Db | Tx, where: ReturnType<typeof inArray>) {
  return db.query.software.findMany({ where, with: transferRelations });
}

function decisionsOf(row: TransferRow) {
  return row.classifications.map((c) => ({
    id: c.id,
    editionId: c.editionId,
    status: c.status,
    maxDataClass: c.maxDataClass,
    conditions: c.conditions,
    rationale: c.rationale,
    alternatives: c.alternatives.map((a) => a.alternative.slug).sort(),
    reviewDueOn: c.reviewDueOn,
    decidedAt: c.decidedAt,
    confirmationReason: c.confirmationReason,
    confirmedAt: c.confirmedAt,
    decidedByEmail: c.decidedBy.email,
  }));
}

/**
 * The whole catalogue matching the filters (those of the catalogue page and GET
 * /api/v1/software, without paging), with editions, identifiers and the decisions in effect:
 * one query for the ids, one for everything else.
 */
export async function exportCatalogue(db: Db, filters: CatalogueFilters, now: Date): Promise<TransferDocument> {
  const { where } = catalogueFilter(filters);
  const matching = db.select({ id: software.id }).from(software).leftJoin(vendors, eq(vendors.id, software.vendorId)).where(where);
  const rows = await findTransferRows(db, inArray(software.id, matching));
  const chosen = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: now.toISOString(),
    filters: chosen,
    software: sortForExport(
      rows.map((row) =>
        transferSoftware({
          slug: row.slug,
          name: row.name,
          vendor: row.vendor ? { name: row.vendor.name, website: row.vendor.website } : null,
          kind: row.kind,
          category: row.category,
          description: row.description,
          homepage: row.homepage,
          owner: row.owner,
          status: row.status,
          editions: row.editions,
          identifiers: row.identifiers,
          decisions: decisionsOf(row),
          now,
        }),
      ),
    ),
  };
}

/** Bounded IN lists: a large file must not pass PostgreSQL's limit on parameters. */
const CHUNK = 1_000;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * What an import file touches, in a handful of queries whatever its size: the software it
 * names (by slug, by name, or as an alternative) with their editions, identifiers, decisions
 * and assessed tiers; the owners of its identifiers; its vendors.
 */
export async function loadImportSnapshot(db: Db | Tx, records: readonly ValidatedRecord[]): Promise<ImportSnapshot> {
  const data = records.flatMap((r) => (r.data ? [r.data] : []));
  const slugs = new Set<string>();
  const names = new Set<string>();
  for (const d of data) {
    if (d.slug) slugs.add(d.slug);
    else {
      names.add(d.name.toLowerCase());
      const made = slugify(d.name);
      if (made) slugs.add(made);
    }
    for (const decision of d.classifications) for (const alternative of decision.alternatives) slugs.add(alternative);
  }
  const identifierValues = [...new Set(data.flatMap((d) => d.identifiers.map((i) => i.value)))];
  const vendorNames = [...new Set(data.flatMap((d) => (d.vendor ? [d.vendor.name.toLowerCase()] : [])))];

  const found = new Map<string, TransferRow>();
  for (const part of chunks([...slugs])) for (const row of await findTransferRows(db, inArray(software.slug, part))) found.set(row.id, row);
  for (const part of chunks([...names])) {
    for (const row of await findTransferRows(db, inArray(sql`lower(${software.name})`, part))) found.set(row.id, row);
  }

  const tiers = new Map<string, Record<string, Level>>();
  for (const part of chunks([...found.keys()])) {
    // The latest completed assessment per exact scope, as a decision's four-eyes rule reads it.
    const rows = await db
      .selectDistinctOn([assessments.softwareId, assessments.editionId], { softwareId: assessments.softwareId, editionId: assessments.editionId, tier: assessments.inherentTier })
      .from(assessments)
      .where(and(inArray(assessments.softwareId, part), eq(assessments.status, "completed")))
      .orderBy(assessments.softwareId, assessments.editionId, desc(assessments.completedAt));
    for (const row of rows) {
      if (!row.tier) continue;
      tiers.set(row.softwareId, { ...(tiers.get(row.softwareId) ?? {}), [row.editionId ?? ""]: row.tier });
    }
  }

  const identifierOwners: ImportSnapshot["identifierOwners"] = [];
  for (const part of chunks(identifierValues)) {
    identifierOwners.push(
      ...(await db
        .select({ type: identifiers.type, value: identifiers.value, softwareId: software.id, softwareSlug: software.slug, softwareName: software.name })
        .from(identifiers)
        .innerJoin(software, eq(software.id, identifiers.softwareId))
        .where(inArray(identifiers.value, part))),
    );
  }

  const vendorRows: ImportSnapshot["vendors"] = [];
  for (const part of chunks(vendorNames)) {
    vendorRows.push(...(await db.select({ id: vendors.id, name: vendors.name, website: vendors.website }).from(vendors).where(inArray(sql`lower(${vendors.name})`, part))));
  }

  return {
    software: [...found.values()].map(
      (row): ExistingSoftware => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        kind: row.kind,
        category: row.category,
        description: row.description,
        homepage: row.homepage,
        owner: row.owner,
        updatedAt: row.updatedAt.toISOString(),
        vendor: row.vendor ? { id: row.vendor.id, name: row.vendor.name } : null,
        editions: row.editions.map((e) => ({ id: e.id, slug: e.slug, name: e.name, description: e.description })),
        identifiers: row.identifiers.map((i) => ({ id: i.id, type: i.type, value: i.value, editionId: i.editionId })),
        decisions: decisionsOf(row),
        tiers: tiers.get(row.id) ?? {},
      }),
    ),
    identifierOwners,
    vendors: vendorRows,
  };
}
