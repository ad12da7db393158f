import { describe, expect, it } from "vitest";
import {
  domainBlocklist,
  enforcedIdentifiers,
  extensionPolicy,
  packageDenyList,
  santaRules,
  type EnforcedIdentifier,
  type EnforcementIdentifierRow,
  type EnforcementSoftware,
} from "@/lib/domain/enforcement";
import type { ClassificationFact } from "@/lib/domain/verdict";
import type { Status } from "@/lib/domain/vocabulary";
import { BlocklistExportQuery, SantaExportQuery } from "@/lib/validation/exports";

const NOW = new Date("2025-06-01T12:00:00Z");
const BASE = "https://vetted.example";
const OPTIONS = { baseUrl: BASE, generatedAt: NOW };

let seq = 0;
function decision(status: Status, editionId: string | null = null, decidedAt = new Date("2025-01-01T00:00:00Z")): ClassificationFact {
  seq += 1;
  return { id: `c${seq}`, editionId, status, maxDataClass: status.startsWith("approved") ? "internal" : null, conditions: [], decidedAt };
}

function tool(slug: string, classifications: ClassificationFact[], editions: { id: string; name: string }[] = []): EnforcementSoftware {
  return { id: slug, slug, name: slug.replace(/^./, (c) => c.toUpperCase()), editions, classifications };
}

function entry(type: EnforcedIdentifier["type"], value: string, status: Status, slug = "tool"): EnforcedIdentifier {
  return { type, value, status, softwareSlug: slug, softwareName: slug, editionName: null };
}

const EXT_A = "a".repeat(32);
const EXT_B = "b".repeat(32);
const SHA = "0".repeat(63) + "1";

describe("enforcedIdentifiers", () => {
  it("carries the software's current status, latest decision winning", () => {
    const software = [tool("evil", [decision("approved", null, new Date("2024-01-01")), decision("prohibited", null, new Date("2025-01-01"))])];
    const rows: EnforcementIdentifierRow[] = [{ softwareId: "evil", editionId: null, type: "domain", value: "evil.example" }];
    expect(enforcedIdentifiers({ software, identifiers: rows, now: NOW })).toEqual([
      { type: "domain", value: "evil.example", status: "prohibited", softwareSlug: "evil", softwareName: "Evil", editionName: null },
    ]);
  });

  it("ignores decisions not yet in effect and leaves unclassified software out", () => {
    const software = [tool("later", [decision("prohibited", null, new Date("2030-01-01"))]), tool("new", [])];
    const rows: EnforcementIdentifierRow[] = [
      { softwareId: "later", editionId: null, type: "npm", value: "later" },
      { softwareId: "new", editionId: null, type: "npm", value: "new" },
    ];
    expect(enforcedIdentifiers({ software, identifiers: rows, now: NOW })).toEqual([]);
  });

  it("gives an edition's identifier that edition's status, and leaves out a general one when editions disagree", () => {
    const editions = [{ id: "free", name: "Free" }, { id: "ent", name: "Enterprise" }];
    const software = [tool("chat", [decision("approved"), decision("prohibited", "free", new Date("2025-02-01"))], editions)];
    const rows: EnforcementIdentifierRow[] = [
      { softwareId: "chat", editionId: "free", type: "domain", value: "free.chat.example" },
      { softwareId: "chat", editionId: "ent", type: "domain", value: "corp.chat.example" },
      { softwareId: "chat", editionId: null, type: "domain", value: "chat.example" },
    ];
    const result = enforcedIdentifiers({ software, identifiers: rows, now: NOW });
    expect(result.map((r) => [r.value, r.status, r.editionName])).toEqual([
      ["corp.chat.example", "approved", "Enterprise"],
      ["free.chat.example", "prohibited", "Free"],
    ]);
  });

  it("gives a general identifier the editions' status when they agree", () => {
    const editions = [{ id: "free", name: "Free" }, { id: "pro", name: "Pro" }];
    const software = [tool("chat", [decision("prohibited", "free"), decision("prohibited", "pro")], editions)];
    const rows: EnforcementIdentifierRow[] = [{ softwareId: "chat", editionId: null, type: "domain", value: "chat.example" }];
    expect(enforcedIdentifiers({ software, identifiers: rows, now: NOW }).map((r) => r.status)).toEqual(["prohibited"]);
  });
});

