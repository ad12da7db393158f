import { describe, expect, it } from "vitest";
import { closestName, editDistance, rankCandidates, transpositions, typoBudget, wordDistance, type SearchCandidate } from "@/lib/domain/search-ranking";

function candidate(name: string, over: Partial<SearchCandidate> = {}): SearchCandidate {
  return { id: name, name, searchText: name.toLowerCase(), identifier: false, alias: false, words: false, description: false, textRank: 0, similarity: 0.3, ...over };
}

const names = (query: string, candidates: SearchCandidate[]) => rankCandidates(query, candidates).map((r) => r.id);

describe("edit distance (Damerau: a swapped pair costs one edit)", () => {
  it("counts a transposition as one edit and a changed letter as one", () => {
    expect(editDistance("ndosi share", "nodsi share")).toBe(1);
    expect(editDistance("ndosi share", "quosi share")).toBe(2);
    expect(editDistance("cluade", "claude")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("counts a word's beginning, for a query still being typed", () => {
    expect(wordDistance("cluad", "claude")).toBe(1);
    expect(wordDistance("cluade", "cli")).toBeGreaterThan(typoBudget(6));
  });

  it("lists the one-swap variants of a query", () => {
    expect(transpositions("ndosi")).toContain("nodsi");
    expect(transpositions("aab")).toEqual(["aba"]);
    expect(transpositions("x".repeat(61))).toEqual([]);
  });
});

describe("search ranking", () => {
  it("drops fuzzy matches when an identifier matches (cursor.com)", () => {
    const found = names("cursor.com", [
      candidate("MongoDB Compass", { similarity: 0.4 }),
      candidate("IntelliJ IDEA", { similarity: 0.3 }),
      candidate("Cursor", { identifier: true, words: true }),
    ]);
    expect(found).toEqual(["Cursor"]);
  });

  it("keeps only the closest misspellings (cluade: no Gemini CLI, no Codex CLI)", () => {
    const found = names("cluade", [
      candidate("Gemini CLI", { similarity: 0.3 }),
      candidate("OpenAI Codex CLI", { similarity: 0.3 }),
      candidate("Claude Code", { similarity: 0.5 }),
      candidate("Cline", { similarity: 0.35 }),
      candidate("Claude", { similarity: 0.45 }),
    ]);
    expect(found).toEqual(["Claude Code", "Claude"]);
  });

  it("ranks identifier, name, prefix and word matches strictly above fuzzy ones, in that order", () => {
    const ranked = rankCandidates("claude", [
      candidate("Claude in Chrome"),
      candidate("Claude", { similarity: 1 }),
      candidate("Claude Desktop Helper", { identifier: true }),
      candidate("Some Agent", { words: true, textRank: 0.9, searchText: "some agent" }),
      candidate("Cline", { similarity: 0.9 }),
    ]);
    expect(ranked.map((r) => [r.id, r.kind])).toEqual([
      ["Claude Desktop Helper", "identifier"],
      ["Claude", "name"],
      ["Claude in Chrome", "prefix"],
      ["Some Agent", "word"],
    ]);
  });

  it("counts an alias as the name, and a word of the name as a prefix", () => {
    const ranked = rankCandidates("copilot", [candidate("Microsoft Copilot"), candidate("GitHub Copilot", { alias: true }), candidate("Copper", { similarity: 0.4 })]);
    expect(ranked.map((r) => [r.id, r.kind])).toEqual([
      ["GitHub Copilot", "name"],
      ["Microsoft Copilot", "prefix"],
    ]);
  });

  it("prefers a swapped pair over a changed letter (Ndosi Share → Nodsi Share before Quosi Share)", () => {
    expect(names("Ndosi Share", [candidate("Quosi Share", { similarity: 0.7 }), candidate("Nodsi Share", { similarity: 0.6 })])).toEqual(["Nodsi Share", "Quosi Share"]);
  });

  it("falls back to description matches only when no name resembles the query", () => {
    expect(names("diagramming", [candidate("Miro", { description: true })])).toEqual(["Miro"]);
    expect(names("mirro", [candidate("Miro", { similarity: 0.5 }), candidate("Whiteboard", { description: true })])).toEqual(["Miro"]);
  });
});

describe("a check's misspelt name", () => {
  const c = (name: string, similarity: number) => ({ name, similarity });
  it("takes the fewest edits, a swap costing one", () => {
    expect(closestName("ndosi share", [c("Quosi Share", 0.5), c("Nodsi Share", 0.45)])?.name).toBe("Nodsi Share");
    expect(closestName("cluade code", [c("Claude Code", 0.43)])?.name).toBe("Claude Code");
  });

  it("refuses loose guesses", () => {
    expect(closestName("zoom", [c("ZoomInfo", 0.4)])).toBeNull();
    expect(closestName("cla", [c("Claude", 0.3)])).toBeNull();
    expect(closestName("abcdefghij", [c("abcxyzghij", 0.2)])).toBeNull();
  });
});
