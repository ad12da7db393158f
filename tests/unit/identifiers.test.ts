import { describe, expect, it } from "vitest";
import { identifierCandidates, normaliseIdentifier } from "@/lib/domain/identifiers";

describe("normaliseIdentifier", () => {
  it.each([
    ["domain", "https://www.Cursor.com/pricing?x=1", "cursor.com"],
    ["domain", "claude.ai.", "claude.ai"],
    ["domain", "*.slack.com", "*.slack.com"],
    ["npm", "@Anthropic-AI/Claude-Code", "@anthropic-ai/claude-code"],
    ["pypi", "Typing_Extensions", "typing-extensions"],
    ["pypi", "zope.interface", "zope-interface"],
    ["vscode_extension", "GitHub.Copilot", "github.copilot"],
    ["browser_extension", "CJPALHDLNBPAFIAMEJDNHCPHJBKEIAGM", "cjpalhdlnbpafiamejdnhcphjbkeiagm"],
    ["browser_extension", "uBlock0@raymondhill.net", "ublock0@raymondhill.net"],
    ["bundle_id", "com.Microsoft.VSCode", "com.microsoft.vscode"],
    ["signing_team_id", "ubf8t346g9", "UBF8T346G9"],
    ["signing_id", "eqhxz8m8av:com.google.Chrome", "EQHXZ8M8AV:com.google.Chrome"],
    ["signing_id", "Platform:com.apple.curl", "platform:com.apple.curl"],
    ["alias", "  Claude   Code ", "claude code"],
    ["sha256", "A".repeat(64), "a".repeat(64)],
  ] as const)("%s %s → %s", (type, raw, normalised) => {
    expect(normaliseIdentifier(type, raw)).toBe(normalised);
  });

  it.each([
    ["domain", "not a domain"],
    ["domain", "localhost"],
    ["npm", "Has Spaces"],
    ["npm", "@scope/"],
    ["pypi", "-bad-"],
    ["vscode_extension", "no-dot"],
    ["browser_extension", "xyz"],
    ["bundle_id", "single"],
    ["signing_team_id", "TOO-SHORT"],
    ["signing_id", "com.google.Chrome"],
    ["signing_id", "EQHXZ8M8AV:"],
    ["signing_id", "EQHXZ8M8AV:has space"],
    ["sha256", "abc"],
    ["alias", ""],
    ["alias", "x".repeat(301)],
  ] as const)("rejects %s %j", (type, raw) => {
    expect(normaliseIdentifier(type, raw)).toBeNull();
  });
});

describe("identifierCandidates", () => {
  it("derives every form a query could take", () => {
    const candidates = identifierCandidates("https://www.cursor.com/");
    expect(candidates).toContain("cursor.com");
    expect(identifierCandidates("@anthropic-ai/claude-code")).toContain("@anthropic-ai/claude-code");
  });

  it("is empty for nothing", () => {
    expect(identifierCandidates("   ")).toEqual([]);
  });
});
