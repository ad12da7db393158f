/**
 * Example answers for the API reference. A unit test (tests/unit/openapi.test.ts) validates each
 * against its response schema, so an example cannot drift from what the endpoint answers.
 */

const base = "https://vetted.example.com";

export const checkAnswer = {
  query: "@anthropic-ai/claude-code",
  verdict: "exception_required",
  match: "identifier",
  software: { slug: "claude-code", name: "Claude Code", vendor: "Anthropic", kind: "cli", status: "restricted", maxDataClass: "internal" },
  edition: null,
  dataClass: "confidential",
  reasons: ["Claude Code is restricted: it needs an approved exception for confidential data."],
  conditions: [],
  alternatives: [{ slug: "github-copilot", name: "GitHub Copilot", url: `${base}/software/github-copilot` }],
  url: `${base}/software/claude-code`,
  grant: null,
  assessment: {
    assessmentId: "3f1c9a52-7a0e-4a53-9d0b-2c8f1e6b4d21",
    inherentTier: "critical",
    residualTier: "high",
    completedOn: "2026-10-14",
    agentCapabilities: [
      { id: "runs_shell_commands", text: "can run shell commands on your computer" },
      { id: "sends_content_to_cloud", text: "sends your code to the vendor's cloud (whole files or repositories)" },
      { id: "mcp_plugins", text: "connects to plugins (MCP servers)" },
    ],
  },
};

export const bulkCheckItems = {
  dataClass: "internal",
  items: [{ q: "cursor" }, { q: "left-pad", type: "npm" }, { q: "@anthropic-ai/claude-code", dataClass: "confidential" }],
};

export const bulkCheckAnswer = {
  format: "cyclonedx",
  items: [
    {
      query: "faker", verdict: "prohibited", match: "identifier",
      software: { slug: "faker-js", name: "faker.js", vendor: null, kind: "npm_package", status: "prohibited", maxDataClass: null },
      edition: null, dataClass: null, reasons: ["faker.js is prohibited."], conditions: [], alternatives: [],
      url: `${base}/software/faker-js`, grant: null, assessment: null, type: "npm", version: "6.6.6", dev: false,
    },
    {
      query: "left-pad", verdict: "unknown", match: null, software: null, edition: null, dataClass: null,
      reasons: ["This tool is not in the catalogue: nobody has assessed it yet."], conditions: [], alternatives: [], url: null,
      grant: null, assessment: null, type: "npm", version: "1.3.0", dev: true,
    },
  ],
  summary: {
    total: 2,
    byVerdict: { allowed: 0, allowed_with_conditions: 0, allowed_by_exception: 0, exception_required: 0, under_review: 0, unknown: 1, prohibited: 1 },
    worst: "prohibited",
  },
};

export const softwarePage = {
  items: [
    {
      slug: "wetransfer", name: "WeTransfer", vendor: "WeTransfer", kind: "saas", category: "File sharing", status: "prohibited",
      statusByEdition: null, description: "File transfer service.", url: `${base}/software/wetransfer`, grant: null,
    },
    {
      slug: "slack", name: "Slack", vendor: "Salesforce", kind: "saas", category: "Communication", status: "approved_with_conditions",
      statusByEdition: [
        { edition: "enterprise-grid", name: "Enterprise Grid", status: "approved_with_conditions" },
        { edition: "free-workspace", name: "Free workspace", status: "prohibited" },
      ],
      description: "Team messaging.", url: `${base}/software/slack`,
      grant: {
        dataClass: "confidential", conditions: ["Enterprise Grid workspace only"], endsOn: "2026-12-31", daysLeft: 27,
        request: { id: "9b2d4e61-0c7a-4f3e-8a15-6d2e9f0b1c34", url: `${base}/requests/9b2d4e61-0c7a-4f3e-8a15-6d2e9f0b1c34` },
      },
    },
  ],
  total: 2,
  page: 1,
  pageSize: 25,
  pageCount: 1,
};

