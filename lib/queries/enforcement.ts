import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { classifications, editions, identifiers, software } from "../db/schema";
import {
  ENFORCED_IDENTIFIER_TYPES,
  enforcedIdentifiers,
  type EnforcedIdentifier,
  type EnforcementSoftware,
} from "../domain/enforcement";
import { decisionsInEffect } from "../domain/verdict";

/**
 * Every identifier an enforcement export may use, with the status it is enforced at. Three
 * queries whatever the catalogue's size: the identifiers with their software, then the editions
 * and the decisions of that software (scoped by a subquery, not a list of ids).
 */
export async function listEnforcedIdentifiers(db: Db, now: Date): Promise<EnforcedIdentifier[]> {
  const enforcedSoftware = db
    .selectDistinct({ id: identifiers.softwareId })
    .from(identifiers)
    .where(inArray(identifiers.type, [...ENFORCED_IDENTIFIER_TYPES]));

  const [rows, editionRows, decisionRows] = await Promise.all([
    db
      .select({
        softwareId: identifiers.softwareId,
        editionId: identifiers.editionId,
        type: identifiers.type,
        value: identifiers.value,
        slug: software.slug,
        name: software.name,
      })
      .from(identifiers)
      .innerJoin(software, eq(software.id, identifiers.softwareId))
      .where(inArray(identifiers.type, [...ENFORCED_IDENTIFIER_TYPES]))
      .orderBy(asc(identifiers.type), asc(identifiers.value)),
    db
      .select({ id: editions.id, softwareId: editions.softwareId, name: editions.name })
      .from(editions)
      .where(inArray(editions.softwareId, enforcedSoftware)),
    db
      .select({
        id: classifications.id,
        softwareId: classifications.softwareId,
        editionId: classifications.editionId,
        status: classifications.status,
        maxDataClass: classifications.maxDataClass,
        conditions: classifications.conditions,
        decidedAt: classifications.decidedAt,
        confirmationReason: classifications.confirmationReason,
        confirmedAt: classifications.confirmedAt,
      })
      .from(classifications)
      .where(inArray(classifications.softwareId, enforcedSoftware)),
  ]);

  const tools = new Map<string, EnforcementSoftware>();
  for (const row of rows) {
    if (!tools.has(row.softwareId)) tools.set(row.softwareId, { id: row.softwareId, slug: row.slug, name: row.name, editions: [], classifications: [] });
  }
  for (const edition of editionRows) tools.get(edition.softwareId)?.editions.push({ id: edition.id, name: edition.name });
  const decisionsBySoftware = new Map<string, typeof decisionRows>();
  for (const decision of decisionRows) {
    const list = decisionsBySoftware.get(decision.softwareId) ?? [];
    list.push(decision);
    decisionsBySoftware.set(decision.softwareId, list);
  }
  for (const tool of tools.values()) tool.classifications = decisionsInEffect(decisionsBySoftware.get(tool.id) ?? []);

  return enforcedIdentifiers({
    software: [...tools.values()],
    identifiers: rows.map((r) => ({ softwareId: r.softwareId, editionId: r.editionId, type: r.type, value: r.value })),
    now,
  });
}
