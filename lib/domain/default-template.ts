import type { ChoiceOption, QuestionnaireTemplate } from "./assessment";

/** Yes / No / Unknown, with the risk of each answer; "unknown" is never safer than the risky answer's neighbour. */
function yesNo(yes: ChoiceOption["risk"], no: ChoiceOption["risk"], unknown: ChoiceOption["risk"]): ChoiceOption[] {
  return [
    { value: "yes", label: "Yes", risk: yes },
    { value: "no", label: "No", risk: no },
    { value: "unknown", label: "Unknown", risk: unknown },
  ];
}

/**
 * The built-in questionnaire (version 1). Reviewers and admins derive their own versions from
 * it; completed assessments keep the version they used.
 */
export const DEFAULT_TEMPLATE: QuestionnaireTemplate = {
  key: "default",
  version: 1,
  title: "Software risk assessment",
  questions: [
    // Vendor and data handling
    {
      id: "data_retention", section: "Vendor and data handling", type: "single_choice", required: true,
      prompt: "How long does the vendor keep our content (prompts, files, code)?",
      options: [
        { value: "none", label: "Not stored (zero retention)" },
        { value: "30d", label: "Up to 30 days", risk: { data_exposure: "low" } },
        { value: "1y", label: "Up to a year", risk: { data_exposure: "medium" } },
        { value: "indefinite", label: "Indefinitely or unstated", risk: { data_exposure: "high" } },
      ],
    },
    {
      id: "trains_on_customer_data", section: "Vendor and data handling", type: "yes_no_unknown", required: true,
      prompt: "Does the vendor train models on our content?",
      help: "Including opt-out settings that are on by default.",
      options: yesNo({ data_exposure: "critical", vendor_trust: "high" }, undefined, { data_exposure: "high" }),
    },
    {
      id: "data_residency", section: "Vendor and data handling", type: "single_choice", required: true,
      prompt: "Where is our data stored and processed?",
      options: [
        { value: "our_region", label: "In our required region, contractually" },
        { value: "other_adequate", label: "Elsewhere, with adequate safeguards", risk: { compliance: "medium" } },
        { value: "unknown", label: "Unknown or anywhere", risk: { compliance: "high", data_exposure: "medium" } },
      ],
    },
    {
      id: "subprocessors_disclosed", section: "Vendor and data handling", type: "yes_no_unknown", required: true,
      prompt: "Are sub-processors listed, with notice of changes?",
      options: yesNo(undefined, { vendor_trust: "medium", compliance: "medium" }, { vendor_trust: "medium" }),
    },
    {
      id: "dpa_signed", section: "Vendor and data handling", type: "yes_no_unknown", required: true,
      prompt: "Is a data processing agreement (DPA) in place or available?",
      options: yesNo(undefined, { compliance: "high" }, { compliance: "medium" }),
    },
    // Security controls
    {
      id: "sso", section: "Security controls", type: "yes_no_unknown", required: true,
      prompt: "Can sign-in be enforced through our SSO?",
      options: yesNo(undefined, { vendor_trust: "medium", access_autonomy: "medium" }, { vendor_trust: "medium" }),
    },
    {
      id: "mfa", section: "Security controls", type: "yes_no_unknown", required: true,
      prompt: "Is multi-factor authentication supported and enforceable?",
      options: yesNo(undefined, { vendor_trust: "medium" }, { vendor_trust: "low" }),
    },
    {
      id: "audit_logs", section: "Security controls", type: "yes_no_unknown", required: true,
      prompt: "Are admin and usage audit logs available to us?",
      options: yesNo(undefined, { compliance: "medium" }, { compliance: "low" }),
    },
    {
      id: "certifications", section: "Security controls", type: "multiple_choice", required: false,
      prompt: "Which current certifications or reports does the vendor hold?",
      help: "Attach the reports as evidence, with their expiry dates.",
      options: [
        { value: "soc2_type2", label: "SOC 2 Type II" },
        { value: "iso27001", label: "ISO/IEC 27001" },
        { value: "iso42001", label: "ISO/IEC 42001 (AI management)" },
        { value: "none", label: "None", risk: { vendor_trust: "high", compliance: "medium" } },
      ],
    },
    {
      id: "security_incidents", section: "Security controls", type: "number", required: false, min: 0, max: 100,
      prompt: "Publicly known security incidents in the last three years", unit: "incidents",
      thresholds: [{ atLeast: 1, risk: { vendor_trust: "medium" } }, { atLeast: 3, risk: { vendor_trust: "high" } }],
    },
    // Deployment and network
    {
      id: "deployment", section: "Deployment and network", type: "single_choice", required: true,
      prompt: "How is it deployed?",
      options: [
        { value: "self_hosted", label: "Self-hosted in our environment" },
        { value: "saas_tenant", label: "SaaS, dedicated company tenant", risk: { data_exposure: "low" } },
        { value: "saas_shared", label: "SaaS, personal or shared accounts", risk: { data_exposure: "high", access_autonomy: "medium" } },
        { value: "local_app", label: "Installed on the laptop", risk: { supply_chain: "low" } },
      ],
    },
    {
      id: "network_egress", section: "Deployment and network", type: "single_choice", required: true,
      prompt: "What does it connect to?",
      options: [
        { value: "none", label: "Nothing outside our network" },
        { value: "vendor_only", label: "Only the vendor's documented endpoints", risk: { data_exposure: "low" } },
        { value: "arbitrary", label: "Arbitrary internet hosts", risk: { data_exposure: "high", access_autonomy: "medium" } },
      ],
    },
    // Supply chain
    {
      id: "update_channel", section: "Supply chain", type: "single_choice", required: true,
      prompt: "How does it update itself?",
      options: [
        { value: "managed", label: "Through our software management" },
        { value: "signed_auto", label: "Automatic, signed updates", risk: { supply_chain: "low" } },
        { value: "unsigned", label: "Unsigned or from unofficial sources", risk: { supply_chain: "high" } },
      ],
    },
    {
      id: "third_party_extensions", section: "Supply chain", type: "yes_no_unknown", required: true,
      prompt: "Can users install third-party extensions or plugins?",
      options: yesNo({ supply_chain: "medium" }, undefined, { supply_chain: "medium" }),
    },
    // Agent capabilities (AI tools)
    {
      id: "runs_shell_commands", section: "Agent capabilities", type: "yes_no_unknown", required: true, aiOnly: true,
      prompt: "Can it run shell commands?",
      options: yesNo({ access_autonomy: "high" }, undefined, { access_autonomy: "high" }),
    },
    {
      id: "file_access", section: "Agent capabilities", type: "single_choice", required: true, aiOnly: true,
      prompt: "What files can it read or write?",
      options: [
        { value: "none", label: "None" },
        { value: "workspace_read", label: "Read the open workspace", risk: { data_exposure: "medium" } },
        { value: "workspace_write", label: "Read and write the workspace", risk: { data_exposure: "medium", access_autonomy: "medium" } },
        { value: "anywhere", label: "Anywhere the user can", risk: { data_exposure: "high", access_autonomy: "high" } },
      ],
    },
    {
      id: "agent_network_access", section: "Agent capabilities", type: "yes_no_unknown", required: true, aiOnly: true,
      prompt: "Can the agent itself fetch from or post to the network (beyond the model API)?",
      options: yesNo({ access_autonomy: "medium", data_exposure: "medium" }, undefined, { access_autonomy: "medium" }),
    },
    {
      id: "sends_content_to_cloud", section: "Agent capabilities", type: "single_choice", required: true, aiOnly: true,
      prompt: "What does it send to a cloud service?",
      options: [
        { value: "nothing", label: "Nothing: models run locally" },
        { value: "snippets", label: "Selected snippets or prompts", risk: { data_exposure: "medium" } },
        { value: "repositories", label: "Whole files, repositories or documents", risk: { data_exposure: "high" } },
      ],
    },
    {
      id: "mcp_plugins", section: "Agent capabilities", type: "yes_no_unknown", required: true, aiOnly: true,
      prompt: "Can it connect to MCP servers or plugins?",
      options: yesNo({ supply_chain: "medium", access_autonomy: "medium" }, undefined, { supply_chain: "medium" }),
    },
    {
      id: "autonomy", section: "Agent capabilities", type: "single_choice", required: true, aiOnly: true,
      prompt: "How autonomous is it?",
      options: [
        { value: "suggests", label: "Suggests; a person applies every change" },
        { value: "asks", label: "Acts after asking for each step", risk: { access_autonomy: "medium" } },
        { value: "autonomous", label: "Acts without asking (auto-approve, background agents)", risk: { access_autonomy: "critical" } },
      ],
    },
    {
      id: "enterprise_controls", section: "Agent capabilities", type: "multiple_choice", required: false, aiOnly: true,
      prompt: "Which enterprise controls are available?",
      options: [
        { value: "zdr", label: "Zero data retention" },
        { value: "admin_policies", label: "Central admin policies (allowed tools, commands)" },
        { value: "usage_analytics", label: "Usage analytics" },
        { value: "none", label: "None", risk: { compliance: "medium" } },
      ],
    },
    {
      id: "notes", section: "Notes", type: "text", required: false, maxLength: 4000,
      prompt: "Anything else the decision should consider",
    },
  ],
  mitigations: [
    { id: "enterprise_tenant_only", label: "Enterprise tenant with company SSO only", reduces: { data_exposure: 1, vendor_trust: 1 } },
    { id: "zero_data_retention", label: "Zero data retention enabled", reduces: { data_exposure: 1 } },
    { id: "no_confidential_data", label: "No confidential or customer data", reduces: { data_exposure: 1, compliance: 1 } },
    { id: "commands_need_approval", label: "Every command needs a person's approval", reduces: { access_autonomy: 1 } },
    { id: "sandboxed", label: "Runs only in a sandbox or dev container", reduces: { access_autonomy: 1, data_exposure: 1 } },
    { id: "plugins_allowlisted", label: "Only allow-listed plugins and MCP servers", reduces: { supply_chain: 1 } },
    { id: "managed_updates", label: "Installed and updated through software management", reduces: { supply_chain: 1 } },
  ],
};
