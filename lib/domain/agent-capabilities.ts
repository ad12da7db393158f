/**
 * Why an AI tool is risky, in the words of the person who would run it: the agent-capability
 * answers of its assessment (lib/domain/default-template.ts), worded in the reader's language
 * where they are shown (lib/services/verdict-words.ts). Pure.
 */
import { isAiTool, type Answers } from "./assessment";

/** What the agent can do, as the question it comes from and the answer given (worded as "software.capabilities.<id>.<answer>"). */
export interface AgentCapability {
  /** The question it comes from (a capability id, stable for machines). */
  id: AgentCapabilityId;
  /** The answer that says it can (or may) do it. */
  answer: string;
}

/**
 * Question id → the answers that mean something for the user. Answers that add no risk ("No",
 * "None", "Nothing") say nothing; "Unknown" says that it may, since the assessment could not
 * rule it out. Questions of other templates without these ids contribute nothing.
 */
export const CAPABILITY_ANSWERS = {
  runs_shell_commands: ["yes", "unknown"],
  file_access: ["workspace_read", "workspace_write", "anywhere"],
  agent_network_access: ["yes", "unknown"],
  sends_content_to_cloud: ["snippets", "repositories"],
  mcp_plugins: ["yes", "unknown"],
  autonomy: ["asks", "autonomous"],
} as const satisfies Record<string, readonly string[]>;

export type AgentCapabilityId = keyof typeof CAPABILITY_ANSWERS;

/** The order people read them in: what it does on your computer, then what leaves it. */
const ORDER: AgentCapabilityId[] = ["runs_shell_commands", "file_access", "autonomy", "agent_network_access", "sends_content_to_cloud", "mcp_plugins"];

/** The agent capabilities an assessment's answers record, in plain words; empty for a tool that is not an AI tool. */
export function agentCapabilities(answers: Answers, software: { kind: string; category: string }): AgentCapability[] {
  if (!isAiTool(software)) return [];
  const out: AgentCapability[] = [];
  for (const id of ORDER) {
    const value = answers[id];
    if (typeof value === "string" && (CAPABILITY_ANSWERS[id] as readonly string[]).includes(value)) out.push({ id, answer: value });
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
