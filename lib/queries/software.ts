import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { now as clockNow } from "../clock";
import type { Db, Tx } from "../db/client";
import { classifications, editions, identifiers, software, vendors } from "../db/schema";
import { identifierCandidates, normaliseIdentifier } from "../domain/identifiers";
import type { Level } from "../domain/assessment";
import { computeHeadline, type Headline } from "../domain/headline";
import { closestName, rankCandidates, transpositions, type RankedCandidate } from "../domain/search-ranking";
import { decisionsInEffect } from "../domain/verdict";
import type { Kind, Status } from "../domain/vocabulary";
import type { ListQuery } from "../validation/api";

export interface SoftwareHit {
  id: string;
  slug: string;
  name: string;
  kind: Kind;
  category: string;
  status: Status | null;
  vendorName: string | null;
  description: string;
  /** How it matched: an exact identifier, the name, or a fuzzy/full-text match. */
  match: "identifier" | "name" | "fuzzy";
  /** What a list shows: one status, or each edition's when they differ. */
  headline: Headline<{ id: string; name: string; slug: string }>;
}

/**
 * Adds each row's headline, from two queries for the whole page (editions, decisions),
 * never one per row.
 */
export async function withHeadlines<T extends { id: string }>(db: Db, rows: T[]): Promise<(T & { headline: SoftwareHit["headline"] })[]> {
  if (rows.length === 0) return [];
  const headline = await headlinesFor(db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, headline: headline(row.id) }));
}

/** The headlines of these software, from two queries (editions, decisions), never one per row. */
async function headlinesFor(db: Db, ids: string[]): Promise<(id: string) => SoftwareHit["headline"]> {
  const [eds, history] = await Promise.all([
    db.select({ id: editions.id, name: editions.name, slug: editions.slug, softwareId: editions.softwareId }).from(editions).where(inArray(editions.softwareId, ids)).orderBy(asc(editions.createdAt), asc(editions.name)),
    db.select().from(classifications).where(inArray(classifications.softwareId, ids)),
  ]);
  const now = clockNow();
  return (id) =>
    computeHeadline(
      eds.filter((e) => e.softwareId === id).map((e) => ({ id: e.id, name: e.name, slug: e.slug })),
      decisionsInEffect(history.filter((c) => c.softwareId === id)),
      now,
    );
}

/**
 * Typo-tolerant match over names and aliases: every word of 3+ characters must resemble a
 * word there (trigram word similarity). Requiring every word lets PostgreSQL intersect the
 * per-word GIN bitmaps, so "vorsa cloud" does not drag in every "… Cloud". Null when the
 * query has no such word.
 */
function trigramMatch(q: string): SQL | null {
  const words = [...new Set(q.split(/\s+/).filter((w) => w.length >= 3))].slice(0, 6);
  if (words.length === 0) return null;
  return and(...words.map((word) => sql`${word} <% ${software.searchText}`))!;
}

/** How many candidates each search source may contribute before ranking. */
const CANDIDATES_PER_SOURCE = 100;

/**
 * Typo-tolerant search in two steps, so that cost does not grow with the catalogue:
 * 1. candidates from five cheap, index-driven sources, each capped: exact identifier
 *    (btree), name prefix (btree), names one swapped pair of letters away (btree), trigram
 *    word similarity over names and aliases (GiST, nearest first), full text over names,
 *    vendor, identifiers and description (GIN);
 * 2. the ranking rule of lib/domain/search-ranking.ts over those few hundred rows only:
 *    identifier, name, prefix and word matches strictly above fuzzy ones, which a strong
 *    match drops.
 */
