import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "./client";

/** Transactions that rebuild search columns once, at their end, rather than after each change (an import). */
const deferredRefreshes = new WeakMap<object, Set<string>>();

/**
 * Runs `work` with the search-column rebuilds of the software it touches gathered, then does
 * them in one statement, still inside the transaction: for many changes at once (an import),
 * where rebuilding after each one would cost a statement per change.
 */
export async function withDeferredSearchIndex<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  const touched = new Set<string>();
  deferredRefreshes.set(tx, touched);
  try {
    const result = await work();
    deferredRefreshes.delete(tx);
    await refreshSearchIndex(tx, [...touched]);
    return result;
  } finally {
    deferredRefreshes.delete(tx);
  }
}

/**
 * Rebuilds the search columns of the given software (or, with no ids, of all software) from
 * its name, vendor, editions and identifiers. Called by every mutation that touches them,
 * in the same transaction, so search never lags the catalogue.
 *
 * The trigram text is kept short (names and aliases) so that matching and scoring it is cheap;
 * vendor and identifiers go to full text, and identifiers are also found by exact lookup.
 * Opaque identifiers (hashes, signing team ids) are found by exact lookup only.
 */
export async function refreshSearchIndex(tx: Tx | Db, softwareIds?: string[]): Promise<void> {
  if (softwareIds && softwareIds.length === 0) return;
  const deferred = deferredRefreshes.get(tx);
  if (deferred && softwareIds) {
    for (const id of softwareIds) deferred.add(id);
    return;
  }
  const scope: SQL = softwareIds
    ? sql`s.id IN (${sql.join(softwareIds.map((id) => sql`${id}::uuid`), sql`, `)})`
    : sql`true`;
  await tx.execute(sql`
    UPDATE software s SET
      search_text = lower(concat_ws(' ', s.name, src.edition_names, src.alias_values)),
      search_vector =
        setweight(to_tsvector('english', s.name), 'A') ||
        setweight(to_tsvector('english', concat_ws(' ', src.vendor_name, src.edition_names, src.identifier_values)), 'B') ||
        setweight(to_tsvector('english', concat_ws(' ', s.category, s.description)), 'C')
    FROM (
      SELECT s2.id,
        v.name AS vendor_name,
        (SELECT string_agg(e.name, ' ') FROM editions e WHERE e.software_id = s2.id) AS edition_names,
        (SELECT string_agg(i.value, ' ') FROM identifiers i
          WHERE i.software_id = s2.id AND i.type NOT IN ('sha256', 'signing_team_id', 'signing_id')) AS identifier_values,
        (SELECT string_agg(i.value, ' ') FROM identifiers i WHERE i.software_id = s2.id AND i.type = 'alias') AS alias_values
      FROM software s2 LEFT JOIN vendors v ON v.id = s2.vendor_id
    ) src
    WHERE src.id = s.id AND ${scope}
  `);
}
