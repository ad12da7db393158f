import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { domainBlocklist, extensionPolicy, packageDenyList, santaRules } from "@/lib/domain/enforcement";
import type { IdentifierType } from "@/lib/domain/vocabulary";
import { addEdition, addIdentifier, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { listEnforcedIdentifiers } from "@/lib/queries/enforcement";
import { normaliseIdentifier } from "@/lib/domain/identifiers";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let secondReviewer: SessionUser;
const BASE = "http://vetted.test";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const chromeId = () => [...randomBytes(32)].map((b) => String.fromCharCode(97 + (b % 16))).join("");
const teamId = () => hex(5).toUpperCase();
const domain = () => `x${hex(6)}.example`;

async function tool(name: string) {
  return runMutation(createSoftware, reviewer, { name: unique(name), kind: "desktop_app", category: "Testing", description: "", vendorId: "" });
}
async function identify(softwareId: string, type: IdentifierType, value: string, editionId?: string) {
  await runMutation(addIdentifier, reviewer, { softwareId, type, value, editionId: editionId ?? "" });
  return normaliseIdentifier(type, value)!;
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  secondReviewer = await makeUser(db, "reviewer");
});

afterAll(async () => {
  await closeDb();
});

describe("enforcement exports from the catalogue", () => {
  it("blocks what is prohibited now, per edition, and never what is approved or unclassified", async () => {
    // A prohibited desktop app, known by team id, binary hash, domain, extension and npm package.
    const banned = await tool("Banned Remote");
    await runMutation(recordClassification, reviewer, { softwareId: banned.id, status: "prohibited", rationale: "Exfiltrates data." });
    const bannedTeam = await identify(banned.id, "signing_team_id", teamId());
    const bannedHash = await identify(banned.id, "sha256", hex(32));
    // Case is kept in the signing id (Santa matches it exactly); only the team id is upper-cased.
    const bannedSigningId = await identify(banned.id, "signing_id", `${teamId().toLowerCase()}:com.example.BannedRemote`);
    const bannedDomain = await identify(banned.id, "domain", domain());
    const bannedExt = await identify(banned.id, "browser_extension", chromeId());
    const bannedNpm = await identify(banned.id, "npm", `banned-${hex(4)}`);
    const bannedPypi = await identify(banned.id, "pypi", `banned-${hex(4)}`);

    // Free edition prohibited, Enterprise approved; a shared domain is in neither list.
    const chat = await tool("Chat");
    const free = await runMutation(addEdition, reviewer, { softwareId: chat.id, name: "Free" });
    const enterprise = await runMutation(addEdition, reviewer, { softwareId: chat.id, name: "Enterprise" });
    await runMutation(recordClassification, reviewer, { softwareId: chat.id, status: "approved", maxDataClass: "confidential", rationale: "Enterprise contract." });
    await runMutation(recordClassification, reviewer, { softwareId: chat.id, editionId: free.id, status: "prohibited", rationale: "Personal accounts." });
    const freeDomain = await identify(chat.id, "domain", domain(), free.id);
    const enterpriseExt = await identify(chat.id, "browser_extension", chromeId(), enterprise.id);
    const sharedDomain = await identify(chat.id, "domain", domain());

    // Restricted: listed by the npm deny-list, blocked elsewhere only when asked.
    const restricted = await tool("Restricted Sync");
    await runMutation(recordClassification, reviewer, { softwareId: restricted.id, status: "restricted", rationale: "Needs an exception." });
    const restrictedNpm = await identify(restricted.id, "npm", `restricted-${hex(4)}`);
    const restrictedDomain = await identify(restricted.id, "domain", domain());

    // Unclassified software is never enforced.
    const fresh = await tool("Unassessed");
    const freshDomain = await identify(fresh.id, "domain", domain());

    // Prohibited, then loosened to approved awaiting a second reviewer: still blocked.
    const loosening = await tool("Loosening");
    await runMutation(recordClassification, reviewer, { softwareId: loosening.id, status: "prohibited", rationale: "Old concern." });
    await runMutation(recordClassification, secondReviewer, { softwareId: loosening.id, status: "approved", maxDataClass: "internal", rationale: "The issue is fixed." });
    const looseningDomain = await identify(loosening.id, "domain", domain());

    const entries = await listEnforcedIdentifiers(db, new Date(Date.now() + 1000));
    const statusOf = (value: string) => entries.find((e) => e.value === value)?.status ?? null;
    expect(statusOf(bannedDomain)).toBe("prohibited");
    expect(statusOf(freeDomain)).toBe("prohibited");
    expect(statusOf(enterpriseExt)).toBe("approved");
    expect(statusOf(sharedDomain)).toBeNull();
    expect(statusOf(freshDomain)).toBeNull();
    expect(statusOf(looseningDomain)).toBe("prohibited");
    expect(statusOf(restrictedDomain)).toBe("restricted");
    expect(entries.find((e) => e.value === freeDomain)).toMatchObject({ softwareSlug: chat.slug, editionName: "Free" });

    const options = { baseUrl: BASE, generatedAt: new Date() };
    const santa = santaRules(entries, options).rules;
    expect(santa).toContainEqual({
      identifier: bannedTeam,
      policy: "BLOCKLIST",
      rule_type: "TEAMID",
      custom_msg: `${banned.name} is prohibited by Vetted. Ask for an exception on its page.`,
      custom_url: `${BASE}/software/${banned.slug}`,
    });
    expect(santa.find((r) => r.identifier === bannedHash)).toMatchObject({ rule_type: "BINARY", policy: "BLOCKLIST" });
    expect(bannedSigningId).toMatch(/^[A-Z0-9]{10}:com\.example\.BannedRemote$/);
    expect(santa.find((r) => r.identifier === bannedSigningId)).toMatchObject({ rule_type: "SIGNINGID", policy: "BLOCKLIST" });

    const chrome = extensionPolicy(entries, options);
    expect(chrome.ExtensionInstallBlocklist).toContain(bannedExt);
    expect(chrome.ExtensionInstallAllowlist).toContain(enterpriseExt);
    expect(chrome.ExtensionInstallBlocklist).not.toContain(enterpriseExt);

    const lines = domainBlocklist(entries, options).split("\n");
    expect(lines[0]).toMatch(/^# Vetted domain blocklist, generated .+, \d+ domains?$/);
    expect(lines).toEqual(expect.arrayContaining([bannedDomain, freeDomain, looseningDomain]));
    for (const allowed of [sharedDomain, freshDomain, restrictedDomain]) expect(lines).not.toContain(allowed);
    expect(domainBlocklist(entries, { ...options, includeRestricted: true }).split("\n")).toContain(restrictedDomain);

    const npm = packageDenyList(entries, "npm", options).packages;
    expect(npm.find((p) => p.name === bannedNpm)).toMatchObject({ status: "prohibited", url: `${BASE}/software/${banned.slug}` });
    expect(npm.find((p) => p.name === restrictedNpm)).toMatchObject({ status: "restricted" });
    expect(packageDenyList(entries, "pypi", options).packages.map((p) => p.name)).toContain(bannedPypi);
  });

  it("follows a new decision at once: blocked once prohibited, not while under review", async () => {
    const later = await tool("Reconsidered");
    await runMutation(recordClassification, reviewer, { softwareId: later.id, status: "under_review", rationale: "Being looked at." });
    const value = await identify(later.id, "domain", domain());
    expect(domainBlocklist(await listEnforcedIdentifiers(db, new Date(Date.now() + 1000)), { baseUrl: BASE, generatedAt: new Date() })).not.toContain(value);
    await runMutation(recordClassification, reviewer, { softwareId: later.id, status: "prohibited", rationale: "Decided to prohibit." });
    expect(domainBlocklist(await listEnforcedIdentifiers(db, new Date(Date.now() + 1000)), { baseUrl: BASE, generatedAt: new Date() })).toContain(`\n${value}\n`);
  });
});
