import { currentClassification, type ClassificationFact } from "./verdict";
import { PERMITTING_STATUSES, STATUS_LABELS, type IdentifierType, type Status } from "./vocabulary";

/**
 * Enforcement exports: the catalogue's identifiers and current statuses turned into the files
 * that endpoint and network tools enforce (Santa, Chrome/Edge policy, web proxies, CI).
 * Pure: no database, no framework.
 *
 * These files apply to every machine or build alike, so they cannot honour a person's exception
 * grant. That is why only prohibited software is blocked by default; restricted software (which
 * people use with an approved exception) is blocked only when asked (`include: ["restricted"]`),
 * and under-review or unclassified software is never blocked: nobody has decided yet.
 */

/** Identifier types that some export uses. */
export const ENFORCED_IDENTIFIER_TYPES = ["signing_team_id", "signing_id", "sha256", "browser_extension", "domain", "npm", "pypi"] as const satisfies readonly IdentifierType[];

export interface EnforcementSoftware {
  id: string;
  slug: string;
  name: string;
  editions: { id: string; name: string }[];
  /** Decisions in effect (`decisionsInEffect`), history included. */
  classifications: ClassificationFact[];
}

export interface EnforcementIdentifierRow {
  softwareId: string;
  editionId: string | null;
  type: IdentifierType;
  value: string;
}

/** An identifier with the status it is enforced at. */
export interface EnforcedIdentifier {
  type: IdentifierType;
  value: string;
  status: Status;
  softwareSlug: string;
  softwareName: string;
  /** Set when the identifier names one edition, whose status it carries. */
  editionName: string | null;
}

/**
 * The status each identifier is enforced at: its edition's current classification when it
 * names an edition, else the software's. For a general identifier of software with editions,
 * the editions must agree; when they differ (Free prohibited, Enterprise approved) the
 * identifier is left out, since blocking it would block the allowed edition and allowing it
 * would allow the prohibited one. Unclassified identifiers are left out too.
 */
export function enforcedIdentifiers(input: {
  software: EnforcementSoftware[];
  identifiers: EnforcementIdentifierRow[];
  now: Date;
}): EnforcedIdentifier[] {
  const byId = new Map(input.software.map((s) => [s.id, s]));
  const out: EnforcedIdentifier[] = [];
  for (const identifier of input.identifiers) {
    const tool = byId.get(identifier.softwareId);
    if (!tool) continue;
    const edition = identifier.editionId ? tool.editions.find((e) => e.id === identifier.editionId) : undefined;
    const status = edition
      ? statusOf(tool, edition.id, input.now)
      : tool.editions.length === 0
        ? statusOf(tool, null, input.now)
        : agreedStatus(tool.editions.map((e) => statusOf(tool, e.id, input.now)));
    if (!status) continue;
    out.push({
      type: identifier.type,
      value: identifier.value,
      status,
      softwareSlug: tool.slug,
      softwareName: tool.name,
      editionName: edition?.name ?? null,
    });
  }
  return out.sort(byTypeThenValue);
}

function statusOf(tool: EnforcementSoftware, editionId: string | null, now: Date): Status | null {
  return currentClassification(tool.classifications, editionId, now)?.status ?? null;
}

function agreedStatus(statuses: (Status | null)[]): Status | null {
  const first = statuses[0] ?? null;
  return statuses.every((s) => s === first) ? first : null;
}

function byTypeThenValue(a: EnforcedIdentifier, b: EnforcedIdentifier): number {
  return compare(a.type, b.type) || compare(a.value, b.value);
}

/** Code-point order, so output is the same whatever the server's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ExportOptions {
  /** The app's public URL, without a trailing slash. */
  baseUrl: string;
  generatedAt: Date;
  /** Block restricted software too (default: prohibited only). */
  includeRestricted?: boolean;
}

function blocked(status: Status, options: ExportOptions): boolean {
  return status === "prohibited" || (status === "restricted" && options.includeRestricted === true);
}

function permitted(status: Status): boolean {
  return PERMITTING_STATUSES.includes(status);
}

function softwareUrl(entry: EnforcedIdentifier, baseUrl: string): string {
  return `${baseUrl}/software/${entry.softwareSlug}`;
}

function displayName(entry: EnforcedIdentifier): string {
  return entry.editionName ? `${entry.softwareName} (${entry.editionName})` : entry.softwareName;
}

// ---- Santa ---------------------------------------------------------------------------

export type SantaRuleType = "TEAMID" | "SIGNINGID" | "BINARY";
export type SantaPolicy = "BLOCKLIST" | "ALLOWLIST";

export interface SantaRule {
  identifier: string;
  policy: SantaPolicy;
  rule_type: SantaRuleType;
  custom_msg: string;
  custom_url: string;
}

/**
 * The identifier types Santa can match. A bundle id alone is not a signing id: Santa's
 * SIGNINGID is "TEAMID:signing-id", case-sensitive, while bundle ids are stored lower-cased.
 */
const SANTA_RULE_TYPES: Partial<Record<IdentifierType, SantaRuleType>> = {
  signing_team_id: "TEAMID",
  signing_id: "SIGNINGID",
  sha256: "BINARY",
};