function searchTerms(query: string) {
  const q = query.trim().toLowerCase();
  const candidates = identifierCandidates(q);
  const tsquery = sql`websearch_to_tsquery('english', ${q})`;
  const fuzzy = trigramMatch(q);
  const swapped = transpositions(q);
  const byIdentifier = candidates.length
    ? sql`SELECT ${identifiers.softwareId} FROM ${identifiers} WHERE ${inArray(identifiers.value, candidates)}`
    : null;
  const sources = [
    byIdentifier ? sql`(${byIdentifier} LIMIT ${CANDIDATES_PER_SOURCE})` : null,
    sql`(SELECT id FROM software WHERE lower(name) LIKE ${`${escapeLike(q)}%`} ORDER BY lower(name) LIMIT ${CANDIDATES_PER_SOURCE})`,
    swapped.length ? sql`(SELECT id FROM software WHERE lower(name) IN (${sql.join(swapped.map((v) => sql`${v}`), sql`, `)}) LIMIT ${CANDIDATES_PER_SOURCE})` : null,
    fuzzy ? sql`(SELECT id FROM software WHERE ${fuzzy} ORDER BY search_text <->> ${q} LIMIT ${CANDIDATES_PER_SOURCE})` : null,
    sql`(SELECT id FROM software WHERE search_vector @@ ${tsquery} LIMIT ${CANDIDATES_PER_SOURCE})`,
  ].filter((source): source is SQL => source !== null);
  const where = sql`${software.id} IN (${sql.join(sources, sql` UNION `)})`;

  const exact = (types: "alias" | "other") =>
    candidates.length
      ? sql<boolean>`EXISTS (SELECT 1 FROM ${identifiers} WHERE ${identifiers.softwareId} = ${software.id} AND ${inArray(identifiers.value, candidates)} AND ${identifiers.type} ${types === "alias" ? sql`=` : sql`<>`} 'alias')`
      : sql<boolean>`false`;
  const candidateColumns = {
    id: software.id,
    name: software.name,
    searchText: software.searchText,
    identifier: exact("other"),
    alias: exact("alias"),
    words: sql<boolean>`coalesce(ts_filter(${software.searchVector}, '{a,b}') @@ ${tsquery}, false)`,
    description: sql<boolean>`coalesce(${software.searchVector} @@ ${tsquery}, false)`,
    textRank: sql<number>`coalesce(ts_rank(${software.searchVector}, ${tsquery}), 0)::float8`,
    similarity: sql<number>`word_similarity(${q}, ${software.searchText})::float8`,
  };
  return { where, candidateColumns, query: q };
}

type SearchTerms = ReturnType<typeof searchTerms>;

/** The candidates of a search (within `where`), ranked by the rule of lib/domain/search-ranking.ts. */
export async function rankedIds(db: Db, terms: SearchTerms, where: SQL | undefined): Promise<RankedCandidate[]> {
  const rows = await db
    .select(terms.candidateColumns)
    .from(software)
    .leftJoin(vendors, eq(vendors.id, software.vendorId))
    .where(where);
  return rankCandidates(terms.query, rows);
}

/** The API's word for a ranked match: exact identifier, exact name (or alias), or anything looser. */
export function searchMatch(kind: RankedCandidate["kind"]): SoftwareHit["match"] {
  return kind === "identifier" ? "identifier" : kind === "name" ? "name" : "fuzzy";
}

/** Hits for ranked ids, in their order: the rows and their headlines fetched side by side. */
async function hitsFor(db: Db, ranked: RankedCandidate[]): Promise<SoftwareHit[]> {
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const [rows, headline] = await Promise.all([
    db.select(hitColumns).from(software).leftJoin(vendors, eq(vendors.id, software.vendorId)).where(inArray(software.id, ids)),
    headlinesFor(db, ids),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ranked.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [{ ...row, match: searchMatch(r.kind), headline: headline(r.id) }] : [];
  });
}

const hitColumns = {
  id: software.id,
  slug: software.slug,
  name: software.name,
  kind: software.kind,
  category: software.category,
  status: software.status,
  vendorName: vendors.name,
  description: software.description,
};

/** Search-as-you-type: the best few matches for a query. */
export async function searchSoftware(db: Db, query: string, limit = 8): Promise<SoftwareHit[]> {
  if (!query.trim()) return [];
  const terms = searchTerms(query);
  return hitsFor(db, (await rankedIds(db, terms, terms.where)).slice(0, limit));
}

