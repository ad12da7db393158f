import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { classifications, editions, identifiers, software, vendors } from "../db/schema";
import { identifierCandidates } from "../domain/identifiers";
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
}

/** Software ids that an exact identifier lookup of the query finds. */
function identifierMatch(query: string): SQL | null {
  const candidates = identifierCandidates(query);
  if (candidates.length === 0) return null;
  return sql`(SELECT ${identifiers.softwareId} FROM ${identifiers} WHERE ${inArray(identifiers.value, candidates)})`;
}

/**
 * The typo-tolerant match condition and its relevance score: exact identifier, exact name,
 * name prefix, trigram word similarity over names/identifiers/vendor, then full text.
 */
function searchTerms(query: string) {
  const q = query.trim().toLowerCase();
  const byIdentifier = identifierMatch(q);
  const tsquery = sql`websearch_to_tsquery('english', ${q})`;
  const identifierScore = byIdentifier ? sql`CASE WHEN ${software.id} IN ${byIdentifier} THEN 3 ELSE 0 END` : sql`0`;
  const score = sql<number>`greatest(
    ${identifierScore},
    CASE WHEN lower(${software.name}) = ${q} THEN 2.5 ELSE 0 END,
    CASE WHEN starts_with(lower(${software.name}), ${q}) THEN 1.5 ELSE 0 END,
    word_similarity(${q}, ${software.searchText}) + 0.5 * similarity(lower(${software.name}), ${q}),
    ts_rank(${software.searchVector}, ${tsquery})
  )`;
  const match = sql<SoftwareHit["match"]>`CASE
    WHEN ${identifierScore} > 0 THEN 'identifier'
    WHEN lower(${software.name}) = ${q} THEN 'name'
    ELSE 'fuzzy' END`;
  const where = or(
    byIdentifier ? sql`${software.id} IN ${byIdentifier}` : undefined,
    sql`${q} <% ${software.searchText}`,
    sql`${software.searchVector} @@ ${tsquery}`,
  )!;
  return { where, score, match };
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
  const { where, score, match } = searchTerms(query);
  return db
    .select({ ...hitColumns, match })
    .from(software)
    .leftJoin(vendors, eq(vendors.id, software.vendorId))
    .where(where)
    .orderBy(desc(score), asc(software.name))
    .limit(limit);
}

export interface SoftwarePage {
  items: SoftwareHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** The catalogue, filtered and paginated; ordered by relevance when searching, else by name. */
export async function listSoftware(db: Db, filters: ListQuery): Promise<SoftwarePage> {
  const conditions: (SQL | undefined)[] = [];
  const search = filters.q ? searchTerms(filters.q) : null;
  if (search) conditions.push(search.where);
  if (filters.status === "unclassified") conditions.push(isNull(software.status));
  else if (filters.status) conditions.push(eq(software.status, filters.status));
  if (filters.kind) conditions.push(eq(software.kind, filters.kind));
  if (filters.category) conditions.push(ilike(software.category, escapeLike(filters.category)));
  if (filters.vendor) conditions.push(eq(vendors.slug, filters.vendor));
  const where = and(...conditions);

  const [rows, [totals]] = await Promise.all([
    db
      .select({ ...hitColumns, match: search ? search.match : sql<SoftwareHit["match"]>`'name'` })
      .from(software)
      .leftJoin(vendors, eq(vendors.id, software.vendorId))
      .where(where)
      .orderBy(...(search ? [desc(search.score)] : []), asc(software.name), asc(software.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ total: count() }).from(software).leftJoin(vendors, eq(vendors.id, software.vendorId)).where(where),
  ]);
  const total = totals?.total ?? 0;
  return { items: rows, total, page: filters.page, pageSize: filters.pageSize, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)) };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A software with everything its page and the verdict need, in one query. */
export async function getSoftwareBySlug(db: Db, slug: string) {
  return db.query.software.findFirst({
    where: eq(software.slug, slug),
    with: {
      vendor: true,
      editions: { orderBy: [asc(editions.createdAt), asc(editions.name)] },
      identifiers: { orderBy: [asc(identifiers.type), asc(identifiers.value)] },
      classifications: {
        orderBy: [desc(classifications.decidedAt)],
        with: {
          decidedBy: { columns: { id: true, name: true, email: true } },
          alternatives: {
            with: { alternative: { columns: { id: true, slug: true, name: true, status: true } } },
          },
        },
      },
    },
  });
}
export type SoftwareDetail = NonNullable<Awaited<ReturnType<typeof getSoftwareBySlug>>>;

export async function getSoftwareById(db: Db, id: string) {
  const [row] = await db.select().from(software).where(eq(software.id, id));
  return row;
}

/**
 * The catalogue entry a check query names: an exact identifier first (which may also name an
 * edition), then an exact name or slug, then the best fuzzy match if it is close.
 */
export async function resolveSoftware(
  db: Db,
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
    .limit(1);
  if (byName) return { slug: byName.slug, editionId: null, match: "name" };

  // A machine asking by name deserves no guess: only a close fuzzy match counts.
  const [fuzzy] = await db
    .select({ slug: software.slug, similarity: sql<number>`word_similarity(${q}, lower(${software.name}))` })
    .from(software)
    .where(sql`${q} <% ${software.searchText}`)
    .orderBy(desc(sql`word_similarity(${q}, lower(${software.name}))`))
    .limit(1);
  if (fuzzy && fuzzy.similarity >= 0.6) return { slug: fuzzy.slug, editionId: null, match: "fuzzy" };
  return null;
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
