/**
 * The demo's history of work, beside the catalogue (seed-data.ts): completed assessments (answers
 * to the default questionnaire, scored by the real scoring code when seeded), evidence, and the
 * demo employee's requests at each step. Dates are days before the seed runs. Illustrative, like
 * the catalogue: not real assessments of these products.
 * Pure data: no database, no framework.
 */
import type { Answers } from "../lib/domain/assessment";
import type { DataClass } from "../lib/domain/vocabulary";

export interface SeedAssessment {
  /** A name in seed-data.ts. */
  software: string;
  /** An edition name of that entry; omitted = all editions. */
  edition?: string;
  /** Answers to lib/domain/default-template.ts (every required question; agent questions for AI tools). */
  answers: Answers;
  /** Mitigation ids of the default template: the conditions the reviewer attached. */
  mitigations: string[];
  startedDaysAgo: number;
  completedDaysAgo: number;
  evidence?: { title: string; url: string; addedDaysAgo: number; /** negative: already expired */ expiresInDays: number }[];
}

/** Vendor, security and deployment answers of a well-run SaaS with a company tenant. */
const WELL_RUN_SAAS: Answers = {
  data_retention: "30d",
  trains_on_customer_data: "no",
  data_residency: "our_region",
  subprocessors_disclosed: "yes",
  dpa_signed: "yes",
  sso: "yes",
  mfa: "yes",
  audit_logs: "yes",
  certifications: ["soc2_type2", "iso27001"],
  security_incidents: 0,
  deployment: "saas_tenant",
  network_egress: "vendor_only",
  update_channel: "signed_auto",
  third_party_extensions: "no",
};

export const seedAssessments: SeedAssessment[] = [
  {
    software: "Claude Code",
    answers: {
      ...WELL_RUN_SAAS,
      data_residency: "other_adequate",
      deployment: "local_app",
      third_party_extensions: "yes",
      runs_shell_commands: "yes",
      file_access: "anywhere",
      agent_network_access: "yes",
      sends_content_to_cloud: "repositories",
      mcp_plugins: "yes",
      autonomy: "asks",
      enterprise_controls: ["zdr", "admin_policies", "usage_analytics"],
      notes: "Pilot with Developer Experience: dev containers without production credentials, permission prompts kept on.",
    },
    mitigations: ["zero_data_retention", "sandboxed", "commands_need_approval", "plugins_allowlisted"],
    startedDaysAgo: 72,
    completedDaysAgo: 64,
    evidence: [
      { title: "Anthropic SOC 2 Type II report", url: "https://trust.anthropic.com/", addedDaysAgo: 70, expiresInDays: 12 },
    ],
  },
  {
    software: "Cursor",
    edition: "Business",
    answers: {
      ...WELL_RUN_SAAS,
      data_residency: "other_adequate",
      deployment: "local_app",
      third_party_extensions: "yes",
      runs_shell_commands: "yes",
      file_access: "workspace_write",
      agent_network_access: "yes",
      sends_content_to_cloud: "repositories",
      mcp_plugins: "yes",
      autonomy: "autonomous",
      enterprise_controls: ["zdr", "admin_policies"],
      notes: "Background agents and auto-run mode act without asking; privacy mode is enforced for the Business team.",
    },
    mitigations: ["zero_data_retention", "enterprise_tenant_only", "commands_need_approval"],
    startedDaysAgo: 110,
    completedDaysAgo: 101,
    evidence: [
      { title: "Cursor SOC 2 Type II report", url: "https://trust.cursor.com/", addedDaysAgo: 108, expiresInDays: -9 },
    ],
  },
  {
    software: "GitHub Copilot",
    edition: "Business",
    answers: {
      ...WELL_RUN_SAAS,
      data_retention: "none",
      deployment: "saas_tenant",
      third_party_extensions: "no",
      runs_shell_commands: "no",
      file_access: "workspace_read",
      agent_network_access: "no",
      sends_content_to_cloud: "snippets",
      mcp_plugins: "no",
      autonomy: "suggests",
      enterprise_controls: ["admin_policies", "usage_analytics"],
    },
    mitigations: ["enterprise_tenant_only"],
    // High risk: reassessed every 12 months, so this one is overdue.
    startedDaysAgo: 388,
    completedDaysAgo: 380,
  },
  {
    software: "DeepSeek",
    answers: {
      data_retention: "indefinite",
      trains_on_customer_data: "yes",
      data_residency: "unknown",
      subprocessors_disclosed: "unknown",
      dpa_signed: "no",
      sso: "no",
      mfa: "unknown",
      audit_logs: "no",
      certifications: ["none"],
      deployment: "saas_shared",
      network_egress: "vendor_only",
      update_channel: "signed_auto",
      third_party_extensions: "unknown",
      runs_shell_commands: "no",
      file_access: "none",
      agent_network_access: "unknown",
      sends_content_to_cloud: "repositories",
      mcp_plugins: "unknown",
      autonomy: "suggests",
      enterprise_controls: ["none"],
    },
    mitigations: [],
    startedDaysAgo: 140,
    completedDaysAgo: 137,
  },
  {
    software: "Ollama",
    answers: {
      ...WELL_RUN_SAAS,
      data_retention: "none",
      sso: "no",
      audit_logs: "no",
      certifications: [],
      deployment: "local_app",
      network_egress: "none",
      update_channel: "signed_auto",
      third_party_extensions: "yes",
      runs_shell_commands: "no",
      file_access: "none",
      agent_network_access: "no",
      sends_content_to_cloud: "nothing",
      mcp_plugins: "no",
      autonomy: "suggests",
      enterprise_controls: [],
    },
    mitigations: ["managed_updates"],
    startedDaysAgo: 98,
    completedDaysAgo: 95,
  },
  {
    software: "Otter.ai",
    answers: {
      ...WELL_RUN_SAAS,
      data_retention: "indefinite",
      data_residency: "other_adequate",
      sso: "unknown",
    },
    mitigations: ["no_confidential_data"],
    // High risk: reassessed every 12 months, so this one is overdue.
    startedDaysAgo: 395,
    completedDaysAgo: 388,
    evidence: [
      { title: "Otter.ai SOC 2 Type II report", url: "https://otter.ai/security", addedDaysAgo: 392, expiresInDays: 20 },
    ],
  },
  {
    software: "TeamViewer",
    answers: {
      ...WELL_RUN_SAAS,
      data_retention: "1y",
      data_residency: "other_adequate",
      deployment: "local_app",
      network_egress: "arbitrary",
      update_channel: "signed_auto",
      security_incidents: 2,
    },
    mitigations: ["managed_updates"],
    startedDaysAgo: 205,
    completedDaysAgo: 200,
  },
  {
    software: "Slack",
    edition: "Enterprise Grid",
    answers: { ...WELL_RUN_SAAS },
    mitigations: ["enterprise_tenant_only"],
    startedDaysAgo: 160,
    completedDaysAgo: 155,
  },
  {
    software: "Figma",
    answers: { ...WELL_RUN_SAAS, data_retention: "1y" },
    mitigations: [],
    // Medium risk: reassessed every 18 months, so this one falls due within the month.
    startedDaysAgo: 536,
    completedDaysAgo: 530,
  },
];