export const softwareDetail = {
  slug: "claude-code",
  name: "Claude Code",
  vendor: { name: "Anthropic", website: "https://www.anthropic.com" },
  kind: "cli",
  category: "AI coding assistant",
  description: "Agentic coding tool in the terminal.",
  homepage: "https://claude.com/claude-code",
  owner: "Developer Platform",
  status: "restricted",
  editions: [],
  identifiers: [{ type: "npm", value: "@anthropic-ai/claude-code", edition: null }],
  current: [
    {
      edition: null,
      status: "restricted",
      maxDataClass: "internal",
      conditions: [],
      rationale: "Sends code to a third party; allowed by exception while the enterprise agreement is negotiated.",
      reviewDueOn: "2027-05-01",
      alternatives: [{ slug: "github-copilot", name: "GitHub Copilot", url: `${base}/software/github-copilot` }],
      verdicts: { public: "exception_required", internal: "exception_required", confidential: "exception_required", restricted: "exception_required" },
    },
  ],
  history: [
    {
      id: "0b6f3c8e-5d1e-4c55-9d55-2b1f0f2f4a10",
      edition: null,
      status: "restricted",
      maxDataClass: "internal",
      conditions: [],
      rationale: "Sends code to a third party; allowed by exception while the enterprise agreement is negotiated.",
      decidedBy: "Riley Reviewer",
      decidedAt: "2026-11-01T09:30:00.000Z",
      reviewDueOn: "2027-05-01",
    },
  ],
  url: `${base}/software/claude-code`,
};

export const santaRules = {
  rules: [
    {
      identifier: "2BUA8C4S2C",
      policy: "BLOCKLIST",
      rule_type: "TEAMID",
      custom_msg: "ExampleVPN is prohibited by Vetted. Ask for an exception on its page.",
      custom_url: `${base}/software/examplevpn`,
    },
  ],
};

export const extensionPolicy = {
  ExtensionInstallBlocklist: ["aapbdbdomjkkjkaonfhkkikfgjllcleb"],
  ExtensionInstallAllowlist: ["nngceckbapebfimnlniiiahkandclblb"],
};

export const domainBlocklist =
  "# Vetted domain blocklist, generated 2026-11-24T08:00:00.000Z, 1 domain\n# Domains of prohibited software. Source: https://vetted.example.com\nwetransfer.com\n";

export const npmDenyList = {
  generatedAt: "2026-11-24T08:00:00.000Z",
  ecosystem: "npm",
  packages: [{ name: "faker", status: "prohibited", reason: "faker.js is prohibited.", url: `${base}/software/faker-js` }],
};

export const catalogueDocument = {
  format: "vetted-catalogue",
  version: 1,
  exportedAt: "2026-11-24T08:00:00.000Z",
  filters: { status: "prohibited" },
  software: [
    {
      slug: "wetransfer",
      name: "WeTransfer",
      vendor: { name: "WeTransfer", website: "https://wetransfer.com" },
      kind: "saas",
      category: "File sharing",
      description: "File transfer service.",
      homepage: "https://wetransfer.com",
      owner: null,
      status: "prohibited",
      editions: [],
      identifiers: [{ type: "domain", value: "wetransfer.com", edition: null }],
      classifications: [
        {
          edition: null,
          status: "prohibited",
          maxDataClass: null,
          conditions: [],
          rationale: "Files leave the company without an agreement; use the company file share.",
          alternatives: [],
          reviewDueOn: "2027-11-24",
          decidedAt: "2026-11-24T08:00:00.000Z",
          decidedBy: "Riley Reviewer",
        },
      ],
    },
  ],
};

export const catalogueCsv =
  "\uFEFFslug,name,vendor,vendor_website,kind,category,description,homepage,owner,edition,edition_name,edition_description,identifiers,status,max_data_class,conditions,rationale,alternatives,review_due_on,decided_at,decided_by\r\n" +
  "wetransfer,WeTransfer,WeTransfer,https://wetransfer.com,saas,File sharing,File transfer service.,https://wetransfer.com,,,,,domain:wetransfer.com,prohibited,,,Files leave the company without an agreement; use the company file share.,,2027-11-24,2026-11-24T08:00:00.000Z,Riley Reviewer\r\n";

export const importPlan = {
  mode: "dry-run",
  applied: false,
  format: "csv",
  summary: { total: 2, create: 1, update: 0, unchanged: 0, reject: 1 },
  rows: [
    {
      row: 1, line: 2, location: "line 2", slug: "wetransfer", name: "WeTransfer", action: "create",
      changes: [{ field: "name", before: null, after: "WeTransfer" }, { field: "kind", before: null, after: "saas" }],
      reasons: [],
    },
    {
      row: 2, line: 3, location: "line 3", slug: "dropbox", name: "Dropbox", action: "reject", changes: [],
      reasons: ["line 3, identifiers: domain:wetransfer.com is also on line 2"],
    },
  ],
};

export const importRejected = {
  error: {
    status: 422,
    message: "Nothing was imported: 1 row is rejected.",
    details: { ...importPlan, mode: "apply" },
  },
};
