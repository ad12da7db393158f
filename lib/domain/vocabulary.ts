/** The product's words (PRODUCT.md), as data. Pure: no database, no framework. */

export const ROLES = ["employee", "manager", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Ordered from least to most sensitive: index order is the ordering. */
export const DATA_CLASSES = ["public", "internal", "confidential", "restricted"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const DEFAULT_DATA_CLASS_LABELS: Record<DataClass, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  restricted: "Restricted",
};

export function dataClassRank(dataClass: DataClass): number {
  return DATA_CLASSES.indexOf(dataClass);
}

export const STATUSES = [
  "approved",
  "approved_with_conditions",
  "restricted",
  "prohibited",
  "under_review",
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  approved: "Approved",
  approved_with_conditions: "Approved with conditions",
  restricted: "Restricted",
  prohibited: "Prohibited",
  under_review: "Under review",
};

/** One line a person can act on, shown next to every status badge. */
export const STATUS_MEANINGS: Record<Status, string> = {
  approved: "Use it for data up to the allowed class.",
  approved_with_conditions: "Use it only if you follow the listed conditions.",
  restricted: "Not allowed without an approved exception.",
  prohibited: "Not allowed; exceptions only in extraordinary cases decided by security.",
  under_review: "Being assessed: treat it as not allowed yet.",
};

/** Statuses that permit use at all, and so need a highest allowed data class. */
export const PERMITTING_STATUSES: readonly Status[] = ["approved", "approved_with_conditions"];

export const KINDS = [
  "ai_assistant",
  "cli",
  "saas",
  "desktop_app",
  "browser_extension",
  "ide_extension",
  "npm_package",
  "pypi_package",
  "mobile_app",
  "other",
] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  ai_assistant: "AI assistant",
  cli: "Command-line tool",
  saas: "SaaS",
  desktop_app: "Desktop app",
  browser_extension: "Browser extension",
  ide_extension: "IDE extension",
  npm_package: "npm package",
  pypi_package: "PyPI package",
  mobile_app: "Mobile app",
  other: "Other",
};

export const IDENTIFIER_TYPES = [
  "alias",
  "domain",
  "npm",
  "pypi",
  "vscode_extension",
  "browser_extension",
  "bundle_id",
  "signing_team_id",
  "signing_id",
  "sha256",
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export const IDENTIFIER_TYPE_LABELS: Record<IdentifierType, string> = {
  alias: "Alias name",
  domain: "Domain",
  npm: "npm package",
  pypi: "PyPI package",
  vscode_extension: "VS Code extension id",
  browser_extension: "Browser extension id",
  bundle_id: "macOS bundle id",
  signing_team_id: "Code-signing team id",
  signing_id: "Code-signing id (TEAMID:signing-id)",
  sha256: "SHA-256 of a binary",
};

export const VERDICTS = [
  "allowed",
  "allowed_with_conditions",
  "allowed_by_exception",
  "exception_required",
  "prohibited",
  "under_review",
  "unknown",
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  allowed: "Allowed",
  allowed_with_conditions: "Allowed with conditions",
  allowed_by_exception: "Allowed by exception",
  exception_required: "Exception required",
  prohibited: "Prohibited",
  under_review: "Under review",
  unknown: "Unknown",
};

/** Default months until a classification is due for reassessment, per status. */
export const DEFAULT_REVIEW_INTERVAL_MONTHS: Record<Status, number> = {
  approved: 24,
  approved_with_conditions: 12,
  restricted: 12,
  prohibited: 24,
  under_review: 1,
};

/** Whether a data processing agreement with the vendor is in place. */
export const DPA_STATUSES = ["signed", "available", "none", "unknown"] as const;
export type DpaStatus = (typeof DPA_STATUSES)[number];

export const DPA_LABELS: Record<DpaStatus, string> = {
  signed: "Signed",
  available: "Available, not signed",
  none: "None offered",
  unknown: "Unknown",
};
