/**
 * Why an AI tool is risky, in the words of the person who would run it: the agent-capability
 * answers of its assessment (lib/domain/default-template.ts) as plain sentences. Pure.
 */
import { isAiTool, type Answers } from "./assessment";

export interface AgentCapability {
  /** The question it comes from (a capability id, stable for machines). */
  id: string;
  text: string;
}

/**
 * Question id → answer value → what it means for the user. Answers that add no risk ("No",
 * "None", "Nothing") say nothing; "Unknown" says that it may, since the assessment could not
 * rule it out. Questions of other templates without these ids contribute nothing.
 */
const PLAIN_WORDS: Record<string, Record<string, string>> = {
  runs_shell_commands: {
    yes: "can run shell commands on your computer",
    unknown: "may be able to run shell commands on your computer (not ruled out)",
  },
  file_access: {
    workspace_read: "reads the files of the project you open",
    workspace_write: "reads and changes the files of the project you open",
    anywhere: "can read and change any file you can",
  },
  agent_network_access: {
    yes: "can reach the internet on its own, beyond its AI model",
    unknown: "may reach the internet on its own (not ruled out)",
  },
  sends_content_to_cloud: {
    snippets: "sends snippets of your code and your prompts to the vendor's cloud",
    repositories: "sends your code to the vendor's cloud (whole files or repositories)",
  },
  mcp_plugins: {
    yes: "connects to plugins (MCP servers)",
    unknown: "may connect to plugins (MCP servers) (not ruled out)",
  },
  autonomy: {
    asks: "acts on its own after asking you for each step",
    autonomous: "acts without asking you first",
  },
};

/** The order people read them in: what it does on your computer, then what leaves it. */
const ORDER = ["runs_shell_commands", "file_access", "autonomy", "agent_network_access", "sends_content_to_cloud", "mcp_plugins"];

/** The agent capabilities an assessment's answers record, in plain words; empty for a tool that is not an AI tool. */
export function agentCapabilities(answers: Answers, software: { kind: string; category: string }): AgentCapability[] {
  if (!isAiTool(software)) return [];
  const out: AgentCapability[] = [];
  for (const id of ORDER) {
    const value = answers[id];
    const text = typeof value === "string" ? PLAIN_WORDS[id]?.[value] : undefined;
    if (text) out.push({ id, text });
  }
  return out;
}

/**
 * The current assessment for an edition: its own completed one, else the one covering all
 * editions. For the software as a whole (null), the one covering all editions, else the most
 * recently completed.
 */
export function currentAssessmentFor<T extends { editionId: string | null; completedAt: Date | null }>(completed: readonly T[], editionId: string | null): T | null {
  const newestFirst = [...completed].sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0));
  return (
    (editionId ? newestFirst.find((a) => a.editionId === editionId) : undefined) ??
    newestFirst.find((a) => a.editionId === null) ??
    (editionId ? null : newestFirst[0] ?? null)
  );
}
