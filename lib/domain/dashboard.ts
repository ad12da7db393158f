/**
 * The reviewer dashboard's figures, shaped from aggregated rows: counts by status and by
 * assessed tier, and the dimension × level heat map. Pure: no database, no framework.
 */
import { DIMENSIONS, LEVELS, type Dimension, type Level } from "./assessment";
import { STATUSES, type Status } from "./vocabulary";

/** A headline status, or none yet. */
export type StatusBucket = Status | "unclassified";
export const STATUS_BUCKETS: readonly StatusBucket[] = [...STATUSES, "unclassified"];

/** A software's assessed tier: the worst inherent tier of its current assessments, or none. */
export type TierBucket = Level | "not_assessed";
export const TIER_BUCKETS: readonly TierBucket[] = [...LEVELS, "not_assessed"];

/** A bucket's label: its key in the vocabulary catalogue (messages/<locale>/vocabulary.json), worded by the page. */
export type BucketLabelKey = `status.${Status}` | "statusBucket.unclassified" | `level.${Level}` | "tierBucket.not_assessed";

export const statusBucketLabelKey = (bucket: StatusBucket): BucketLabelKey => (bucket === "unclassified" ? "statusBucket.unclassified" : `status.${bucket}`);
export const tierBucketLabelKey = (bucket: TierBucket): BucketLabelKey => (bucket === "not_assessed" ? "tierBucket.not_assessed" : `level.${bucket}`);

export interface Bar<K extends string> {
  key: K;
  labelKey: BucketLabelKey;
  count: number;
  /** Whole-number share of the total, 0 when there is nothing. */
  percent: number;
}

export interface SoftwareSummary {
  total: number;
  byStatus: Bar<StatusBucket>[];
  byTier: Bar<TierBucket>[];
}

/** One aggregated row: how many software have this headline status and this assessed tier. */
export interface StatusTierCount {
  status: Status | null;
  tier: Level | null;
  count: number;
}

/** Whole-number percentage of `part` in `whole`; 0 of 0 is 0. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/**
 * Counts by status and by tier, every bucket present (zeros included) in vocabulary order,
 * from the status × tier cross-count. Both add up to the total.
 */
export function summariseSoftware(rows: StatusTierCount[]): SoftwareSummary {
  const byStatus = new Map<StatusBucket, number>();
  const byTier = new Map<TierBucket, number>();
  let total = 0;
  for (const row of rows) {
    const status: StatusBucket = row.status ?? "unclassified";
    const tier: TierBucket = row.tier ?? "not_assessed";
    byStatus.set(status, (byStatus.get(status) ?? 0) + row.count);
    byTier.set(tier, (byTier.get(tier) ?? 0) + row.count);
    total += row.count;
  }
  const bars = <K extends string>(keys: readonly K[], labelKey: (key: K) => BucketLabelKey, counts: Map<K, number>): Bar<K>[] =>
    keys.map((key) => {
      const count = counts.get(key) ?? 0;
      return { key, labelKey: labelKey(key), count, percent: percentOf(count, total) };
    });
  return { total, byStatus: bars(STATUS_BUCKETS, statusBucketLabelKey, byStatus), byTier: bars(TIER_BUCKETS, tierBucketLabelKey, byTier) };
}

/** One aggregated row of the heat map, as read from the stored results (text, so checked here). */
export interface DimensionLevelCount {
  dimension: string;
  level: string;
  count: number;
}

/** Shades of a heat-map cell: 0 for an empty cell, up to HEAT_SHADES for the fullest. */
export const HEAT_SHADES = 5;

export interface HeatMapCell {
  level: Level;
  count: number;
  /** 0 (none) … HEAT_SHADES (the largest count), proportional to the count. */
  shade: number;
}

export interface HeatMap {
  /** How many current assessments the map counts: each contributes one level per dimension. */
  assessments: number;
  rows: { dimension: Dimension; cells: HeatMapCell[] }[];
}

/** The shade of a count against the largest count: any non-zero count shows at least the lightest. */
export function heatShade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(HEAT_SHADES, Math.ceil((count / max) * HEAT_SHADES));
}

const isDimension = (value: string): value is Dimension => (DIMENSIONS as readonly string[]).includes(value);
const isLevel = (value: string): value is Level => (LEVELS as readonly string[]).includes(value);

/**
 * The dimension × level matrix in vocabulary order, every cell present. Rows naming a
 * dimension or level the vocabulary does not know (a result stored by an older scorer)
 * are left out rather than shown under a wrong heading.
 */
export function shapeHeatMap(rows: DimensionLevelCount[]): HeatMap {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (!isDimension(row.dimension) || !isLevel(row.level)) continue;
    const key = `${row.dimension}/${row.level}`;
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  const max = Math.max(0, ...counts.values());
  const matrix = DIMENSIONS.map((dimension) => ({
    dimension,
    cells: LEVELS.map((level) => {
      const count = counts.get(`${dimension}/${level}`) ?? 0;
      return { level, count, shade: heatShade(count, max) };
    }),
  }));
  // Every assessment has a level on every dimension, so any row's total is the number assessed.
  const assessments = Math.max(0, ...matrix.map((row) => row.cells.reduce((sum, cell) => sum + cell.count, 0)));
  return { assessments, rows: matrix };
}

/** The first `limit` items, and how many more there are. */
export function firstOf<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}
