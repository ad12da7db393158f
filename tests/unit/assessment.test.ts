import { describe, expect, it } from "vitest";
import {
  DIMENSIONS,
  dimensionLevel,
  isAiTool,
  overallTier,
  scoreAssessment,
  validateAnswers,
  type Answers,
  type Driver,
  type QuestionnaireTemplate,
} from "@/lib/domain/assessment";
import { DEFAULT_TEMPLATE } from "@/lib/domain/default-template";

const driver = (level: Driver["level"], questionId = `q-${level}-${Math.random()}`): Driver => ({ questionId, prompt: questionId, answer: "x", level });

/** An AI coding agent that runs commands on its own and sends repositories to the cloud. */
const AGENT: Answers = {
  data_retention: "30d",
  trains_on_customer_data: "no",
  data_residency: "other_adequate",
  subprocessors_disclosed: "yes",
  dpa_signed: "yes",
  sso: "yes",
  mfa: "yes",
  audit_logs: "yes",
  certifications: ["soc2_type2"],
  deployment: "local_app",
  network_egress: "vendor_only",
  update_channel: "signed_auto",
  third_party_extensions: "no",
  runs_shell_commands: "yes",
  file_access: "anywhere",
  agent_network_access: "yes",
  sends_content_to_cloud: "repositories",
  mcp_plugins: "yes",
  autonomy: "autonomous",
};

describe("the default questionnaire", () => {
  it("has unique question ids, options and mitigations, and weights on known dimensions only", () => {
    const ids = DEFAULT_TEMPLATE.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(DEFAULT_TEMPLATE.mitigations.map((m) => m.id)).size).toBe(DEFAULT_TEMPLATE.mitigations.length);
    for (const q of DEFAULT_TEMPLATE.questions) {
      if ("options" in q) {
        expect(new Set(q.options.map((o) => o.value)).size, q.id).toBe(q.options.length);
        for (const o of q.options) for (const d of Object.keys(o.risk ?? {})) expect(DIMENSIONS).toContain(d);
      }
    }
  });

  it("covers the areas the product promises", () => {
    const sections = new Set(DEFAULT_TEMPLATE.questions.map((q) => q.section));
    for (const s of ["Vendor and data handling", "Security controls", "Deployment and network", "Supply chain", "Agent capabilities"]) expect(sections).toContain(s);
    const ids = DEFAULT_TEMPLATE.questions.map((q) => q.id);
    for (const id of ["trains_on_customer_data", "data_residency", "dpa_signed", "sso", "mfa", "audit_logs", "runs_shell_commands", "file_access", "sends_content_to_cloud", "mcp_plugins", "autonomy", "enterprise_controls"]) {
      expect(ids).toContain(id);
    }
  });
});

describe("isAiTool", () => {
  it("covers the AI assistant kind and tools in an AI category", () => {
    expect(isAiTool({ kind: "ai_assistant", category: "Chat" })).toBe(true);
    expect(isAiTool({ kind: "cli", category: "AI coding" })).toBe(true);
    expect(isAiTool({ kind: "saas", category: "Email" })).toBe(false);
    expect(isAiTool({ kind: "saas", category: "Maintenance" })).toBe(false);
  });
});

describe("validateAnswers", () => {
  it("accepts a complete, valid set", () => {
    expect(validateAnswers(DEFAULT_TEMPLATE, AGENT)).toEqual({});
  });

  it("names each bad answer", () => {
    const errors = validateAnswers(DEFAULT_TEMPLATE, {
      ...AGENT,
      sso: "maybe",
      certifications: ["soc2_type2", "soc2_type2"],
      security_incidents: -1,
      autonomy: "",
      notes: "x".repeat(4001),
      invented: "yes",
    });
    expect(Object.keys(errors).sort()).toEqual(["autonomy", "certifications", "invented", "notes", "security_incidents", "sso"]);
    expect(errors.autonomy).toEqual(["An answer is required"]);
  });

  it("lets drafts be incomplete and skips agent questions for non-AI tools", () => {
    expect(validateAnswers(DEFAULT_TEMPLATE, { sso: "yes" }, { complete: false })).toEqual({});
    const { runs_shell_commands: _a, file_access: _b, agent_network_access: _c, sends_content_to_cloud: _d, mcp_plugins: _e, autonomy: _f, ...nonAi } = AGENT;
    expect(validateAnswers(DEFAULT_TEMPLATE, nonAi, { aiTool: false })).toEqual({});
    expect(Object.keys(validateAnswers(DEFAULT_TEMPLATE, nonAi))).toContain("runs_shell_commands");
  });

  it("checks dates are real", () => {
    const template: QuestionnaireTemplate = { key: "t", version: 1, title: "t", mitigations: [], questions: [{ id: "d", section: "s", prompt: "d", required: true, type: "date" }] };
    expect(validateAnswers(template, { d: "2026-02-30" })).toEqual({ d: ["Enter a date (YYYY-MM-DD)"] });
    expect(validateAnswers(template, { d: "2026-02-28" })).toEqual({});
  });

  it("names each problem by a code with its values, for the caller to word in the reader's language", () => {
    const template: QuestionnaireTemplate = { key: "t", version: 1, title: "t", mitigations: [], questions: [
      { id: "n", section: "s", prompt: "n", required: true, type: "number", min: 1, max: 5 },
      { id: "x", section: "s", prompt: "x", required: true, type: "text", maxLength: 3 },
    ] };
    const describe = (problem: { code: string; values?: Record<string, unknown> }) => `${problem.code}:${JSON.stringify(problem.values ?? {})}`;
    expect(validateAnswers(template, { n: 9, x: "long", y: "?" }, { describe })).toEqual({
      y: ["unknownQuestion:{}"],
      n: ['numberRange:{"min":1,"max":5}'],
      x: ['maxLength:{"max":3}'],
    });
  });
});

