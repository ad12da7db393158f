/**
 * How search ranks and trims its candidates (pure; the candidates come from lib/queries/software.ts).
 *
 * The rule, strongest first — a match of a stronger kind always ranks above every match of a
 * weaker kind, whatever their scores:
 *   1. identifier — the query is one of the tool's identifiers (domain, package, bundle id…);
 *   2. name — the query is the tool's name, an edition's name or an alias;
 *   3. prefix — the name starts with the query, or every query word starts a word of it;
 *   4. word — every query word is a whole word of its name, vendor or identifiers (full text);
 *   5. fuzzy — a typo away: each query word within a few edits of a word of the name, where a
 *      swapped pair of adjacent letters costs one edit, as a changed letter does (Damerau);
 *      or a match in the description only.
 * Any match of kinds 1–4 drops every fuzzy one ("cursor.com" lists Cursor alone). Fuzzy matches
 * are kept only within the typo budget of the query's length, and only the closest of them
 * (at most one edit more than the best).
 */

export type MatchKind = "identifier" | "name" | "prefix" | "word" | "fuzzy";

const KIND_ORDER: Record<MatchKind, number> = { identifier: 0, name: 1, prefix: 2, word: 3, fuzzy: 4 };

/** What the database found about one candidate. */
export interface SearchCandidate {
  id: string;
  name: string;
  /** Lower-cased name, edition names and aliases (software.search_text). */
  searchText: string;
  /** The query is exactly one of its identifiers (other than an alias). */
  identifier: boolean;
  /** The query is exactly one of its aliases. */
  alias: boolean;
  /** Every query word is a word of its name, vendor, editions or identifiers (full text, weights A and B). */
  words: boolean;
  /** The query matches its description or category only (full text, weight C). */
  description: boolean;
  /** Full-text rank, for ordering among word matches. */
  textRank: number;
  /** Trigram word similarity of the query to its search text, a tie-breaker among fuzzy matches. */
  similarity: number;
}

export interface RankedCandidate {
  id: string;
  kind: MatchKind;
  /** Edits between the query and the name (0 unless fuzzy). */
  distance: number;
}

/** How many edits a word of this length may carry and still be the word meant. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein restricted): insertions, deletions,
 * substitutions and swaps of two adjacent letters each cost 1. "ndosi" → "nodsi" is 1, → "quosi" 2.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Edits between a query word and a word of the name, also counting the word's beginnings
 * (someone typing "cluad" is on their way to "claude").
 */
export function wordDistance(query: string, word: string): number {
  let best = editDistance(query, word);
  const budget = typoBudget(query.length);
  for (let k = Math.max(1, query.length - budget); k < Math.min(word.length, query.length + budget + 1); k++) {
    best = Math.min(best, editDistance(query, word.slice(0, k)));
  }
  return best;
}

export function queryWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}@./_-]+/u).filter(Boolean);
}

function nameWords(candidate: SearchCandidate): string[] {
  return [...new Set([...queryWords(candidate.name), ...queryWords(candidate.searchText)])];
}

/** The edits a query is from a candidate's name: each query word to its nearest word, summed; null past the budget. */
export function fuzzyDistance(query: string, candidate: SearchCandidate): number | null {
  const words = queryWords(query);
  const targets = nameWords(candidate);
  if (!words.length || !targets.length) return null;
  // The whole name too, so that "clauedcode" can still find "claude code".
  const whole = editDistance(words.join(" "), candidate.name.toLowerCase());
  const wholeOk = whole <= typoBudget(words.join("").length) ? whole : null;
  let total = 0;
  for (const word of words) {
    const best = Math.min(...targets.map((t) => wordDistance(word, t)));
    if (best > typoBudget(word.length)) return wholeOk;
    total += best;
  }
  return wholeOk === null ? total : Math.min(total, wholeOk);
}