const SANTA_RULE_ORDER: Record<SantaRuleType, number> = { BINARY: 0, SIGNINGID: 1, TEAMID: 2 };

/**
 * Santa sync rules: BLOCKLIST for prohibited software (and restricted, when asked), with a
 * message naming the tool and its status and a link to its page, where people can ask for an
 * exception. With `includeApproved`, approved software gets ALLOWLIST rules (for machines in
 * lockdown mode).
 */
export function santaRules(entries: EnforcedIdentifier[], options: ExportOptions & { includeApproved?: boolean }): { rules: SantaRule[] } {
  const rules: SantaRule[] = [];
  for (const entry of entries) {
    const ruleType = SANTA_RULE_TYPES[entry.type];
    if (!ruleType) continue;
    if (blocked(entry.status, options)) {
      rules.push({
        identifier: entry.value,
        policy: "BLOCKLIST",
        rule_type: ruleType,
        custom_msg: `${displayName(entry)} is ${STATUS_LABELS[entry.status].toLowerCase()} by Vetted. Ask for an exception on its page.`,
        custom_url: softwareUrl(entry, options.baseUrl),
      });
    } else if (options.includeApproved && permitted(entry.status)) {
      rules.push({
        identifier: entry.value,
        policy: "ALLOWLIST",
        rule_type: ruleType,
        custom_msg: `${displayName(entry)} is ${STATUS_LABELS[entry.status].toLowerCase()} by Vetted.`,
        custom_url: softwareUrl(entry, options.baseUrl),
      });
    }
  }
  rules.sort((a, b) => SANTA_RULE_ORDER[a.rule_type] - SANTA_RULE_ORDER[b.rule_type] || compare(a.identifier, b.identifier));
  return { rules };
}

// ---- Chrome / Edge -------------------------------------------------------------------

export interface ExtensionPolicy {
  ExtensionInstallBlocklist: string[];
  ExtensionInstallAllowlist: string[];
}

const CHROME_EXTENSION_ID = /^[a-p]{32}$/;

/**
 * Chrome and Edge extension policy. Only Chrome-format ids (32 letters a-p) are listed; Firefox
 * ids are left out. Approved and approved-with-conditions extensions are allowlisted, so the
 * policy also works with a blocklist of "*".
 */
export function extensionPolicy(entries: EnforcedIdentifier[], options: ExportOptions): ExtensionPolicy {
  const block = new Set<string>();
  const allow = new Set<string>();
  for (const entry of entries) {
    if (entry.type !== "browser_extension" || !CHROME_EXTENSION_ID.test(entry.value)) continue;
    if (blocked(entry.status, options)) block.add(entry.value);
    else if (permitted(entry.status)) allow.add(entry.value);
  }
  return {
    ExtensionInstallBlocklist: [...block].sort(compare),
    ExtensionInstallAllowlist: [...allow].sort(compare),
  };
}

// ---- Web proxy -----------------------------------------------------------------------

/** Plain text, one domain per line under a comment header. Wildcards ("*.example.com") as stored. */
export function domainBlocklist(entries: EnforcedIdentifier[], options: ExportOptions): string {
  const domains = [...new Set(entries.filter((e) => e.type === "domain" && blocked(e.status, options)).map((e) => e.value))].sort(compare);
  const scope = options.includeRestricted ? "prohibited and restricted" : "prohibited";
  const header = [
    `# Vetted domain blocklist, generated ${options.generatedAt.toISOString()}, ${domains.length} domain${domains.length === 1 ? "" : "s"}`,
    `# Domains of ${scope} software. Source: ${options.baseUrl}`,
  ];
  return [...header, ...domains].join("\n") + "\n";
}

// ---- Package deny-lists (CI) ---------------------------------------------------------

export type PackageEcosystem = "npm" | "pypi";

export interface DeniedPackage {
  name: string;
  status: "prohibited" | "restricted";
  reason: string;
  url: string;
}

/**
 * A deny-list for a CI step: prohibited and restricted packages, each marked with its status,
 * so the step can fail on prohibited and warn (or fail) on restricted.
 */
export function packageDenyList(
  entries: EnforcedIdentifier[],
  ecosystem: PackageEcosystem,
  options: Pick<ExportOptions, "baseUrl" | "generatedAt">,
): { generatedAt: string; ecosystem: PackageEcosystem; packages: DeniedPackage[] } {
  const packages: DeniedPackage[] = [];
  for (const entry of entries) {
    if (entry.type !== ecosystem) continue;
    if (entry.status !== "prohibited" && entry.status !== "restricted") continue;
    packages.push({
      name: entry.value,
      status: entry.status,
      reason:
        entry.status === "prohibited"
          ? `${displayName(entry)} is prohibited.`
          : `${displayName(entry)} is restricted: it needs an approved exception.`,
      url: softwareUrl(entry, options.baseUrl),
    });
  }
  packages.sort((a, b) => compare(a.name, b.name));
  return { generatedAt: options.generatedAt.toISOString(), ecosystem, packages };
}