export interface SoftwarePage {
  items: SoftwareHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * The catalogue, filtered and paginated; ordered by name, or by the search ranking when
 * searching (a search lists its best few hundred matches, as search engines do).
 */
export async function listSoftware(db: Db, filters: ListQuery): Promise<SoftwarePage> {
  const { where, search } = catalogueFilter(filters);
  const paging = (total: number) => ({ total, page: filters.page, pageSize: filters.pageSize, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)) });

  if (search) {
    const ranked = await rankedIds(db, search, where);
    const pageOf = ranked.slice((filters.page - 1) * filters.pageSize, filters.page * filters.pageSize);
    return { items: await hitsFor(db, pageOf), ...paging(ranked.length) };
  }
  const [rows, [totals]] = await Promise.all([
    db
      .select({ ...hitColumns, match: sql<SoftwareHit["match"]>`'name'` })
      .from(software)
      .leftJoin(vendors, eq(vendors.id, software.vendorId))
      .where(where)
      .orderBy(asc(software.name), asc(software.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ total: count() }).from(software).leftJoin(vendors, eq(vendors.id, software.vendorId)).where(where),
  ]);
  return { items: await withHeadlines(db, rows), ...paging(totals?.total ?? 0) };
}

export type CatalogueFilters = Pick<ListQuery, "q" | "status" | "kind" | "category" | "vendor">;

