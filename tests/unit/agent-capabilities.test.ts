import { describe, expect, it } from "vitest";
import { agentCapabilities, currentAssessmentFor, type AgentCapability } from "@/lib/domain/agent-capabilities";
import { DEFAULT_TEMPLATE } from "@/lib/domain/default-template";
import { translator, type MessageKey } from "@/lib/i18n/translate";

/** The words a reader gets for a capability (lib/services/verdict-words.ts words them so). */
const say = (locale: "en" | "zh-CN") => (c: AgentCapability) => translator(locale)(`software.capabilities.${c.id}.${c.answer}` as MessageKey);

const agent = { kind: "cli", category: "AI coding" };

describe("agent capabilities in plain words", () => {
  it("turns the risky agent answers into what the tool can do to you, in reading order", () => {
    const words = agentCapabilities(
      { runs_shell_commands: "yes", file_access: "workspace_write", agent_network_access: "no", sends_content_to_cloud: "repositories", mcp_plugins: "yes", autonomy: "autonomous", sso: "no" },
      agent,
    );
    expect(words.map(say("en"))).toEqual([
      "can run shell commands on your computer",
      "reads and changes the files of the project you open",
      "acts without asking you first",
      "sends your code to the vendor's cloud (whole files or repositories)",
      "connects to plugins (MCP servers)",
    ]);
    expect(words.map((w) => w.id)).toEqual(["runs_shell_commands", "file_access", "autonomy", "sends_content_to_cloud", "mcp_plugins"]);
    expect(say("zh-CN")(words[0]!)).toBe("可以在您的电脑上运行 shell 命令");
  });

  it("says nothing for safe answers, and 'may' for unknown ones", () => {
    expect(agentCapabilities({ runs_shell_commands: "no", file_access: "none", sends_content_to_cloud: "nothing", mcp_plugins: "no", autonomy: "suggests" }, agent)).toEqual([]);
    expect(say("en")(agentCapabilities({ mcp_plugins: "unknown" }, agent)[0]!)).toBe("may connect to plugins (MCP servers) (not ruled out)");
  });

  it("is empty for a tool that is not an AI tool, whatever the answers", () => {
    expect(agentCapabilities({ runs_shell_commands: "yes" }, { kind: "saas", category: "File sharing" })).toEqual([]);
    expect(agentCapabilities({ runs_shell_commands: "yes" }, { kind: "ai_assistant", category: "Chat" })).toHaveLength(1);
  });

  it("has words for every risky option of the default questionnaire's agent questions", () => {
    for (const question of DEFAULT_TEMPLATE.questions.filter((q) => q.aiOnly && "options" in q && q.type !== "multiple_choice")) {
      if (!("options" in question)) continue;
      for (const option of question.options.filter((o) => o.risk)) {
        const found = agentCapabilities({ [question.id]: option.value }, agent);
        expect(found, `${question.id}=${option.value}`).toHaveLength(1);
        expect(say("en")(found[0]!), `${question.id}=${option.value}`).not.toMatch(/^software\./);
      }
    }
  });
});

describe("the current assessment for an edition", () => {
  const all = { id: "all", editionId: null, completedAt: new Date("2026-01-01T00:00:00Z") };
  const free = { id: "free", editionId: "free", completedAt: new Date("2026-02-01T00:00:00Z") };
  it("prefers the edition's own, then the one for all editions", () => {
    expect(currentAssessmentFor([all, free], "free")?.id).toBe("free");
    expect(currentAssessmentFor([all, free], "team")?.id).toBe("all");
    expect(currentAssessmentFor([all, free], null)?.id).toBe("all");
  });
  it("for the whole software without an all-editions one, the newest; none when nothing is completed", () => {
    expect(currentAssessmentFor([free], null)?.id).toBe("free");
    expect(currentAssessmentFor([free], "team")).toBeNull();
    expect(currentAssessmentFor([], null)).toBeNull();
  });
});