function kindOf(query: string, candidate: SearchCandidate): MatchKind | null {
  const q = query.trim().toLowerCase();
  const name = candidate.name.toLowerCase();
  if (candidate.identifier) return "identifier";
  const words = queryWords(q);
  const targets = nameWords(candidate);
  if (name === q || candidate.alias) return "name";
  if (name.startsWith(q)) return "prefix";
  if (words.length > 0 && words.every((w, i) => targets.some((t) => (i === words.length - 1 ? t.startsWith(w) : t === w)))) return "prefix";
  if (candidate.words) return "word";
  return null;
}

/** Ranks and trims search candidates by the rule above; best first. */
export function rankCandidates(query: string, candidates: readonly SearchCandidate[]): RankedCandidate[] {
  const scored = candidates.map((candidate) => {
    const kind = kindOf(query, candidate);
    return { candidate, kind: kind ?? "fuzzy", distance: kind ? 0 : fuzzyDistance(query, candidate) };
  });
  const strong = scored.some((s) => s.kind !== "fuzzy");
  const close = scored.filter((s) => s.kind === "fuzzy" && s.distance !== null).map((s) => s.distance!);
  const bestFuzzy = close.length ? Math.min(...close) : null;
  const kept = scored.filter((s) => {
    if (s.kind !== "fuzzy") return true;
    if (strong) return false;
    if (bestFuzzy !== null) return s.distance !== null && s.distance <= bestFuzzy + 1;
    // Description-only matches, when nothing resembles a name at all.
    return s.candidate.description;
  });
  const q = query.trim().toLowerCase();
  const startsName = (s: (typeof kept)[number]) => (s.candidate.name.toLowerCase().startsWith(q) ? 0 : 1);
  kept.sort((a, b) => {
    const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    if (byKind) return byKind;
    if (a.kind === "prefix" && startsName(a) !== startsName(b)) return startsName(a) - startsName(b);
    if (a.kind === "word" && a.candidate.textRank !== b.candidate.textRank) return b.candidate.textRank - a.candidate.textRank;
    if (a.kind === "fuzzy") {
      const byDistance = (a.distance ?? Number.MAX_SAFE_INTEGER) - (b.distance ?? Number.MAX_SAFE_INTEGER);
      if (byDistance) return byDistance;
      if (a.candidate.similarity !== b.candidate.similarity) return b.candidate.similarity - a.candidate.similarity;
    }
    return a.candidate.name.length - b.candidate.name.length || a.candidate.name.localeCompare(b.candidate.name);
  });
  return kept.map((s) => ({ id: s.candidate.id, kind: s.kind, distance: s.distance ?? 0 }));
}

/** Whole-name trigram similarity a check needs to accept a misspelling of more than one edit. */
export const CHECK_MIN_SIMILARITY = 0.42;

/**
 * The catalogue name a check's misspelt query means, or null: the fewest edits to the whole
 * name (a swapped pair costs one, so "ndosi share" means "Nodsi Share", not "Quosi Share"),
 * within the typo budget; past one edit the name must also resemble it as a whole
 * ("zoom" is not "ZoomInfo", "cla" is not "Claude").
 */
export function closestName<T extends { name: string; similarity: number }>(query: string, candidates: readonly T[]): T | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, " ");
  const budget = typoBudget(q.replace(/ /g, "").length);
  let best: { candidate: T; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(q, candidate.name.toLowerCase());
    if (distance > budget || (distance > 1 && candidate.similarity < CHECK_MIN_SIMILARITY)) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate.similarity > best.candidate.similarity)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate ?? null;
}

/** Every way of swapping two adjacent letters of the query: the names one transposition away, for an exact lookup. */
export function transpositions(query: string, max = 60): string[] {
  const q = query.trim().toLowerCase();
  if (q.length > max) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < q.length; i++) {
    if (q[i] === q[i + 1]) continue;
    out.add(q.slice(0, i) + q[i + 1] + q[i] + q.slice(i + 2));
  }
  return [...out];
}