describe("santaRules", () => {
  const entries = [
    entry("signing_team_id", "ZZZZZZZZZZ", "prohibited", "zoom-clone"),
    entry("sha256", SHA, "prohibited", "miner"),
    entry("signing_id", "YYYYYYYYYY:com.example.Miner", "prohibited", "miner"),
    entry("signing_team_id", "AAAAAAAAAA", "restricted", "remote"),
    entry("signing_team_id", "BBBBBBBBBB", "approved", "editor"),
    entry("domain", "miner.example", "prohibited", "miner"),
  ];

  it("blocklists prohibited binaries, signing ids and teams with a message and the software page", () => {
    expect(santaRules(entries, OPTIONS)).toEqual({
      rules: [
        { identifier: SHA, policy: "BLOCKLIST", rule_type: "BINARY", custom_msg: "miner is prohibited by Vetted. Ask for an exception on its page.", custom_url: `${BASE}/software/miner` },
        { identifier: "YYYYYYYYYY:com.example.Miner", policy: "BLOCKLIST", rule_type: "SIGNINGID", custom_msg: "miner is prohibited by Vetted. Ask for an exception on its page.", custom_url: `${BASE}/software/miner` },
        { identifier: "ZZZZZZZZZZ", policy: "BLOCKLIST", rule_type: "TEAMID", custom_msg: "zoom-clone is prohibited by Vetted. Ask for an exception on its page.", custom_url: `${BASE}/software/zoom-clone` },
      ],
    });
  });

  it("adds restricted only when asked, and allowlists approved only when asked", () => {
    const withRestricted = santaRules(entries, { ...OPTIONS, includeRestricted: true }).rules;
    expect(withRestricted.map((r) => [r.identifier, r.policy])).toEqual([[SHA, "BLOCKLIST"], ["YYYYYYYYYY:com.example.Miner", "BLOCKLIST"], ["AAAAAAAAAA", "BLOCKLIST"], ["ZZZZZZZZZZ", "BLOCKLIST"]]);
    expect(withRestricted[2]!.custom_msg).toBe("remote is restricted by Vetted. Ask for an exception on its page.");
    const withApproved = santaRules(entries, { ...OPTIONS, includeApproved: true }).rules;
    expect(withApproved.find((r) => r.identifier === "BBBBBBBBBB")?.policy).toBe("ALLOWLIST");
    expect(withApproved.some((r) => r.identifier === "AAAAAAAAAA")).toBe(false);
  });

  it("names the edition in the message and is the same whatever the input order", () => {
    const edition = { ...entry("sha256", SHA, "prohibited", "chat"), softwareName: "Chat", editionName: "Free" };
    expect(santaRules([edition], OPTIONS).rules[0]!.custom_msg).toBe("Chat (Free) is prohibited by Vetted. Ask for an exception on its page.");
    expect(santaRules([...entries].reverse(), OPTIONS)).toEqual(santaRules(entries, OPTIONS));
  });
});

describe("extensionPolicy", () => {
  it("blocks prohibited, allows approved, leaves out restricted unless asked and Firefox ids always", () => {
    const entries = [
      entry("browser_extension", EXT_B, "prohibited"),
      entry("browser_extension", EXT_A, "approved_with_conditions"),
      entry("browser_extension", "c".repeat(32), "restricted"),
      entry("browser_extension", "d".repeat(32), "under_review"),
      entry("browser_extension", "addon@mozilla.example", "prohibited"),
    ];
    expect(extensionPolicy(entries, OPTIONS)).toEqual({ ExtensionInstallBlocklist: [EXT_B], ExtensionInstallAllowlist: [EXT_A] });
    expect(extensionPolicy(entries, { ...OPTIONS, includeRestricted: true }).ExtensionInstallBlocklist).toEqual([EXT_B, "c".repeat(32)]);
  });
});

describe("domainBlocklist", () => {
  it("lists prohibited domains sorted under a header with the time and count", () => {
    const text = domainBlocklist(
      [entry("domain", "zeta.example", "prohibited"), entry("domain", "alpha.example", "prohibited"), entry("domain", "ok.example", "approved"), entry("npm", "alpha", "prohibited")],
      OPTIONS,
    );
    expect(text.split("\n")).toEqual([
      "# Vetted domain blocklist, generated 2025-06-01T12:00:00.000Z, 2 domains",
      `# Domains of prohibited software. Source: ${BASE}`,
      "alpha.example",
      "zeta.example",
      "",
    ]);
  });

  it("says 0 domains when nothing is blocked", () => {
    expect(domainBlocklist([], OPTIONS)).toContain(", 0 domains\n");
  });
});

describe("packageDenyList", () => {
  it("lists prohibited and restricted packages of one ecosystem, marked, with the page", () => {
    const entries = [
      entry("npm", "left-pad-evil", "prohibited", "evil"),
      entry("npm", "@corp/remote", "restricted", "remote"),
      entry("npm", "lodash", "approved", "lodash"),
      entry("pypi", "evil-py", "prohibited", "evil"),
    ];
    expect(packageDenyList(entries, "npm", OPTIONS)).toEqual({
      generatedAt: NOW.toISOString(),
      ecosystem: "npm",
      packages: [
        { name: "@corp/remote", status: "restricted", reason: "remote is restricted: it needs an approved exception.", url: `${BASE}/software/remote` },
        { name: "left-pad-evil", status: "prohibited", reason: "evil is prohibited.", url: `${BASE}/software/evil` },
      ],
    });
    expect(packageDenyList(entries, "pypi", OPTIONS).packages.map((p) => p.name)).toEqual(["evil-py"]);
  });
});

describe("export query parameters", () => {
  it("accepts a known include list and refuses an unknown value, naming the parameter", () => {
    expect([...SantaExportQuery.parse({ include: "restricted, approved" }).include]).toEqual(["restricted", "approved"]);
    expect(SantaExportQuery.parse({}).include.size).toBe(0);
    const bad = BlocklistExportQuery.safeParse({ include: "approved" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["include"]);
    expect(bad.error?.issues[0]?.message).toContain('not "approved"');
  });
});
