/**
 * Demo catalogue for Vetted. Every entry is illustrative: the classifications show how a
 * security team might reason, they are not real assessments of these products.
 * Pure data: no database, no framework.
 */
import type { DataClass, IdentifierType, Kind, Status } from "../lib/domain/vocabulary";

export interface SeedSoftware {
  name: string;
  vendor: string;
  vendorWebsite?: string;
  kind: Kind;
  category: string;
  /** 1-2 sentences, factual, neutral. */
  description: string;
  /** https URL. */
  homepage?: string;
  /** Internal owning team. */
  owner?: string;
  editions?: { name: string; description?: string }[];
  identifiers?: { type: IdentifierType; value: string; edition?: string /* edition name */ }[];
  /** Decisions in chronological order (older first); the last applicable one is current. edition omitted = all editions. */
  classifications: {
    edition?: string;
    status: Status;
    /** Required when status is approved or approved_with_conditions; omitted otherwise. */
    maxDataClass?: DataClass;
    conditions?: string[];
    /** Names of other entries in this file that are approved or approved with conditions. */
    alternatives?: string[];
    rationale: string;
  }[];
}

export const DEMO_DISCLAIMER = "Illustrative example for the Vetted demo — not a real assessment of this product.";

export const seedSoftware: SeedSoftware[] = [
  // ---------------------------------------------------------------- AI coding assistants and agents
  {
    name: "Claude Code",
    vendor: "Anthropic",
    vendorWebsite: "https://www.anthropic.com",
    kind: "cli",
    category: "AI coding",
    description:
      "Agentic coding tool that runs in the terminal, reads and edits files in a repository and can run shell commands on the developer's behalf.",
    homepage: "https://www.anthropic.com/claude-code",
    owner: "Developer Experience",
    identifiers: [
      { type: "npm", value: "@anthropic-ai/claude-code" },
      { type: "alias", value: "claude-code" },
      { type: "alias", value: "claude code cli" },
      { type: "vscode_extension", value: "anthropic.claude-code" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale:
          "Requested by several engineering teams. Assessing the permission model, sandboxing options and data retention for code sent to the model.",
      },
      {
        status: "restricted",
        conditions: [
          "Exception approved by Security Engineering required",
          "Use only with the company Anthropic API organisation (zero data retention enabled)",
          "Run inside a dev container without production credentials",
          "Keep permission prompts on; never skip permission checks",
        ],
        alternatives: ["GitHub Copilot", "Continue"],
        rationale:
          "The agent can execute arbitrary commands and reach the network with the developer's credentials. Allowed case by case while we pilot guardrails for autonomous agents.",
      },
    ],
  },
  {
    name: "Claude",
    vendor: "Anthropic",
    vendorWebsite: "https://www.anthropic.com",
    kind: "ai_assistant",
    category: "AI assistant",
    description: "General-purpose AI chat assistant available on the web and as desktop and mobile apps.",
    homepage: "https://claude.ai",
    owner: "IT Workplace",
    editions: [
      { name: "Personal (Free, Pro, Max)", description: "Individual consumer accounts." },
      { name: "Enterprise", description: "Company-managed organisation with SSO and admin controls." },
    ],
    identifiers: [
      { type: "domain", value: "claude.ai" },
      { type: "bundle_id", value: "com.anthropic.claudefordesktop" },
      { type: "signing_team_id", value: "Q6L2SF6YDW" },
      { type: "alias", value: "claude desktop" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Enterprise tenant only", "Sign in with company SSO", "No restricted data"],
        rationale:
          "The enterprise agreement excludes training on our inputs and gives us SSO, retention settings and audit logs.",
      },
      {
        edition: "Personal (Free, Pro, Max)",
        status: "prohibited",
        rationale:
          "Personal accounts sit outside company control: no SSO, no offboarding and consumer data-use terms. Use the company Enterprise organisation instead.",
      },
    ],
  },
  {
    name: "ChatGPT",
    vendor: "OpenAI",
    vendorWebsite: "https://openai.com",
    kind: "ai_assistant",
    category: "AI assistant",
    description: "General-purpose AI chat assistant from OpenAI, available on the web and as desktop and mobile apps.",
    homepage: "https://chatgpt.com",
    owner: "IT Workplace",
    editions: [
      { name: "Free", description: "Consumer accounts, free or paid individual plans." },
      { name: "Enterprise", description: "Company workspace with SSO, admin console and retention controls." },
    ],
    identifiers: [
      { type: "domain", value: "chatgpt.com" },
      { type: "domain", value: "chat.openai.com" },
      { type: "bundle_id", value: "com.openai.chat" },
      { type: "alias", value: "openai chatgpt" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "High demand across departments. Assessing enterprise terms, data retention and connector permissions.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Enterprise tenant only",
          "Sign in with company SSO",
          "No restricted data",
          "Connectors only as enabled by IT",
        ],
        rationale:
          "The Enterprise workspace does not train on our data by default and supports SSO, retention settings and audit logs.",
      },
      {
        edition: "Free",
        status: "prohibited",
        rationale:
          "Consumer plans may use conversations to improve models unless each user opts out, and the company cannot enforce retention or revoke access.",
      },
    ],
  },
  {
    name: "Gemini",
    vendor: "Google",
    vendorWebsite: "https://about.google",
    kind: "ai_assistant",
    category: "AI assistant",
    description: "Google's AI assistant, available standalone and inside Google Workspace apps.",
    homepage: "https://gemini.google.com",
    owner: "IT Workplace",
    editions: [
      { name: "Personal Google account", description: "Used with a private @gmail.com or other personal account." },
      { name: "Google Workspace", description: "Used while signed in to the company Workspace tenant." },
    ],
    identifiers: [
      { type: "domain", value: "gemini.google.com" },
      { type: "alias", value: "bard" },
      { type: "alias", value: "google gemini" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing how Gemini handles Workspace data and which admin controls apply to each edition.",
      },
      {
        edition: "Google Workspace",
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Signed in with the company Workspace account", "No restricted data"],
        rationale:
          "Covered by our Workspace agreement: prompts stay within the tenant, are not used for training and respect existing Drive permissions.",
      },
      {
        edition: "Personal Google account",
        status: "prohibited",
        rationale: "Consumer terms apply and activity may be reviewed to improve the service. Sign in with the company account instead.",
      },
    ],
  },
  {
    name: "Cursor",
    vendor: "Anysphere",
    vendorWebsite: "https://anysphere.inc",
    kind: "desktop_app",
    category: "AI coding",
    description: "AI-first code editor based on VS Code, with chat, code completion and an agent mode that can edit files and run commands.",
    homepage: "https://cursor.com",
    owner: "Developer Experience",
    editions: [
      { name: "Hobby / Pro", description: "Individual plans paid by the user." },
      { name: "Business", description: "Team plan managed by IT with enforced privacy settings." },
    ],
    identifiers: [
      { type: "domain", value: "cursor.com" },
      { type: "domain", value: "cursor.sh" },
      { type: "bundle_id", value: "com.todesktop.230313mzl4w4u92" },
      { type: "signing_team_id", value: "VDXQ22DGB9" },
      { type: "alias", value: "cursor ide" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing privacy mode, model providers used and the agent's ability to run terminal commands.",
      },
      {
        edition: "Business",
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Business seat assigned by IT",
          "Privacy Mode enforced at team level",
          "Sign in with company SSO",
          "Auto-run of terminal commands off",
        ],
        rationale:
          "Team-level Privacy Mode keeps code from being stored or used for training. Agent actions stay behind confirmation prompts.",
      },
      {
        edition: "Hobby / Pro",
        status: "prohibited",
        alternatives: ["GitHub Copilot"],
        rationale: "Individual plans let each user switch privacy settings off, and we cannot see or revoke them.",
      },
    ],
  },
  {
    name: "GitHub Copilot",
    vendor: "GitHub",
    vendorWebsite: "https://github.com",
    kind: "ide_extension",
    category: "AI coding",
    description: "AI pair programmer that suggests code and answers questions inside the editor.",
    homepage: "https://github.com/features/copilot",
    owner: "Developer Experience",
    editions: [
      { name: "Free", description: "Individual plan tied to a personal GitHub account." },
      { name: "Business", description: "Seats assigned through the company GitHub organisation." },
    ],
    identifiers: [
      { type: "vscode_extension", value: "github.copilot" },
      { type: "vscode_extension", value: "github.copilot-chat" },
      { type: "domain", value: "copilot.github.com" },
      { type: "alias", value: "copilot" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Business seat from the company GitHub organisation only",
          "Suggestions matching public code blocked",
          "No restricted data in prompts",
        ],
        rationale:
          "Business terms exclude our code from model training and let us manage seats and policies centrally.",
      },
      {
        edition: "Free",
        status: "prohibited",
        rationale: "Tied to personal accounts with consumer data terms; we cannot enforce policies or revoke access.",
      },
    ],
  },
  {
    name: "Windsurf",
    vendor: "Windsurf",
    vendorWebsite: "https://windsurf.com",
    kind: "desktop_app",
    category: "AI coding",
    description: "AI code editor with an agent (Cascade) that can edit multiple files and run commands.",
    homepage: "https://windsurf.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "windsurf.com" },
      { type: "bundle_id", value: "com.exafunction.windsurf" },
      { type: "alias", value: "windsurf editor" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale:
          "Vendor ownership and terms have changed recently. Reassessing data handling and contractual commitments before any decision.",
      },
    ],
  },
  {
    name: "Codeium",
    vendor: "Windsurf",
    vendorWebsite: "https://windsurf.com",
    kind: "ide_extension",
    category: "AI coding",
    description: "AI code completion and chat extension for VS Code, JetBrains IDEs and other editors.",
    homepage: "https://codeium.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "vscode_extension", value: "codeium.codeium" },
      { type: "domain", value: "codeium.com" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception approved by Developer Experience required"],
        alternatives: ["GitHub Copilot"],
        rationale:
          "Individual plans only, without a company agreement. We already provide an approved assistant for the same use.",
      },
    ],
  },
  {
    name: "Tabnine",
    vendor: "Tabnine",
    vendorWebsite: "https://www.tabnine.com",
    kind: "ide_extension",
    category: "AI coding",
    description: "AI code completion assistant that can run against vendor-hosted or self-hosted models.",
    homepage: "https://www.tabnine.com",
    owner: "Developer Experience",
    editions: [
      { name: "Basic", description: "Free individual plan using vendor-hosted models." },
      { name: "Enterprise (self-hosted)", description: "Deployed in our own cloud account." },
    ],
    identifiers: [
      { type: "vscode_extension", value: "tabnine.tabnine-vscode" },
      { type: "domain", value: "tabnine.com" },
    ],
    classifications: [
      {
        edition: "Enterprise (self-hosted)",
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Connect only to the company Tabnine server", "Telemetry off"],
        rationale: "Self-hosted deployment keeps code inside our cloud account; no data is sent to the vendor.",
      },
      {
        edition: "Basic",
        status: "restricted",
        alternatives: ["GitHub Copilot"],
        rationale: "Personal accounts outside company management. Use the company deployment or the approved assistant.",
      },
    ],
  },
  {
    name: "Amazon Q Developer",
    vendor: "Amazon Web Services",
    vendorWebsite: "https://aws.amazon.com",
    kind: "ide_extension",
    category: "AI coding",
    description: "AWS's AI coding assistant for IDEs and the command line, formerly CodeWhisperer.",
    homepage: "https://aws.amazon.com/q/developer/",
    owner: "Platform Engineering",
    editions: [
      { name: "Free tier", description: "Sign-in with a personal AWS Builder ID." },
      { name: "Pro", description: "Managed through IAM Identity Center in the company AWS organisation." },
    ],
    identifiers: [
      { type: "vscode_extension", value: "amazonwebservices.amazon-q-vscode" },
      { type: "alias", value: "codewhisperer" },
      { type: "alias", value: "amazon q" },
    ],
    classifications: [
      {
        status: "restricted",
        rationale: "No company subscription; Free tier content may be used for service improvement unless opted out.",
      },
      {
        status: "under_review",
        rationale: "Platform Engineering requested Pro seats via the AWS organisation. Reassessing with IAM Identity Center and opt-out policies.",
      },
    ],
  },
  {
    name: "Ollama",
    vendor: "Ollama",
    vendorWebsite: "https://ollama.com",
    kind: "cli",
    category: "AI coding",
    description: "Runs open-weight language models locally on the developer's machine and exposes them through a local API.",
    homepage: "https://ollama.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "ollama.com" },
      { type: "bundle_id", value: "com.electron.ollama" },
      { type: "alias", value: "ollama cli" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing model provenance and the local API, which listens on a network port.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Models from the approved model list only",
          "Bind to localhost; do not expose port 11434",
          "Keep the app updated",
        ],
        rationale:
          "Inference runs entirely on the laptop, so prompts and code never leave the device. Risks are model supply chain and an exposed local API.",
      },
    ],
  },
  {
    name: "Aider",
    vendor: "Aider",
    vendorWebsite: "https://aider.chat",
    kind: "cli",
    category: "AI coding",
    description: "Open-source command-line pair programmer that edits files in a git repository using a language model of your choice.",
    homepage: "https://aider.chat",
    owner: "Developer Experience",
    identifiers: [
      { type: "pypi", value: "aider-chat" },
      { type: "domain", value: "aider.chat" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Use only company-provided API keys for approved providers, or local models via Ollama",
          "Analytics off",
          "Review every commit it creates",
        ],
        rationale:
          "The tool itself is local and open source; the risk lies in which model endpoint receives the code, which these conditions control.",
      },
    ],
  },
  {
    name: "Continue",
    vendor: "Continue",
    vendorWebsite: "https://www.continue.dev",
    kind: "ide_extension",
    category: "AI coding",
    description: "Open-source AI code assistant for VS Code and JetBrains that works with configurable model providers.",
    homepage: "https://www.continue.dev",
    owner: "Developer Experience",
    identifiers: [
      { type: "vscode_extension", value: "continue.continue" },
      { type: "domain", value: "continue.dev" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Configure only company-approved model endpoints (internal Ollama or the Enterprise API)",
          "Telemetry off",
        ],
        rationale: "Code only goes where the configuration points. With approved endpoints it adds no new data processor.",
      },
    ],
  },
  {
    name: "Cline",
    vendor: "Cline",
    vendorWebsite: "https://cline.bot",
    kind: "ide_extension",
    category: "AI coding",
    description: "Autonomous coding agent for VS Code that can create and edit files, run terminal commands and use a browser.",
    homepage: "https://cline.bot",
    owner: "Developer Experience",
    identifiers: [
      { type: "vscode_extension", value: "saoudrizwan.claude-dev" },
      { type: "domain", value: "cline.bot" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception approved by Security Engineering required", "Auto-approve for commands off"],
        alternatives: ["Continue"],
        rationale:
          "Broad agent capabilities (shell, browser, file system) with the developer's credentials. Case by case while agent guardrails are piloted.",
      },
    ],
  },
  {
    name: "OpenAI Codex CLI",
    vendor: "OpenAI",
    vendorWebsite: "https://openai.com",
    kind: "cli",
    category: "AI coding",
    description: "Open-source coding agent from OpenAI that runs in the terminal and can read, modify and run code.",
    homepage: "https://github.com/openai/codex",
    owner: "Developer Experience",
    identifiers: [
      { type: "npm", value: "@openai/codex" },
      { type: "alias", value: "codex cli" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing sandbox modes and whether it can be bound to the company Enterprise workspace.",
      },
    ],
  },
  {
    name: "Gemini CLI",
    vendor: "Google",
    vendorWebsite: "https://about.google",
    kind: "cli",
    category: "AI coding",
    description: "Open-source AI agent from Google that brings Gemini models into the terminal.",
    homepage: "https://github.com/google-gemini/gemini-cli",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "@google/gemini-cli" }],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing which account types it can use and how tool execution is confirmed.",
      },
      {
        status: "restricted",
        conditions: ["Use only with a company Workspace account", "Exception approved by Developer Experience required"],
        alternatives: ["GitHub Copilot"],
        rationale:
          "Agent with shell access. Personal-account sign-in uses consumer terms, so it is allowed only by exception with the company account.",
      },
    ],
  },
  {
    name: "JetBrains AI Assistant",
    vendor: "JetBrains",
    vendorWebsite: "https://www.jetbrains.com",
    kind: "ide_extension",
    category: "AI coding",
    description: "AI chat and code completion built into JetBrains IDEs.",
    homepage: "https://www.jetbrains.com/ai/",
    owner: "Developer Experience",
    identifiers: [{ type: "alias", value: "jetbrains ai" }],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing which third-party model providers receive code and the available data-sharing settings.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "internal",
        conditions: ["Licence from the company JetBrains account", "Detailed data collection off"],
        rationale: "Organisation licences exclude training on our code. Limited to internal data until zero retention is confirmed.",
      },
    ],
  },
  {
    name: "Microsoft Copilot",
    vendor: "Microsoft",
    vendorWebsite: "https://www.microsoft.com",
    kind: "ai_assistant",
    category: "AI assistant",
    description: "Microsoft's AI assistant, available as a consumer app and as Microsoft 365 Copilot inside Office apps.",
    homepage: "https://copilot.microsoft.com",
    owner: "IT Workplace",
    editions: [
      { name: "Consumer", description: "Used with a personal Microsoft account." },
      { name: "Microsoft 365 Copilot", description: "Licensed in the company Microsoft 365 tenant." },
    ],
    identifiers: [
      { type: "domain", value: "copilot.microsoft.com" },
      { type: "domain", value: "m365.cloud.microsoft" },
      { type: "alias", value: "bing chat" },
    ],
    classifications: [
      {
        edition: "Microsoft 365 Copilot",
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Company tenant only", "SharePoint sites with broad access reviewed before rollout"],
        rationale:
          "Stays within the tenant boundary but surfaces anything the user can access, so oversharing in SharePoint becomes visible.",
      },
      {
        edition: "Consumer",
        status: "prohibited",
        rationale: "Personal accounts with consumer terms; no company control over data or access.",
      },
    ],
  },
  {
    name: "Perplexity",
    vendor: "Perplexity AI",
    vendorWebsite: "https://www.perplexity.ai",
    kind: "ai_assistant",
    category: "AI assistant",
    description: "AI-powered answer engine that searches the web and summarises sources.",
    homepage: "https://www.perplexity.ai",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "perplexity.ai" },
      { type: "bundle_id", value: "ai.perplexity.mac" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Requested by Marketing for research. Assessing the Enterprise Pro terms and retention settings.",
      },
    ],
  },
  {
    name: "DeepSeek",
    vendor: "DeepSeek",
    vendorWebsite: "https://www.deepseek.com",
    kind: "ai_assistant",
    category: "AI assistant",
    description: "AI chat assistant and API from DeepSeek.",
    homepage: "https://chat.deepseek.com",
    owner: "Security Engineering",
    identifiers: [
      { type: "domain", value: "chat.deepseek.com" },
      { type: "domain", value: "deepseek.com" },
    ],
    classifications: [
      {
        status: "prohibited",
        alternatives: ["ChatGPT", "Claude"],
        rationale:
          "The hosted service stores data outside our approved jurisdictions and offers no enterprise agreement. Running open-weight models locally is assessed under Ollama.",
      },
    ],
  },
  {
    name: "v0",
    vendor: "Vercel",
    vendorWebsite: "https://vercel.com",
    kind: "saas",
    category: "AI coding",
    description: "AI tool from Vercel that generates web UI components and apps from prompts.",
    homepage: "https://v0.app",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "v0.dev" },
      { type: "domain", value: "v0.app" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing whether generated projects and prompts can be kept private under a team plan.",
      },
    ],
  },
  {
    name: "Otter.ai",
    vendor: "Otter.ai",
    vendorWebsite: "https://otter.ai",
    kind: "saas",
    category: "Meeting notes",
    description: "AI meeting assistant that joins calls to record, transcribe and summarise them.",
    homepage: "https://otter.ai",
    owner: "IT Workplace",
    identifiers: [{ type: "domain", value: "otter.ai" }],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception required", "Announce recording and get consent from every participant"],
        alternatives: ["Zoom"],
        rationale:
          "Records and stores full meeting audio, including external participants. Zoom's built-in summaries cover most needs within our tenant.",
      },
    ],
  },
  {
    name: "Fireflies.ai",
    vendor: "Fireflies.ai",
    vendorWebsite: "https://fireflies.ai",
    kind: "saas",
    category: "Meeting notes",
    description: "AI notetaker that connects to calendars and joins meetings to transcribe them.",
    homepage: "https://fireflies.ai",
    owner: "IT Workplace",
    identifiers: [{ type: "domain", value: "fireflies.ai" }],
    classifications: [
      {
        status: "prohibited",
        alternatives: ["Zoom"],
        rationale:
          "Once connected to a calendar it can join meetings automatically, including those the user does not attend. No company agreement.",
      },
    ],
  },

  // ---------------------------------------------------------------- SaaS
  {
    name: "Slack",
    vendor: "Salesforce",
    vendorWebsite: "https://www.salesforce.com",
    kind: "saas",
    category: "Communication",
    description: "Team messaging with channels, direct messages, huddles and integrations.",
    homepage: "https://slack.com",
    owner: "IT Workplace",
    editions: [
      { name: "Free workspace", description: "Workspaces created outside the company organisation." },
      { name: "Enterprise Grid", description: "The company Slack organisation." },
    ],
    identifiers: [
      { type: "domain", value: "slack.com" },
      { type: "domain", value: "*.enterprise.slack.com", edition: "Enterprise Grid" },
      { type: "bundle_id", value: "com.tinyspeck.slackmacgap" },
      { type: "signing_team_id", value: "BQR82RBBHL" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Company workspace only",
          "Sign in with company SSO",
          "Shared channels with external organisations need IT approval",
        ],
        rationale: "Company messaging platform with SSO, retention policies and data-loss prevention.",
      },
      {
        edition: "Free workspace",
        status: "prohibited",
        rationale: "Workspaces outside the company organisation have no retention, DLP or offboarding.",
      },
    ],
  },
  {
    name: "Zoom",
    vendor: "Zoom Communications",
    vendorWebsite: "https://www.zoom.com",
    kind: "saas",
    category: "Communication",
    description: "Video meetings, webinars and chat, with a desktop client and optional AI meeting summaries.",
    homepage: "https://www.zoom.com",
    owner: "IT Workplace",
    editions: [
      { name: "Basic", description: "Free personal accounts." },
      { name: "Enterprise", description: "The company Zoom account." },
    ],
    identifiers: [
      { type: "domain", value: "zoom.us" },
      { type: "domain", value: "zoom.com" },
      { type: "bundle_id", value: "us.zoom.xos" },
      { type: "signing_team_id", value: "BJ4HAAB9B3" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Company account with SSO, managed recording settings and admin-controlled AI features.",
      },
      {
        edition: "Basic",
        status: "restricted",
        rationale: "Personal accounts bypass our recording and retention settings. Joining external meetings as a guest is fine.",
      },
    ],
  },
  {
    name: "Notion",
    vendor: "Notion Labs",
    vendorWebsite: "https://www.notion.com",
    kind: "saas",
    category: "Productivity",
    description: "Workspace for notes, documents, wikis and project tracking, with built-in AI features.",
    homepage: "https://www.notion.com",
    owner: "IT Workplace",
    editions: [
      { name: "Free / Plus", description: "Personal or team workspaces outside company management." },
      { name: "Enterprise", description: "Company workspace with SSO and SCIM." },
    ],
    identifiers: [
      { type: "domain", value: "notion.so" },
      { type: "domain", value: "notion.com" },
      { type: "bundle_id", value: "notion.id" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Enterprise tenant only", "Sign in with company SSO", "Notion AI only as enabled by workspace admins"],
        rationale: "Enterprise plan provides SSO, SCIM, audit log and workspace-level controls over AI and public sharing.",
      },
      {
        edition: "Free / Plus",
        status: "restricted",
        alternatives: ["Confluence"],
        rationale: "Workspaces outside company management cannot be audited or offboarded.",
      },
    ],
  },
  {
    name: "Figma",
    vendor: "Figma",
    vendorWebsite: "https://www.figma.com",
    kind: "saas",
    category: "Design",
    description: "Collaborative interface design and prototyping tool, in the browser and as a desktop app.",
    homepage: "https://www.figma.com",
    owner: "Design Operations",
    identifiers: [
      { type: "domain", value: "figma.com" },
      { type: "bundle_id", value: "com.figma.Desktop" },
      { type: "signing_team_id", value: "T8RA8NE3B7" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Company organisation account with SSO; designs can contain unreleased product plans, not customer data.",
      },
    ],
  },
  {
    name: "Dropbox",
    vendor: "Dropbox",
    vendorWebsite: "https://www.dropbox.com",
    kind: "saas",
    category: "File sharing",
    description: "Cloud file storage, sync and sharing service with desktop and mobile clients.",
    homepage: "https://www.dropbox.com",
    owner: "IT Workplace",
    editions: [
      { name: "Basic / Plus", description: "Personal accounts." },
      { name: "Business", description: "Team accounts, including partner-owned teams." },
    ],
    identifiers: [
      { type: "domain", value: "dropbox.com" },
      { type: "bundle_id", value: "com.getdropbox.dropbox" },
      { type: "signing_team_id", value: "G7HH3F8CAK" },
    ],
    classifications: [
      {
        edition: "Basic / Plus",
        status: "prohibited",
        alternatives: ["Google Workspace"],
        rationale: "Syncing company files to personal storage removes them from our retention, DLP and offboarding.",
      },
      {
        edition: "Business",
        status: "restricted",
        conditions: ["Only to receive files from partners who require it", "Move files to Google Drive after download"],
        alternatives: ["Google Workspace"],
        rationale: "Some partners share through their own Dropbox Business teams; allowed by exception for that case.",
      },
    ],
  },
  {
    name: "WeTransfer",
    vendor: "WeTransfer",
    vendorWebsite: "https://wetransfer.com",
    kind: "saas",
    category: "File sharing",
    description: "Service for sending large files via download links.",
    homepage: "https://wetransfer.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "wetransfer.com" },
      { type: "domain", value: "we.tl" },
    ],
    classifications: [
      {
        status: "prohibited",
        alternatives: ["Google Workspace"],
        rationale:
          "Links can be forwarded to anyone and uploads happen outside our audit trail. Share from Google Drive with named recipients instead.",
      },
    ],
  },
  {
    name: "Miro",
    vendor: "Miro",
    vendorWebsite: "https://miro.com",
    kind: "saas",
    category: "Collaboration",
    description: "Online whiteboard for workshops, diagrams and planning.",
    homepage: "https://miro.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "miro.com" },
      { type: "bundle_id", value: "com.electron.realtimeboard" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "internal",
        conditions: ["Company team only", "Sign in with company SSO", "Public board links off"],
        rationale: "SSO and admin controls are in place; boards are often shared with guests, so limited to internal data.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Company team only", "Sign in with company SSO", "Public board links off", "Guests only on boards without confidential content"],
        rationale: "Enterprise plan with data residency in the EU and guest controls; raised to confidential.",
      },
    ],
  },
  {
    name: "Jira",
    vendor: "Atlassian",
    vendorWebsite: "https://www.atlassian.com",
    kind: "saas",
    category: "Project management",
    description: "Issue and project tracking for software and business teams.",
    homepage: "https://www.atlassian.com/software/jira",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "*.atlassian.net" },
      { type: "domain", value: "jira.com" },
      { type: "alias", value: "atlassian jira" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Company cloud site with SSO and audit logs. Customer data belongs in the support system, not in tickets.",
      },
    ],
  },
  {
    name: "Confluence",
    vendor: "Atlassian",
    vendorWebsite: "https://www.atlassian.com",
    kind: "saas",
    category: "Collaboration",
    description: "Team wiki and documentation space.",
    homepage: "https://www.atlassian.com/software/confluence",
    owner: "IT Workplace",
    identifiers: [
      { type: "alias", value: "atlassian confluence" },
      { type: "alias", value: "confluence cloud" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Company cloud site with SSO, space permissions and audit logs.",
      },
    ],
  },
  {
    name: "Google Workspace",
    vendor: "Google",
    vendorWebsite: "https://about.google",
    kind: "saas",
    category: "Productivity",
    description: "Email, calendar, documents, spreadsheets and Drive file storage.",
    homepage: "https://workspace.google.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "workspace.google.com" },
      { type: "domain", value: "docs.google.com" },
      { type: "domain", value: "drive.google.com" },
      { type: "alias", value: "g suite" },
      { type: "alias", value: "google drive" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale:
          "Primary collaboration suite with SSO, DLP, client-side encryption for restricted files and our data processing agreement.",
      },
    ],
  },
  {
    name: "Microsoft 365",
    vendor: "Microsoft",
    vendorWebsite: "https://www.microsoft.com",
    kind: "saas",
    category: "Productivity",
    description: "Office apps, Teams, OneDrive and SharePoint from Microsoft.",
    homepage: "https://www.microsoft365.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "office.com" },
      { type: "domain", value: "microsoft365.com" },
      { type: "domain", value: "sharepoint.com" },
      { type: "bundle_id", value: "com.microsoft.teams2" },
      { type: "alias", value: "office 365" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Company tenant only",
          "Sign in with company SSO",
          "Store files in company OneDrive or SharePoint, not a personal OneDrive",
        ],
        rationale: "Secondary suite for teams working with partners on Microsoft formats; DLP is configured in the tenant.",
      },
    ],
  },
  {
    name: "Salesforce",
    vendor: "Salesforce",
    vendorWebsite: "https://www.salesforce.com",
    kind: "saas",
    category: "CRM",
    description: "Customer relationship management platform for sales and service teams.",
    homepage: "https://www.salesforce.com",
    owner: "Sales Operations",
    identifiers: [
      { type: "domain", value: "salesforce.com" },
      { type: "domain", value: "*.my.salesforce.com" },
      { type: "domain", value: "force.com" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "System of record for customer data, with SSO, field-level security and Shield encryption.",
      },
    ],
  },
  {
    name: "GitHub",
    vendor: "GitHub",
    vendorWebsite: "https://github.com",
    kind: "saas",
    category: "Developer tools",
    description: "Source code hosting, code review, issues and CI/CD.",
    homepage: "https://github.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "github.com" },
      { type: "bundle_id", value: "com.github.GitHubClient" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: [
          "Company organisation with enterprise managed users only",
          "New repositories private by default",
          "No secrets in repositories; secret scanning stays on",
        ],
        rationale: "Source code platform with SSO, audit log and push protection.",
      },
    ],
  },
  {
    name: "Pastebin",
    vendor: "Pastebin",
    vendorWebsite: "https://pastebin.com",
    kind: "saas",
    category: "Developer tools",
    description: "Website for sharing text snippets via public or unlisted links.",
    homepage: "https://pastebin.com",
    owner: "Security Engineering",
    identifiers: [{ type: "domain", value: "pastebin.com" }],
    classifications: [
      {
        status: "prohibited",
        alternatives: ["1Password", "GitHub"],
        rationale:
          "Unlisted pastes are routinely scraped. Share secrets via 1Password and code via GitHub.",
      },
    ],
  },
  {
    name: "Loom",
    vendor: "Atlassian",
    vendorWebsite: "https://www.atlassian.com",
    kind: "saas",
    category: "Communication",
    description: "Screen and camera recording for sharing short async videos.",
    homepage: "https://www.loom.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "loom.com" },
      { type: "bundle_id", value: "com.loom.desktop" },
      { type: "browser_extension", value: "liecbddmkiiihnedobmlmillhodjkdmb" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "internal",
        conditions: ["Company workspace only", "Do not record screens showing customer data", "Public links off"],
        rationale: "Recordings capture whatever is on screen, so limited to internal content.",
      },
    ],
  },
  {
    name: "Zapier",
    vendor: "Zapier",
    vendorWebsite: "https://zapier.com",
    kind: "saas",
    category: "Automation",
    description: "No-code automation that connects apps and moves data between them.",
    homepage: "https://zapier.com",
    owner: "IT Workplace",
    identifiers: [{ type: "domain", value: "zapier.com" }],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception approved per workflow", "Company team account with SSO"],
        rationale:
          "Each workflow holds long-lived tokens to other systems and can move data anywhere; every integration needs its own review.",
      },
    ],
  },
  {
    name: "Canva",
    vendor: "Canva",
    vendorWebsite: "https://www.canva.com",
    kind: "saas",
    category: "Design",
    description: "Online graphic design tool with templates and AI image features.",
    homepage: "https://www.canva.com",
    owner: "Marketing Operations",
    identifiers: [{ type: "domain", value: "canva.com" }],
    classifications: [
      {
        status: "under_review",
        rationale: "Marketing requested a Teams plan. Assessing SSO, brand asset storage and AI feature settings.",
      },
    ],
  },
  {
    name: "Calendly",
    vendor: "Calendly",
    vendorWebsite: "https://calendly.com",
    kind: "saas",
    category: "Productivity",
    description: "Scheduling links that let others book time in your calendar.",
    homepage: "https://calendly.com",
    owner: "Sales Operations",
    identifiers: [{ type: "domain", value: "calendly.com" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "internal",
        rationale: "Reads calendar free/busy and stores invitee contact details; company team account with SSO.",
      },
    ],
  },
  {
    name: "Tailscale",
    vendor: "Tailscale",
    vendorWebsite: "https://tailscale.com",
    kind: "desktop_app",
    category: "Networking",
    description: "Mesh VPN built on WireGuard that connects devices and servers into a private network.",
    homepage: "https://tailscale.com",
    owner: "Platform Engineering",
    identifiers: [
      { type: "domain", value: "tailscale.com" },
      { type: "bundle_id", value: "io.tailscale.ipn.macos" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Proposed as a replacement for ad-hoc tunnels. Assessing ACLs, SSO and device posture.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Company tailnet only", "Sign in with company SSO", "Personal tailnets not allowed on company devices"],
        rationale: "Company tailnet enforces ACLs and device posture; traffic is end-to-end encrypted.",
      },
    ],
  },
  {
    name: "ngrok",
    vendor: "ngrok",
    vendorWebsite: "https://ngrok.com",
    kind: "cli",
    category: "Networking",
    description: "Creates public URLs that tunnel to services running on a local machine.",
    homepage: "https://ngrok.com",
    owner: "Platform Engineering",
    identifiers: [
      { type: "domain", value: "ngrok.com" },
      { type: "npm", value: "ngrok" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception required", "Company ngrok account with OAuth protection on every endpoint"],
        alternatives: ["Tailscale"],
        rationale: "Exposes local services, often with internal data, to the internet and bypasses our perimeter controls.",
      },
    ],
  },
  {
    name: "DeepL",
    vendor: "DeepL",
    vendorWebsite: "https://www.deepl.com",
    kind: "saas",
    category: "Translation",
    description: "Machine translation service for text and documents, with desktop apps and a browser extension.",
    homepage: "https://www.deepl.com",
    owner: "IT Workplace",
    editions: [
      { name: "Free", description: "Use without a company subscription." },
      { name: "Pro", description: "Company team subscription." },
    ],
    identifiers: [
      { type: "domain", value: "deepl.com" },
      { type: "bundle_id", value: "com.linguee.DeepLCopilot" },
      { type: "browser_extension", value: "cofdbpoegempjloogbagkncekinflcnj" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Pro team account only", "Sign in with company SSO"],
        rationale: "Pro texts are deleted after translation and not used for training.",
      },
      {
        edition: "Free",
        status: "prohibited",
        rationale: "Free-tier texts may be stored and used to improve the service.",
      },
    ],
  },
  {
    name: "Grammarly",
    vendor: "Grammarly",
    vendorWebsite: "https://www.grammarly.com",
    kind: "saas",
    category: "Productivity",
    description: "AI writing assistant that checks grammar, tone and clarity as you type.",
    homepage: "https://www.grammarly.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "domain", value: "grammarly.com" },
      { type: "bundle_id", value: "com.grammarly.ProjectLlama" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception required", "Company Business account only", "Not on devices used for restricted data"],
        alternatives: ["Microsoft 365"],
        rationale:
          "Processes everything typed in supported apps on vendor servers, which cannot be scoped to non-sensitive text.",
      },
    ],
  },

  // ---------------------------------------------------------------- Desktop apps and CLIs
  {
    name: "Visual Studio Code",
    vendor: "Microsoft",
    vendorWebsite: "https://www.microsoft.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Source code editor with a large extension marketplace.",
    homepage: "https://code.visualstudio.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "bundle_id", value: "com.microsoft.VSCode" },
      { type: "signing_team_id", value: "UBF8T346G9" },
      { type: "domain", value: "code.visualstudio.com" },
      { type: "alias", value: "vs code" },
      { type: "alias", value: "vscode" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Install only extensions approved in Vetted", "Telemetry off", "Settings Sync with personal accounts off"],
        rationale: "The editor itself is local; the risk comes from extensions, which run with full user privileges.",
      },
    ],
  },
  {
    name: "IntelliJ IDEA",
    vendor: "JetBrains",
    vendorWebsite: "https://www.jetbrains.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "IDE for Java, Kotlin and other JVM languages.",
    homepage: "https://www.jetbrains.com/idea/",
    owner: "Developer Experience",
    editions: [
      { name: "Community", description: "Free, open-source edition." },
      { name: "Ultimate", description: "Commercial edition licensed through the company account." },
    ],
    identifiers: [
      { type: "bundle_id", value: "com.jetbrains.intellij.ce", edition: "Community" },
      { type: "bundle_id", value: "com.jetbrains.intellij", edition: "Ultimate" },
      { type: "signing_team_id", value: "2ZEFAR8TH3" },
      { type: "domain", value: "jetbrains.com" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Local IDE; plugins from the marketplace follow the same rule as VS Code extensions.",
      },
    ],
  },
  {
    name: "DataGrip",
    vendor: "JetBrains",
    vendorWebsite: "https://www.jetbrains.com",
    kind: "desktop_app",
    category: "Databases",
    description: "Database IDE from JetBrains for SQL databases.",
    homepage: "https://www.jetbrains.com/datagrip/",
    owner: "Data Platform",
    identifiers: [{ type: "bundle_id", value: "com.jetbrains.datagrip" }],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Connect to production only through the bastion", "Do not save production passwords in the IDE"],
        rationale: "Local client; the database permissions are the real control.",
      },
    ],
  },
  {
    name: "Docker Desktop",
    vendor: "Docker",
    vendorWebsite: "https://www.docker.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Desktop application for building and running containers locally.",
    homepage: "https://www.docker.com/products/docker-desktop/",
    owner: "Platform Engineering",
    editions: [
      { name: "Personal", description: "Free tier for individuals and small businesses." },
      { name: "Business", description: "Subscription managed by IT with enforced sign-in." },
    ],
    identifiers: [
      { type: "bundle_id", value: "com.docker.docker" },
      { type: "signing_team_id", value: "9BNSXJN65R" },
      { type: "domain", value: "docker.com" },
    ],
    classifications: [
      {
        edition: "Business",
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Business subscription via IT", "Sign in with company account (enforced)", "Enhanced Container Isolation on"],
        rationale: "Admin settings let us lock down the VM, image registries and extensions.",
      },
      {
        edition: "Personal",
        status: "prohibited",
        alternatives: ["Podman Desktop"],
        rationale: "Licence terms do not cover use at our company size, and no admin policies can be enforced.",
      },
    ],
  },
  {
    name: "Podman Desktop",
    vendor: "Red Hat",
    vendorWebsite: "https://www.redhat.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Open-source desktop app for managing containers and Kubernetes locally with Podman.",
    homepage: "https://podman-desktop.io",
    owner: "Platform Engineering",
    identifiers: [
      { type: "domain", value: "podman-desktop.io" },
      { type: "bundle_id", value: "io.podmandesktop.PodmanDesktop" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Open source, daemonless and rootless by default; no account or telemetry required.",
      },
    ],
  },
  {
    name: "Postman",
    vendor: "Postman",
    vendorWebsite: "https://www.postman.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "API client for designing, testing and documenting APIs, with cloud workspaces.",
    homepage: "https://www.postman.com",
    owner: "Developer Experience",
    editions: [
      { name: "Free", description: "Personal workspaces synced to the vendor cloud." },
      { name: "Enterprise", description: "Company team with SSO and admin controls." },
    ],
    identifiers: [
      { type: "bundle_id", value: "com.postmanlabs.mac" },
      { type: "signing_team_id", value: "H7H8Q7M5CK" },
      { type: "domain", value: "postman.com" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Several leaked API keys traced back to shared workspaces. Reviewing edition by edition.",
      },
      {
        edition: "Enterprise",
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Company team only", "Sign in with company SSO", "Secrets only in vault variables, never in shared environments"],
        rationale: "Admin controls prevent public workspaces and allow secret scanning.",
      },
      {
        edition: "Free",
        status: "restricted",
        alternatives: ["Bruno"],
        rationale: "Collections and environments sync to the vendor cloud by default, a common source of leaked credentials.",
      },
    ],
  },
  {
    name: "Bruno",
    vendor: "Bruno",
    vendorWebsite: "https://www.usebruno.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Open-source, offline-first API client that stores collections as files in your repository.",
    homepage: "https://www.usebruno.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "usebruno.com" },
      { type: "bundle_id", value: "com.usebruno.app" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "No cloud sync; collections live in git alongside the code they test.",
      },
    ],
  },
  {
    name: "iTerm2",
    vendor: "iTerm2",
    vendorWebsite: "https://iterm2.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Open-source terminal emulator for macOS.",
    homepage: "https://iterm2.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "bundle_id", value: "com.googlecode.iterm2" },
      { type: "signing_team_id", value: "H7V7XYVQ7D" },
      { type: "domain", value: "iterm2.com" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Local terminal with no accounts or cloud features.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Leave the optional AI plugin uninstalled"],
        rationale: "Recent versions can send terminal content to an AI provider through an optional plugin; the core app remains local.",
      },
    ],
  },
  {
    name: "Warp",
    vendor: "Warp",
    vendorWebsite: "https://www.warp.dev",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Terminal with built-in AI command suggestions and an agent mode.",
    homepage: "https://www.warp.dev",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "warp.dev" },
      { type: "bundle_id", value: "dev.warp.Warp-Stable" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Assessing account requirements, what terminal content is sent to AI providers and enterprise controls.",
      },
    ],
  },
  {
    name: "Homebrew",
    vendor: "Homebrew",
    vendorWebsite: "https://brew.sh",
    kind: "cli",
    category: "Developer tools",
    description: "Package manager for macOS and Linux.",
    homepage: "https://brew.sh",
    owner: "Developer Experience",
    identifiers: [
      { type: "domain", value: "brew.sh" },
      { type: "alias", value: "brew" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Analytics off (HOMEBREW_NO_ANALYTICS=1)", "Only the official taps unless approved"],
        rationale: "Widely used, open source and signed bottles; third-party taps are unreviewed code.",
      },
    ],
  },
  {
    name: "Sublime Text",
    vendor: "Sublime HQ",
    vendorWebsite: "https://www.sublimehq.com",
    kind: "desktop_app",
    category: "Developer tools",
    description: "Lightweight text and code editor.",
    homepage: "https://www.sublimetext.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "bundle_id", value: "com.sublimetext.4" },
      { type: "domain", value: "sublimetext.com" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Local editor without accounts or cloud features.",
      },
    ],
  },
  {
    name: "Raycast",
    vendor: "Raycast",
    vendorWebsite: "https://www.raycast.com",
    kind: "desktop_app",
    category: "Productivity",
    description: "Launcher for macOS with extensions, clipboard history and optional AI and cloud sync.",
    homepage: "https://www.raycast.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "bundle_id", value: "com.raycast.macos" },
      { type: "domain", value: "raycast.com" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "internal",
        conditions: ["Raycast AI off", "Cloud Sync off", "Clipboard history excludes password managers"],
        rationale: "The launcher is local, but AI, sync and clipboard history can move sensitive content off the device.",
      },
    ],
  },
  {
    name: "Obsidian",
    vendor: "Obsidian",
    vendorWebsite: "https://obsidian.md",
    kind: "desktop_app",
    category: "Productivity",
    description: "Markdown note-taking app that stores notes as local files.",
    homepage: "https://obsidian.md",
    owner: "IT Workplace",
    identifiers: [
      { type: "bundle_id", value: "md.obsidian" },
      { type: "domain", value: "obsidian.md" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "internal",
        conditions: ["Vaults in company-managed storage", "Obsidian Sync off", "Community plugins only from the approved list"],
        rationale: "Notes stay local, but community plugins run unreviewed code with file access.",
      },
    ],
  },
  {
    name: "1Password",
    vendor: "1Password",
    vendorWebsite: "https://1password.com",
    kind: "desktop_app",
    category: "Security",
    description: "Password manager for storing and sharing credentials and secrets.",
    homepage: "https://1password.com",
    owner: "Security Engineering",
    identifiers: [
      { type: "bundle_id", value: "com.1password.1password" },
      { type: "signing_team_id", value: "2BUA8C4S2C" },
      { type: "domain", value: "1password.com" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Company password manager with SSO unlock, end-to-end encryption and managed offboarding.",
      },
    ],
  },
  {
    name: "Google Chrome",
    vendor: "Google",
    vendorWebsite: "https://about.google",
    kind: "desktop_app",
    category: "Browsers",
    description: "Web browser from Google.",
    homepage: "https://www.google.com/chrome/",
    owner: "IT Workplace",
    identifiers: [
      { type: "bundle_id", value: "com.google.Chrome" },
      { type: "signing_team_id", value: "EQHXZ8M8AV" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Use the managed company profile", "Extensions only from the approved list"],
        rationale: "Standard browser with enterprise policies for extensions, updates and sync.",
      },
    ],
  },
  {
    name: "TeamViewer",
    vendor: "TeamViewer",
    vendorWebsite: "https://www.teamviewer.com",
    kind: "desktop_app",
    category: "Remote access",
    description: "Remote desktop and remote support software.",
    homepage: "https://www.teamviewer.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "bundle_id", value: "com.teamviewer.TeamViewer" },
      { type: "signing_team_id", value: "H7UGFBUGV6" },
      { type: "domain", value: "teamviewer.com" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["IT Support only, via the company tenant", "Unattended access off", "Session recording on"],
        rationale: "Full remote control of a device; allowed only through our managed tenant with logging.",
      },
    ],
  },
  {
    name: "AnyDesk",
    vendor: "AnyDesk",
    vendorWebsite: "https://anydesk.com",
    kind: "desktop_app",
    category: "Remote access",
    description: "Remote desktop software.",
    homepage: "https://anydesk.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "bundle_id", value: "com.philandro.anydesk" },
      { type: "domain", value: "anydesk.com" },
      { type: "sha256", value: "1709449a2224fbe0a9e71ec85b6ea5ed3e511da58ec91dce23cc4b00798d7f4c" },
    ],
    classifications: [
      {
        status: "prohibited",
        rationale:
          "Remote access tools are a common vector in support-scam and intrusion cases; we have no managed deployment of this one. IT Support uses the company tenant of TeamViewer.",
      },
    ],
  },
  {
    name: "uTorrent",
    vendor: "BitTorrent",
    vendorWebsite: "https://www.bittorrent.com",
    kind: "desktop_app",
    category: "File sharing",
    description: "Peer-to-peer BitTorrent client.",
    homepage: "https://www.utorrent.com",
    owner: "Security Engineering",
    identifiers: [
      { type: "domain", value: "utorrent.com" },
      { type: "alias", value: "µtorrent" },
      { type: "sha256", value: "a7ebbe70ca9302fa9d501ab1f3789bb134528a28e8a23fcbce65570f054eb37d" },
    ],
    classifications: [
      {
        status: "prohibited",
        rationale: "Peer-to-peer sharing uploads data to unknown peers and installers have bundled unwanted software. No business need.",
      },
    ],
  },
  {
    name: "Wireshark",
    vendor: "Wireshark Foundation",
    vendorWebsite: "https://wiresharkfoundation.org",
    kind: "desktop_app",
    category: "Security",
    description: "Network protocol analyser that captures and inspects network traffic.",
    homepage: "https://www.wireshark.org",
    owner: "Security Engineering",
    identifiers: [
      { type: "bundle_id", value: "org.wireshark.Wireshark" },
      { type: "domain", value: "wireshark.org" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["Security Engineering and Network team only", "Captures stored only in company storage and deleted after the investigation"],
        rationale: "Packet captures can contain credentials and personal data from anyone on the network.",
      },
    ],
  },
  {
    name: "DBeaver",
    vendor: "DBeaver",
    vendorWebsite: "https://dbeaver.com",
    kind: "desktop_app",
    category: "Databases",
    description: "Universal database client for SQL and NoSQL databases.",
    homepage: "https://dbeaver.io",
    owner: "Data Platform",
    identifiers: [
      { type: "bundle_id", value: "org.jkiss.dbeaver.core.product" },
      { type: "domain", value: "dbeaver.io" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Connect to production only through the bastion", "AI assistant features off", "Community Edition or company licence"],
        rationale: "Local client; AI features would send schema and query results to a third party.",
      },
    ],
  },
  {
    name: "TablePlus",
    vendor: "TablePlus",
    vendorWebsite: "https://tableplus.com",
    kind: "desktop_app",
    category: "Databases",
    description: "Native database client for relational and NoSQL databases.",
    homepage: "https://tableplus.com",
    owner: "Data Platform",
    identifiers: [
      { type: "bundle_id", value: "com.tinyapp.TablePlus" },
      { type: "domain", value: "tableplus.com" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Local client without cloud features; production access is governed by database permissions.",
      },
    ],
  },
  {
    name: "MongoDB Compass",
    vendor: "MongoDB",
    vendorWebsite: "https://www.mongodb.com",
    kind: "desktop_app",
    category: "Databases",
    description: "Graphical client for exploring and querying MongoDB databases.",
    homepage: "https://www.mongodb.com/products/tools/compass",
    owner: "Data Platform",
    identifiers: [{ type: "bundle_id", value: "com.mongodb.compass" }],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Usage statistics off", "AI query generation off"],
        rationale: "Local client; optional features send usage data and schema to the vendor.",
      },
    ],
  },

  // ---------------------------------------------------------------- Browser extensions
  {
    name: "Grammarly for Chrome",
    vendor: "Grammarly",
    vendorWebsite: "https://www.grammarly.com",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Browser extension that checks writing in text fields on web pages.",
    homepage: "https://www.grammarly.com/browser",
    owner: "IT Workplace",
    identifiers: [{ type: "browser_extension", value: "kbfnbcaeplbcioakkpcpgfkobkghlhen" }],
    classifications: [
      {
        status: "restricted",
        alternatives: ["Microsoft 365"],
        rationale: "Follows the Grammarly decision: exception required.",
      },
      {
        status: "prohibited",
        alternatives: ["Microsoft 365"],
        rationale:
          "The extension reads text fields on every site, including internal admin tools and customer records. Exceptions for the desktop app remain possible.",
      },
    ],
  },
  {
    name: "uBlock Origin",
    vendor: "Raymond Hill",
    vendorWebsite: "https://github.com/gorhill",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Open-source content blocker for ads, trackers and malicious domains.",
    homepage: "https://ublockorigin.com",
    owner: "Security Engineering",
    identifiers: [
      { type: "browser_extension", value: "cjpalhdlnbpafiamejdnhcphjbkeiagm" },
      { type: "browser_extension", value: "uBlock0@raymondhill.net" },
      { type: "alias", value: "ublock" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Open source, no data collection, and blocks malvertising. Recommended for all browsers.",
      },
    ],
  },
  {
    name: "Honey",
    vendor: "PayPal",
    vendorWebsite: "https://www.paypal.com",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Shopping extension that searches for coupon codes at checkout.",
    homepage: "https://www.joinhoney.com",
    owner: "Security Engineering",
    identifiers: [
      { type: "browser_extension", value: "bmnlcjabgnpnenekpadlanbbkooimhnj" },
      { type: "domain", value: "joinhoney.com" },
    ],
    classifications: [
      {
        status: "prohibited",
        rationale: "Needs read access to every page, including internal apps, and has no business purpose.",
      },
    ],
  },
  {
    name: "LastPass",
    vendor: "LastPass",
    vendorWebsite: "https://www.lastpass.com",
    kind: "browser_extension",
    category: "Security",
    description: "Password manager browser extension and vault.",
    homepage: "https://www.lastpass.com",
    owner: "Security Engineering",
    identifiers: [
      { type: "browser_extension", value: "hdokiejnpimakedhajhdlcegeplioahd" },
      { type: "domain", value: "lastpass.com" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Company account only"],
        rationale: "Former company password manager.",
      },
      {
        status: "prohibited",
        alternatives: ["1Password"],
        rationale:
          "The company standardised on 1Password. Company credentials must live where we can enforce policy and offboarding.",
      },
    ],
  },
  {
    name: "1Password for Chrome",
    vendor: "1Password",
    vendorWebsite: "https://1password.com",
    kind: "browser_extension",
    category: "Security",
    description: "Browser extension for filling passwords and passkeys from 1Password.",
    homepage: "https://1password.com/downloads/browser-extension",
    owner: "Security Engineering",
    identifiers: [
      { type: "browser_extension", value: "aeblfdkhhhdcdjpifhhbdiojplfjncoa" },
      { type: "browser_extension", value: "{d634138d-c276-4fc8-924b-40a0ea21d284}" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Companion to the approved password manager; fills only on matching domains, which also helps against phishing.",
      },
    ],
  },
  {
    name: "React Developer Tools",
    vendor: "Meta",
    vendorWebsite: "https://about.meta.com",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Browser developer tools for inspecting React component trees and profiling.",
    homepage: "https://react.dev/learn/react-developer-tools",
    owner: "Developer Experience",
    identifiers: [{ type: "browser_extension", value: "fmkadmapgofadopljbjfkapdkoienihi" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "confidential",
        rationale: "Official tool from the React team; works locally in devtools and sends no data.",
      },
    ],
  },
  {
    name: "JSON Formatter",
    vendor: "Callum Locke",
    vendorWebsite: "https://github.com/callumlocke",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Formats JSON responses in the browser with syntax highlighting.",
    homepage: "https://github.com/callumlocke/json-formatter",
    owner: "Developer Experience",
    identifiers: [{ type: "browser_extension", value: "bcjindcccaagfpapjjmafapmmgkkhgoa" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "internal",
        rationale: "Open source, processes pages locally. Single maintainer, so pinned versions are rechecked at each review.",
      },
    ],
  },
  {
    name: "Dark Reader",
    vendor: "Dark Reader",
    vendorWebsite: "https://darkreader.org",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Extension that renders websites in a dark theme.",
    homepage: "https://darkreader.org",
    owner: "IT Workplace",
    identifiers: [{ type: "browser_extension", value: "eimadpbcbfnmbkopoojfekhnkhdbieeh" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "internal",
        rationale: "Open source with no data collection, but it can read every page; kept off profiles used for restricted systems.",
      },
    ],
  },
  {
    name: "Tampermonkey",
    vendor: "Tampermonkey",
    vendorWebsite: "https://www.tampermonkey.net",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Userscript manager that runs custom JavaScript on web pages.",
    homepage: "https://www.tampermonkey.net",
    owner: "Security Engineering",
    identifiers: [{ type: "browser_extension", value: "dhdgffkkebhmkfjojejmpbldmpobfkfo" }],
    classifications: [
      {
        status: "restricted",
        conditions: ["Exception required", "Only scripts reviewed by Security Engineering"],
        rationale: "Runs arbitrary third-party scripts on any site, including internal ones; every script is effectively its own extension.",
      },
    ],
  },
  {
    name: "The Great Suspender",
    vendor: "The Great Suspender",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Tab-suspending extension, removed from the Chrome Web Store in 2021.",
    owner: "Security Engineering",
    identifiers: [{ type: "browser_extension", value: "klbibkeccnjlkjkiokjodocebajanakg" }],
    classifications: [
      {
        status: "prohibited",
        rationale:
          "After a change of ownership the extension was flagged as malware and removed from the store. Chrome's built-in Memory Saver covers the use case.",
      },
    ],
  },
  {
    name: "Claude in Chrome",
    vendor: "Anthropic",
    vendorWebsite: "https://www.anthropic.com",
    kind: "browser_extension",
    category: "Browser extension",
    description: "Browser extension that lets Claude read pages and take actions such as clicking and filling forms.",
    homepage: "https://claude.ai/chrome",
    owner: "Security Engineering",
    identifiers: [{ type: "browser_extension", value: "fcoeoabgfenejglbffodgkkbkcdhcgfn" }],
    classifications: [
      {
        status: "under_review",
        rationale:
          "A browser agent acting in logged-in sessions raises prompt-injection and unintended-action risks. Assessing site permissions and admin controls.",
      },
    ],
  },

  // ---------------------------------------------------------------- npm packages
  {
    name: "left-pad",
    vendor: "Azer Koçulu",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Tiny npm package that pads the left side of a string.",
    homepage: "https://www.npmjs.com/package/left-pad",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "left-pad" }],
    classifications: [
      {
        status: "restricted",
        conditions: ["Use String.prototype.padStart instead", "Existing transitive use is tolerated"],
        rationale:
          "Deprecated one-function package; its 2016 unpublishing broke builds across the ecosystem. The language now provides the same feature.",
      },
    ],
  },
  {
    name: "event-stream",
    vendor: "Dominic Tarr",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Stream utilities for Node.js.",
    homepage: "https://www.npmjs.com/package/event-stream",
    owner: "Security Engineering",
    editions: [
      { name: "3.3.6", description: "Release that pulled in the malicious flatmap-stream dependency (2018)." },
      { name: "4.x", description: "Later releases without that dependency." },
    ],
    identifiers: [
      { type: "npm", value: "event-stream" },
      { type: "npm", value: "flatmap-stream", edition: "3.3.6" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["No new direct dependencies", "Pin to 4.0.1 or later where already used"],
        rationale: "Unmaintained; the 2018 compromise showed how an abandoned package can be taken over.",
      },
      {
        edition: "3.3.6",
        status: "prohibited",
        rationale: "Depends on flatmap-stream, which contained code targeting cryptocurrency wallets. Remove from any lockfile.",
      },
    ],
  },
  {
    name: "colors",
    vendor: "Marak Squires",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Library for colouring text in the Node.js console.",
    homepage: "https://www.npmjs.com/package/colors",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "colors" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Popular, small console utility.",
      },
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Pin exactly to 1.4.0", "No new direct dependencies"],
        rationale: "Releases published in January 2022 deliberately broke consuming applications with an infinite loop.",
      },
    ],
  },
  {
    name: "faker",
    vendor: "Marak Squires",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Original package for generating fake test data, no longer maintained.",
    homepage: "https://www.npmjs.com/package/faker",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "faker" }],
    classifications: [
      {
        status: "prohibited",
        alternatives: ["@faker-js/faker"],
        rationale: "The latest release deliberately replaced the library with a broken one in 2022. The community fork is maintained.",
      },
    ],
  },
  {
    name: "@faker-js/faker",
    vendor: "Faker.js",
    vendorWebsite: "https://fakerjs.dev",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Community-maintained library for generating fake test data.",
    homepage: "https://fakerjs.dev",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "@faker-js/faker" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "internal",
        rationale: "Active maintainers and release provenance. Test and development use only.",
      },
    ],
  },
  {
    name: "ua-parser-js",
    vendor: "Faisal Salman",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Library that parses user-agent strings into browser, engine, OS and device.",
    homepage: "https://uaparser.dev",
    owner: "Developer Experience",
    editions: [
      { name: "0.7.29, 0.8.0, 1.0.0", description: "Releases published from a hijacked account in October 2021." },
      { name: "Other versions" },
    ],
    identifiers: [{ type: "npm", value: "ua-parser-js" }],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Lockfile required", "Avoid the compromised releases"],
        rationale: "Widely used and maintained; a past account hijack means versions must be pinned.",
      },
      {
        edition: "0.7.29, 0.8.0, 1.0.0",
        status: "prohibited",
        rationale: "These releases installed a cryptominer and a credential stealer. Any machine that installed them must be reimaged.",
      },
    ],
  },
  {
    name: "node-ipc",
    vendor: "Brandon Miller",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Inter-process communication module for Node.js.",
    homepage: "https://www.npmjs.com/package/node-ipc",
    owner: "Security Engineering",
    identifiers: [
      { type: "npm", value: "node-ipc" },
      { type: "npm", value: "peacenotwar" },
    ],
    classifications: [
      {
        status: "prohibited",
        rationale: "Releases in March 2022 included code that overwrote files on machines in certain regions. Trust in the release process is lost.",
      },
    ],
  },
  {
    name: "lodash",
    vendor: "OpenJS Foundation",
    vendorWebsite: "https://openjsf.org",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Utility library for working with arrays, objects and strings.",
    homepage: "https://lodash.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "npm", value: "lodash" },
      { type: "npm", value: "lodash-es" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Mature, widely audited library. Keep it updated for prototype-pollution fixes.",
      },
    ],
  },
  {
    name: "moment",
    vendor: "OpenJS Foundation",
    vendorWebsite: "https://openjsf.org",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Date parsing, manipulation and formatting library, now in maintenance mode.",
    homepage: "https://momentjs.com",
    owner: "Developer Experience",
    identifiers: [
      { type: "npm", value: "moment" },
      { type: "alias", value: "moment.js" },
    ],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "restricted",
        conditions: ["Existing code only; use date-fns for new code"],
        alternatives: ["date-fns"],
        rationale: "The maintainers consider the project legacy. Still safe, but it receives no new features.",
      },
    ],
  },
  {
    name: "date-fns",
    vendor: "date-fns",
    vendorWebsite: "https://date-fns.org",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Modular date utility library for JavaScript.",
    homepage: "https://date-fns.org",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "date-fns" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Actively maintained, no runtime dependencies, tree-shakeable.",
      },
    ],
  },
  {
    name: "request",
    vendor: "request",
    kind: "npm_package",
    category: "JavaScript library",
    description: "HTTP client for Node.js, deprecated since 2020.",
    homepage: "https://github.com/request/request",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "request" }],
    classifications: [
      {
        status: "restricted",
        conditions: ["No new dependencies", "Replace in existing services at the next major upgrade"],
        alternatives: ["axios"],
        rationale: "Deprecated and unmaintained: security issues will not be fixed. Native fetch or axios cover the same need.",
      },
    ],
  },
  {
    name: "axios",
    vendor: "axios",
    vendorWebsite: "https://axios-http.com",
    kind: "npm_package",
    category: "JavaScript library",
    description: "Promise-based HTTP client for the browser and Node.js.",
    homepage: "https://axios-http.com",
    owner: "Developer Experience",
    identifiers: [{ type: "npm", value: "axios" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Actively maintained with a security policy. Keep it updated.",
      },
    ],
  },
  {
    name: "React",
    vendor: "Meta",
    vendorWebsite: "https://about.meta.com",
    kind: "npm_package",
    category: "JavaScript library",
    description: "JavaScript library for building user interfaces.",
    homepage: "https://react.dev",
    owner: "Developer Experience",
    identifiers: [
      { type: "npm", value: "react" },
      { type: "npm", value: "react-dom" },
    ],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Company standard frontend library.",
      },
    ],
  },

  // ---------------------------------------------------------------- PyPI packages
  {
    name: "requests",
    vendor: "Python Software Foundation",
    vendorWebsite: "https://www.python.org/psf/",
    kind: "pypi_package",
    category: "Python library",
    description: "HTTP library for Python.",
    homepage: "https://requests.readthedocs.io",
    owner: "Data Platform",
    identifiers: [{ type: "pypi", value: "requests" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "De facto standard HTTP client, actively maintained.",
      },
    ],
  },
  {
    name: "NumPy",
    vendor: "NumPy",
    vendorWebsite: "https://numpy.org",
    kind: "pypi_package",
    category: "Python library",
    description: "Fundamental package for numerical computing in Python.",
    homepage: "https://numpy.org",
    owner: "Data Platform",
    identifiers: [{ type: "pypi", value: "numpy" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Foundational scientific library with a mature release process.",
      },
    ],
  },
  {
    name: "pandas",
    vendor: "pandas",
    vendorWebsite: "https://pandas.pydata.org",
    kind: "pypi_package",
    category: "Python library",
    description: "Data analysis and manipulation library for Python.",
    homepage: "https://pandas.pydata.org",
    owner: "Data Platform",
    identifiers: [{ type: "pypi", value: "pandas" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Foundational data library with a mature release process.",
      },
    ],
  },
  {
    name: "ctx",
    vendor: "ctx",
    kind: "pypi_package",
    category: "Python library",
    description: "Small dictionary helper package on PyPI whose releases were hijacked in May 2022.",
    homepage: "https://pypi.org/project/ctx/",
    owner: "Security Engineering",
    identifiers: [
      { type: "pypi", value: "ctx" },
      { type: "sha256", value: "d46804378b011b63579efd4f6caecc800897e3bd0394eba6b2fd2edf2c0fcdf1" },
    ],
    classifications: [
      {
        status: "prohibited",
        rationale:
          "Hijacked releases sent environment variables, including cloud credentials, to a remote server. Rotate any credentials on machines that installed it.",
      },
    ],
  },
  {
    name: "OpenAI Python library",
    vendor: "OpenAI",
    vendorWebsite: "https://openai.com",
    kind: "pypi_package",
    category: "Python library",
    description: "Official Python client for the OpenAI API.",
    homepage: "https://github.com/openai/openai-python",
    owner: "Data Platform",
    identifiers: [{ type: "pypi", value: "openai" }],
    classifications: [
      {
        status: "approved_with_conditions",
        maxDataClass: "confidential",
        conditions: ["Company API project keys only, from the secrets manager", "Zero data retention enabled on the project"],
        rationale: "The library is fine; what matters is which account receives the data.",
      },
    ],
  },
  {
    name: "LangChain",
    vendor: "LangChain",
    vendorWebsite: "https://www.langchain.com",
    kind: "pypi_package",
    category: "Python library",
    description: "Framework for building applications with language models, tools and agents.",
    homepage: "https://www.langchain.com",
    owner: "Data Platform",
    identifiers: [
      { type: "pypi", value: "langchain" },
      { type: "npm", value: "langchain" },
    ],
    classifications: [
      {
        status: "under_review",
        rationale: "Large dependency tree and optional tracing to a hosted service. Assessing which integrations to allow.",
      },
    ],
  },

  // ---------------------------------------------------------------- Mobile apps
  {
    name: "WhatsApp",
    vendor: "Meta",
    vendorWebsite: "https://about.meta.com",
    kind: "mobile_app",
    category: "Communication",
    description: "Messaging and calling app with end-to-end encryption.",
    homepage: "https://www.whatsapp.com",
    owner: "IT Workplace",
    identifiers: [
      { type: "bundle_id", value: "net.whatsapp.WhatsApp" },
      { type: "domain", value: "whatsapp.com" },
    ],
    classifications: [
      {
        status: "restricted",
        conditions: ["No customer data", "Only with external contacts who cannot use email or Slack Connect"],
        alternatives: ["Slack"],
        rationale: "Encrypted, but messages live on personal devices outside retention and offboarding.",
      },
    ],
  },
  {
    name: "Microsoft Authenticator",
    vendor: "Microsoft",
    vendorWebsite: "https://www.microsoft.com",
    kind: "mobile_app",
    category: "Security",
    description: "Mobile app for multi-factor authentication and passkeys.",
    homepage: "https://www.microsoft.com/security/mobile-authenticator-app",
    owner: "Security Engineering",
    identifiers: [{ type: "bundle_id", value: "com.microsoft.azureauthenticator" }],
    classifications: [
      {
        status: "approved",
        maxDataClass: "restricted",
        rationale: "Used for MFA to the Microsoft 365 tenant; holds no business data itself.",
      },
    ],
  },
];