describe("dimensionLevel and overallTier", () => {
  it("is low with no drivers, the worst driver otherwise", () => {
    expect(dimensionLevel([]).level).toBe("low");
    expect(dimensionLevel([driver("medium"), driver("low")]).level).toBe("medium");
  });
  it("compounds two drivers at the worst level by one level, from medium up to critical", () => {
    expect(dimensionLevel([driver("low"), driver("low")]).level).toBe("low");
    expect(dimensionLevel([driver("medium"), driver("medium")]).level).toBe("high");
    expect(dimensionLevel([driver("high"), driver("high")]).explanation).toMatch(/compounds to critical/);
    expect(dimensionLevel([driver("critical"), driver("critical")]).level).toBe("critical");
  });
  it("takes the worst dimension, and critical when three are high", () => {
    expect(overallTier(["low", "medium", "low"]).tier).toBe("medium");
    expect(overallTier(["high", "high", "medium", "low", "low"]).tier).toBe("high");
    expect(overallTier(["high", "high", "high", "low", "low"]).tier).toBe("critical");
  });
});

describe("scoreAssessment", () => {
  it("rates an autonomous agent critical and shows the answers that drove each dimension", () => {
    const result = scoreAssessment(DEFAULT_TEMPLATE, AGENT);
    expect(result.inherentTier).toBe("critical");
    const access = result.dimensions.find((d) => d.dimension === "access_autonomy")!;
    expect(access.level).toBe("critical");
    expect(access.drivers[0]).toMatchObject({ questionId: "autonomy", level: "critical" });
    expect(access.drivers.map((d) => d.questionId)).toEqual(expect.arrayContaining(["runs_shell_commands", "file_access"]));
    const data = result.dimensions.find((d) => d.dimension === "data_exposure")!;
    expect(data.level).toBe("critical"); // repositories to the cloud + files anywhere: two highs compound
    expect(data.explanation).toMatch(/compounds/);
  });

  it("rates a well-controlled SaaS tool low", () => {
    const result = scoreAssessment(DEFAULT_TEMPLATE, {
      data_retention: "none", trains_on_customer_data: "no", data_residency: "our_region", subprocessors_disclosed: "yes",
      dpa_signed: "yes", sso: "yes", mfa: "yes", audit_logs: "yes", certifications: ["soc2_type2", "iso27001"],
      deployment: "saas_tenant", network_egress: "vendor_only", update_channel: "managed", third_party_extensions: "no",
    });
    expect(result.inherentTier).toBe("low");
    expect(result.dimensions.every((d) => d.level === "low")).toBe(true);
  });

  it("lowers residual risk with the attached conditions, never erasing a critical answer", () => {
    const result = scoreAssessment(DEFAULT_TEMPLATE, AGENT, ["commands_need_approval", "sandboxed", "zero_data_retention"]);
    const access = result.residual.find((r) => r.dimension === "access_autonomy")!;
    expect(access).toMatchObject({ inherent: "critical", level: "medium" });
    expect(access.mitigatedBy).toEqual(["Every command needs a person's approval", "Runs only in a sandbox or dev container"]);
    expect(result.residualTier).not.toBe("critical");
    expect(scoreAssessment(DEFAULT_TEMPLATE, AGENT).residualTier).toBe(result.inherentTier);
  });

  it("counts the highest number threshold reached, once", () => {
    const one = scoreAssessment(DEFAULT_TEMPLATE, { security_incidents: 1 }).dimensions.find((d) => d.dimension === "vendor_trust")!;
    const many = scoreAssessment(DEFAULT_TEMPLATE, { security_incidents: 5 }).dimensions.find((d) => d.dimension === "vendor_trust")!;
    expect(one.level).toBe("medium");
    expect(many.level).toBe("high");
    expect(many.drivers).toHaveLength(1);
  });
});
