import "server-only";
import { and, asc, count, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { software, vendors } from "../db/schema";
import type { Level } from "../domain/assessment";
import { NO_OWNER, reviewDueRange, type WorkListFilters } from "../domain/work-list";
import { catalogueFilter, rankedIds, searchMatch, withHeadlines, type SoftwareHit } from "./software";

export const WORK_LIST_PAGE_SIZE = 25;

export interface WorkListItem extends SoftwareHit {
  owner: string | null;
  /** The earliest review date of its decisions in force (YYYY-MM-DD); null when none is in force. */
  reviewDueOn: string | null;
  /** The inherent tier of its latest completed assessment; null when never assessed. */
  tier: Level | null;
}

export interface WorkListPage {
  items: WorkListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/** A decision in force at `at`: not awaiting a second reviewer, taken effect (confirmed decisions when confirmed). */
const inForce = (name: "c" | "l", at: string) => {
  const c = sql.raw(name);
  return sql`(${c}.confirmation_reason IS NULL OR ${c}.confirmed_at IS NOT NULL) AND coalesce(${c}.confirmed_at, ${c}.decided_at) <= ${at}::timestamptz`;
};

/**
 * The earliest review date among a software's current decisions: for each scope, the latest
 * decision in force, unless a later one for the same edition or for all editions replaced it.
 */
function reviewDueExpression(at: string): SQL<string | null> {
  return sql<string | null>`(
    SELECT min(c.review_due_on) FROM classifications c
    WHERE c.software_id = ${software.id} AND ${inForce("c", at)}
      AND NOT EXISTS (
        SELECT 1 FROM classifications l
        WHERE l.software_id = c.software_id AND ${inForce("l", at)}
          AND coalesce(l.confirmed_at, l.decided_at) > coalesce(c.confirmed_at, c.decided_at)
          AND (l.edition_id IS NULL OR l.edition_id = c.edition_id)))`;
}

/** The inherent tier of the latest completed assessment (any edition). */
const latestTier = sql<Level | null>`(SELECT a.inherent_tier FROM assessments a WHERE a.software_id = ${software.id} AND a.status = 'completed' ORDER BY a.completed_at DESC LIMIT 1)`;

/**
 * Manage's work list: the catalogue filtered by search words, headline status, internal owner,
 * when the review is due (on `now`'s day) and assessed tier; by name
 * or soonest review first; a page at a time.
 */
export async function listWorkList(db: Db, filters: WorkListFilters, now: Date): Promise<WorkListPage> {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const reviewDue = reviewDueExpression(at);
  const { where: catalogue, search } = catalogueFilter({ q: filters.q, status: filters.status });
  const conditions: (SQL | undefined)[] = [catalogue];
  if (filters.owner === NO_OWNER) conditions.push(sql`coalesce(btrim(${software.owner}), '') = ''`);
  else if (filters.owner) conditions.push(sql`lower(btrim(${software.owner})) = lower(${filters.owner})`);
  if (filters.due) {
    const { from, to } = reviewDueRange(filters.due, today);
    if (from) conditions.push(sql`${reviewDue} >= ${from}::date`);
    if (to) conditions.push(sql`${reviewDue} <= ${to}::date`);
  }
  if (filters.tier === "not_assessed") conditions.push(sql`${latestTier} IS NULL`);
  else if (filters.tier) conditions.push(sql`${latestTier} = ${filters.tier}`);
  const where = and(...conditions);
  const columns = {
    id: software.id,
    slug: software.slug,
    name: software.name,
    kind: software.kind,
    category: software.category,
    status: software.status,
    vendorName: vendors.name,
    description: software.description,
    owner: software.owner,
    reviewDueOn: sql<string | null>`${reviewDue}::text`,
    tier: latestTier,
  };
  const offset = (filters.page - 1) * WORK_LIST_PAGE_SIZE;
  const pageOf = async (rows: Omit<WorkListItem, "headline">[], total: number): Promise<WorkListPage> => ({
    items: await withHeadlines(db, rows),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / WORK_LIST_PAGE_SIZE)),
  });

  if (search) {
    // The search decides which rows (a few hundred at most: weak fuzzy matches dropped beside strong
    // ones); the list keeps its chosen order, by name or soonest review.
    const ranked = await rankedIds(db, search, where);
    const rank = new Map(ranked.map((r, index) => [r.id, index]));
    const rows = ranked.length === 0 ? [] : await db.select(columns).from(software).leftJoin(vendors, eq(vendors.id, software.vendorId)).where(inArray(software.id, [...rank.keys()]));
    rows.sort((a, b) => (filters.sort === "due" ? compareDue(a.reviewDueOn, b.reviewDueOn) : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || rank.get(a.id)! - rank.get(b.id)!);
    return pageOf(
      rows.slice(offset, offset + WORK_LIST_PAGE_SIZE).map((row) => ({ ...row, match: searchMatch(ranked[rank.get(row.id)!]!.kind) })),
      rows.length,
    );
  }

  const order = [...(filters.sort === "due" ? [sql`${reviewDue} ASC NULLS LAST`] : []), asc(software.name), asc(software.id)];
  const [rows, [totals]] = await Promise.all([
    db
      .select({ ...columns, match: sql<SoftwareHit["match"]>`'name'` })
      .from(software)
      .leftJoin(vendors, eq(vendors.id, software.vendorId))
      .where(where)
      .orderBy(...order)
      .limit(WORK_LIST_PAGE_SIZE)
      .offset(offset),
    db.select({ total: count() }).from(software).leftJoin(vendors, eq(vendors.id, software.vendorId)).where(where),
  ]);
  return pageOf(rows, totals?.total ?? 0);
}

/** Soonest review first; none in force last. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The internal owners named in the catalogue, for the owner filter. */
export async function listOwners(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ owner: sql<string>`btrim(${software.owner})` })
    .from(software)
    .where(and(isNotNull(software.owner), sql`btrim(${software.owner}) <> ''`))
    .orderBy(sql`btrim(${software.owner})`);
  return rows.map((r) => r.owner);
}