/** A decision on a request's step: who (a demo user's email), when, and what they wrote. */
export interface SeedStep {
  by: string;
  daysAgo: number;
  comment?: string;
  /** Security's approval of an exception: conditions of the grant. */
  conditions?: string[];
}

export interface SeedRequest {
  /** Fixed, so that seeding twice (--force) does not ask twice: the requester's form key. */
  idempotencyKey: string;
  requester: string;
  software: string;
  edition?: string;
  dataClass: DataClass;
  purpose: string;
  justification: string;
  submittedDaysAgo: number;
  /** The last day asked for, in days from the seed's today. */
  endsInDays: number;
  /** Approvals in order: the manager's, then security's. */
  approvals: SeedStep[];
}

/**
 * The demo employee's exception requests: one waiting for the manager, one waiting for security,
 * and one approved whose grant ends in nine days. Tools the end-to-end journeys do not ask about.
 */
export const seedRequests: SeedRequest[] = [
  {
    idempotencyKey: "5eed0000-0000-4000-8000-000000000001",
    requester: "employee@example.com",
    software: "Otter.ai",
    dataClass: "internal",
    purpose: "Transcribe the customer research interviews for the onboarding redesign",
    justification: "Twelve interviews next month; the notes must be searchable by the whole squad. Participants consent to recording.",
    submittedDaysAgo: 1,
    endsInDays: 45,
    approvals: [],
  },
  {
    idempotencyKey: "5eed0000-0000-4000-8000-000000000002",
    requester: "employee@example.com",
    software: "TeamViewer",
    dataClass: "internal",
    purpose: "Support the warehouse scanners of our logistics partner",
    justification: "The partner's devices only accept TeamViewer sessions; our own remote-support tool cannot reach them.",
    submittedDaysAgo: 4,
    endsInDays: 30,
    approvals: [{ by: "manager@example.com", daysAgo: 2, comment: "Needed for the partner rollout; please keep it short." }],
  },
  {
    idempotencyKey: "5eed0000-0000-4000-8000-000000000003",
    requester: "employee@example.com",
    software: "Grammarly",
    dataClass: "internal",
    purpose: "Proof-read the quarterly partner newsletter",
    justification: "Writing in a second language; the newsletter goes to 400 partners and has no editor this quarter.",
    submittedDaysAgo: 78,
    endsInDays: 9,
    approvals: [
      { by: "manager@example.com", daysAgo: 77, comment: "Fine for the newsletter." },
      { by: "reviewer@example.com", daysAgo: 75, comment: "Approved for the newsletter drafts only.", conditions: ["Newsletter drafts only: no customer or employee data", "Turn off Grammarly's document history"] },
    ],
  },
];