/** The catalogue's filters as a WHERE clause over software LEFT JOIN vendors (the list, its API and the export). */
export function catalogueFilter(filters: CatalogueFilters): { where: SQL | undefined; search: ReturnType<typeof searchTerms> | null } {
  const conditions: (SQL | undefined)[] = [];
  const search = filters.q ? searchTerms(filters.q) : null;
  if (search) conditions.push(search.where);
  if (filters.status === "unclassified") conditions.push(isNull(software.status));
  else if (filters.status) conditions.push(eq(software.status, filters.status));
  if (filters.kind) conditions.push(eq(software.kind, filters.kind));
  if (filters.category) conditions.push(ilike(software.category, escapeLike(filters.category)));
  if (filters.vendor) conditions.push(eq(vendors.slug, filters.vendor));
  return { where: and(...conditions), search };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What a slug can be (lib/domain/slug.ts); anything else from a URL matches nothing, without a query. */
const SLUG = /^[a-z0-9-]{1,100}$/;

/** What a software page and its verdicts need, fetched with the software in one query. */
const detailRelations = {
  vendor: true,
  editions: { orderBy: [asc(editions.createdAt), asc(editions.name)] },
  identifiers: { orderBy: [asc(identifiers.type), asc(identifiers.value)] },
  classifications: {
    orderBy: [desc(classifications.decidedAt)],
    with: {
      decidedBy: { columns: { id: true, name: true, email: true } },
      confirmedBy: { columns: { id: true, name: true } },
      alternatives: {
        with: {
          alternative: {
            columns: { id: true, slug: true, name: true, status: true },
            // Enough to link an alternative to its approved edition (its headline).
            with: {
              editions: { columns: { id: true, name: true, slug: true }, orderBy: [asc(editions.createdAt), asc(editions.name)] },
              classifications: {
                columns: { id: true, editionId: true, status: true, maxDataClass: true, conditions: true, decidedAt: true, confirmationReason: true, confirmedAt: true },
              },
            },
          },
        },
      },
    },
  },
} satisfies NonNullable<Parameters<Db["query"]["software"]["findFirst"]>[0]>["with"];

/** One software with everything its page and its verdicts need, in one query. */
function findSoftwareDetail(db: Db | Tx, where: SQL) {
  return db.query.software.findFirst({ where, with: detailRelations });
}

/** Many software with their details, in one query (a bulk check). */
export async function getSoftwareDetailsByIds(db: Db | Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.query.software.findMany({ where: inArray(software.id, [...ids]), with: detailRelations });
}

export async function getSoftwareBySlug(db: Db | Tx, slug: string) {
  if (!SLUG.test(slug)) return undefined;
  return findSoftwareDetail(db, eq(software.slug, slug));
}

export function getSoftwareById(db: Db | Tx, id: string) {
  return findSoftwareDetail(db, eq(software.id, id));
}

export type SoftwareDetail = NonNullable<Awaited<ReturnType<typeof getSoftwareBySlug>>>;

/**
 * The catalogue entry a check query names: an exact identifier first (which may also name an
 * edition), then an exact name or slug, then the best fuzzy match if it is close.
 */
export async function resolveSoftware(
  db: Db | Tx,
  query: string,
): Promise<{ slug: string; editionId: string | null; match: SoftwareHit["match"] } | null> {
  const q = query.trim().toLowerCase();
  const candidates = identifierCandidates(q);
  if (candidates.length > 0) {
    const [byIdentifier] = await db
      .select({ slug: software.slug, editionId: identifiers.editionId })
      .from(identifiers)
      .innerJoin(software, eq(software.id, identifiers.softwareId))
      .where(inArray(identifiers.value, candidates))
      .orderBy(sql`${identifiers.type} = 'alias'`)
      .limit(1);
    if (byIdentifier) return { ...byIdentifier, match: "identifier" };
  }
  const [byName] = await db
    .select({ slug: software.slug })
    .from(software)
    .where(or(sql`lower(${software.name}) = ${q}`, eq(software.slug, q)))
    .orderBy(sql`lower(${software.name}) = ${q} DESC`)
    .limit(1);
  if (byName) return { slug: byName.slug, editionId: null, match: "name" };

  const close = await closestByName(db, q);
  return close ? { slug: close.slug, editionId: null, match: "fuzzy" } : null;
}

/**
 * A close misspelling of a catalogue name, or null. A machine asking by name gets no loose
 * guess: only a close whole-name match counts ("cluade code" → Claude Code; "zoom" ↛
 * ZoomInfo), the fewest edits winning (lib/domain/search-ranking.ts closestName).
 */
async function closestByName(db: Db | Tx, q: string): Promise<{ id: string; slug: string } | null> {
  const resembles = trigramMatch(q);
  if (!resembles) return null;
  const columns = { id: software.id, slug: software.slug, name: software.name, similarity: sql<number>`similarity(${q}, lower(${software.name}))::float8` };
  const swapped = transpositions(q);
  // The nearest few by trigram distance (index-ordered), and the names one swapped pair away
  // (btree), which trigrams rank poorly: then the fewest edits among them.
  const [nearest, oneSwapAway] = await Promise.all([
    db.select(columns).from(software).where(resembles).orderBy(sql`${software.searchText} <->> ${q}`).limit(40),
    swapped.length ? db.select(columns).from(software).where(inArray(sql`lower(${software.name})`, swapped)).limit(20) : Promise.resolve([]),
  ]);
  const best = closestName(q, [...oneSwapAway, ...nearest]);
  return best ? { id: best.id, slug: best.slug } : null;
}

/** One query of a bulk check: free text (`any`), an npm or PyPI package name, or a name that must match exactly (`other`). */
export interface BulkQuery {
  q: string;
  type: "any" | "npm" | "pypi" | "other";
}

export interface BulkResolution {
  softwareId: string;
  editionId: string | null;
  match: SoftwareHit["match"];
}

/** Concurrent fuzzy lookups: enough to use the pool, few enough to leave room for other requests. */
const FUZZY_CONCURRENCY = 4;

/**
 * resolveSoftware for many queries at once, with the same order of preference: every exact
 * identifier in one query, every exact name or slug in one query, then (free text only) a
 * close misspelling for what is left. Package names match only an identifier of their type.
 */
export async function resolveSoftwareMany(db: Db | Tx, queries: readonly BulkQuery[]): Promise<(BulkResolution | null)[]> {
  const results: (BulkResolution | null)[] = queries.map(() => null);
  const wanted = queries.map((query) => {
    const q = query.q.trim().toLowerCase();
    if (query.type === "npm" || query.type === "pypi") {
      const value = normaliseIdentifier(query.type, q);
      return { q, values: value ? [value] : [], type: query.type };
    }
    return { q, values: identifierCandidates(q), type: null };
  });
  const allValues = [...new Set(wanted.flatMap((w) => w.values))];
  if (allValues.length > 0) {
    const rows = await db
      .select({ softwareId: identifiers.softwareId, editionId: identifiers.editionId, type: identifiers.type, value: identifiers.value })
      .from(identifiers)
      .where(inArray(identifiers.value, allValues));
    const byValue = new Map<string, typeof rows>();
    for (const row of rows) byValue.set(row.value, [...(byValue.get(row.value) ?? []), row]);
    wanted.forEach((w, index) => {
      const found = w.values.flatMap((value) => byValue.get(value) ?? []).filter((row) => w.type === null || row.type === w.type);
      // As in resolveSoftware: a typed identifier before an alias.
      const best = found.find((row) => row.type !== "alias") ?? found[0];
      if (best) results[index] = { softwareId: best.softwareId, editionId: best.editionId, match: "identifier" };
    });
  }

  const byNameWanted = wanted.map((w, index) => ({ ...w, index })).filter((w) => results[w.index] === null && w.type === null && w.q.length > 0);
  const names = [...new Set(byNameWanted.map((w) => w.q))];
  if (names.length > 0) {
    const rows = await db
      .select({ id: software.id, slug: software.slug, lowerName: sql<string>`lower(${software.name})` })
      .from(software)
      .where(or(inArray(sql`lower(${software.name})`, names), inArray(software.slug, names)));
    for (const w of byNameWanted) {
      const hit = rows.find((row) => row.lowerName === w.q) ?? rows.find((row) => row.slug === w.q);
      if (hit) results[w.index] = { softwareId: hit.id, editionId: null, match: "name" };
    }
  }

  const fuzzyWanted = wanted
    .map((w, index) => ({ ...w, index }))
    .filter((w) => results[w.index] === null && w.type === null && w.q.length > 0 && queries[w.index]!.type === "any");
  // Each distinct text once, a few at a time.
  const distinct = [...new Set(fuzzyWanted.map((w) => w.q))];
  const closest = new Map<string, { id: string } | null>();
  for (let start = 0; start < distinct.length; start += FUZZY_CONCURRENCY) {
    const batch = distinct.slice(start, start + FUZZY_CONCURRENCY);
    const found = await Promise.all(batch.map((q) => closestByName(db, q)));
    batch.forEach((q, i) => closest.set(q, found[i] ?? null));
  }
  for (const w of fuzzyWanted) {
    const hit = closest.get(w.q);
    if (hit) results[w.index] = { softwareId: hit.id, editionId: null, match: "fuzzy" };
  }
  return results;
}

export async function listVendors(db: Db) {
  return db.select().from(vendors).orderBy(asc(vendors.name));
}

export async function listCategories(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ category: software.category }).from(software).orderBy(asc(software.category));
  return rows.map((r) => r.category);
}

/** Candidates for "approved alternatives": software that may be used. */
export async function listApprovedSoftware(db: Db) {
  return db
    .select({ id: software.id, name: software.name, status: software.status })
    .from(software)
    .where(inArray(software.status, ["approved", "approved_with_conditions"]))
    .orderBy(asc(software.name));
}

/** A vendor's profile with its software, each with its status and latest completed assessment tier. */
export async function getVendorProfile(db: Db, slug: string) {
  if (!SLUG.test(slug)) return undefined;
  const [vendor] = await db.select().from(vendors).where(eq(vendors.slug, slug));
  if (!vendor) return undefined;
  const tools = await db
    .select({
      id: software.id,
      slug: software.slug,
      name: software.name,
      kind: software.kind,
      status: software.status,
      tier: sql<Level | null>`(SELECT a.inherent_tier FROM assessments a WHERE a.software_id = ${software.id} AND a.status = 'completed' ORDER BY a.completed_at DESC LIMIT 1)`,
    })
    .from(software)
    .where(eq(software.vendorId, vendor.id))
    .orderBy(asc(software.name));
  return { vendor, software: await withHeadlines(db, tools) };
}
