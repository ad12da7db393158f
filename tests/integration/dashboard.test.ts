import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import type { Assessment } from "@/lib/db/schema";
import { levelRank, type Answers, type Level } from "@/lib/domain/assessment";
import { addDays } from "@/lib/domain/review-due";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "@/lib/mutations/assessments";
import { addEdition, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { getDashboard, type Dashboard } from "@/lib/queries/dashboard";
import { runMutation } from "@/lib/server/guard";
import { makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;

// Answers for a tool that is not an AI tool (the agent questions are not asked).
const LOW: Answers = {
  data_retention: "none", trains_on_customer_data: "no", data_residency: "our_region", subprocessors_disclosed: "yes", dpa_signed: "yes",
  sso: "yes", mfa: "yes", audit_logs: "yes", certifications: ["soc2_type2"], deployment: "self_hosted", network_egress: "none",
  update_channel: "managed", third_party_extensions: "no",
};
const MIXED: Answers = { ...LOW, data_retention: "1y", data_residency: "other_adequate", audit_logs: "no", deployment: "saas_tenant", network_egress: "vendor_only", update_channel: "signed_auto" };
const RISKY: Answers = {
  data_retention: "indefinite", trains_on_customer_data: "yes", data_residency: "unknown", subprocessors_disclosed: "no", dpa_signed: "no",
  sso: "no", mfa: "no", audit_logs: "no", certifications: ["none"], deployment: "saas_shared", network_egress: "arbitrary",
  update_channel: "unsigned", third_party_extensions: "yes",
};
const AGENT: Answers = {
  ...LOW, deployment: "local_app", runs_shell_commands: "yes", file_access: "anywhere", agent_network_access: "yes",
  sends_content_to_cloud: "repositories", mcp_plugins: "yes", autonomy: "autonomous",
};

/** Runs an assessment through the real lifecycle: start, save answers, submit, complete. */
async function assess(softwareId: string, answers: Answers, editionId?: string): Promise<Assessment> {
  const started = await runMutation(startAssessment, reviewer, { softwareId, ...(editionId ? { editionId } : {}) });
  await runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", answers: JSON.stringify(answers) });
  await runMutation(submitAssessment, reviewer, { id: started.id, version: "2" });
  return runMutation(completeAssessment, reviewer, { id: started.id, version: "3" });
}

const countOf = <K extends string>(bars: { key: K; count: number }[], key: K) => bars.find((b) => b.key === key)!.count;
const cellOf = (d: Dashboard, dimension: string, level: string) => d.heatMap.rows.find((r) => r.dimension === dimension)!.cells.find((c) => c.level === level)!.count;
const worst = (...levels: Level[]) => levels.reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a));

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
});
afterAll(() => closeDb());

describe("reviewer dashboard", () => {
  it("counts software by status and assessed tier, maps current assessments by dimension and level, and lists the work", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await getDashboard(db, today);

    // A: an autonomous agent, assessed critical; its decision waits for a second reviewer, so it stays unclassified.
    const agent = await runMutation(createSoftware, reviewer, { name: unique("Dash Agent"), kind: "ai_assistant", category: "AI coding" });
    const agentAssessment = await assess(agent.id, AGENT);
    expect(agentAssessment.inherentTier).toBe("critical");
    const pending = await runMutation(recordClassification, reviewer, { softwareId: agent.id, status: "restricted", rationale: "Autonomous agent with shell access." });
    expect(pending.confirmationReason).not.toBeNull();

    // B: approved; assessed for all editions twice (the first is superseded) and once for its Free edition.
    const saas = await runMutation(createSoftware, reviewer, { name: unique("Dash Board SaaS"), kind: "saas", category: "Collaboration" });
    const free = await runMutation(addEdition, reviewer, { softwareId: saas.id, name: "Free" });
    const approved = await runMutation(recordClassification, reviewer, { softwareId: saas.id, status: "approved", maxDataClass: "internal", rationale: "Fine for internal data." });
    const superseded = await assess(saas.id, RISKY);
    const allEditions = await assess(saas.id, LOW);
    const freeEdition = await assess(saas.id, MIXED, free.id);
    const saasTier = worst(allEditions.inherentTier!, freeEdition.inherentTier!);
    // Otherwise counting the superseded assessment would go unnoticed.
    expect(levelRank(superseded.inherentTier!)).toBeGreaterThan(levelRank(saasTier));

    // C: an assessment in progress; D: nothing at all.
    const drafted = await runMutation(createSoftware, reviewer, { name: unique("Dash Draft"), kind: "saas", category: "Design" });
    const draft = await runMutation(startAssessment, reviewer, { softwareId: drafted.id });
    await runMutation(createSoftware, reviewer, { name: unique("Dash Untouched"), kind: "desktop_app", category: "Utilities" });

    const after = await getDashboard(db, today);

    expect(after.software.total - before.software.total).toBe(4);
    for (const bucket of after.software.byStatus) {
      const expected = { approved: 1, unclassified: 3 }[bucket.key as string] ?? 0;
      expect(bucket.count - countOf(before.software.byStatus, bucket.key), `status ${bucket.key}`).toBe(expected);
    }
    const tierDelta: Record<string, number> = { not_assessed: 2 };
    for (const tier of ["critical", saasTier]) tierDelta[tier] = (tierDelta[tier] ?? 0) + 1;
    for (const bucket of after.software.byTier) {
      expect(bucket.count - countOf(before.software.byTier, bucket.key), `tier ${bucket.key}`).toBe(tierDelta[bucket.key] ?? 0);
    }

    // Current assessments only: the agent's, and the SaaS tool's two scopes.
    expect(after.heatMap.assessments - before.heatMap.assessments).toBe(3);
    const expectedCells = new Map<string, number>();
    for (const a of [agentAssessment, allEditions, freeEdition]) {
      for (const d of a.result!.dimensions) expectedCells.set(`${d.dimension}/${d.level}`, (expectedCells.get(`${d.dimension}/${d.level}`) ?? 0) + 1);
    }
    for (const row of after.heatMap.rows) {
      for (const cell of row.cells) {
        const delta = cell.count - cellOf(before, row.dimension, cell.level);
        expect(delta, `${row.dimension} × ${cell.level}`).toBe(expectedCells.get(`${row.dimension}/${cell.level}`) ?? 0);
      }
    }

    expect(after.inProgress.find((a) => a.id === draft.id)).toMatchObject({ softwareSlug: drafted.slug, status: "draft", assignee: reviewer.name });
    expect(after.inProgress.map((a) => a.id)).not.toContain(allEditions.id);
    expect(after.awaitingConfirmation.find((c) => c.id === pending.id)).toMatchObject({ softwareSlug: agent.slug, status: "restricted", proposedBy: reviewer.name });
    expect(after.awaitingConfirmation.map((c) => c.id)).not.toContain(approved.id);

    const recentIds = after.recentDecisions.map((d) => d.id);
    expect(recentIds.slice(0, 2)).toEqual([approved.id, pending.id]);
    expect(after.recentDecisions[0]).toMatchObject({ softwareSlug: saas.slug, status: "approved", decidedBy: reviewer.name, pending: false });
    expect(after.recentDecisions[1]).toMatchObject({ softwareSlug: agent.slug, status: "restricted", decidedBy: reviewer.name, pending: true, confirmedBy: null });

    // Overdue means due before today: nothing of ours yet; the critical agent once its six months are past.
    expect(after.overdueReassessments.map((r) => r.assessmentId)).not.toContain(agentAssessment.id);
    const dueOn = agentAssessment.reassessmentDueOn!;
    expect(allEditions.reassessmentDueOn! > dueOn && freeEdition.reassessmentDueOn! > dueOn).toBe(true);
    expect((await getDashboard(db, dueOn)).overdueReassessments.map((r) => r.assessmentId)).not.toContain(agentAssessment.id);
    const later = await getDashboard(db, addDays(dueOn, 1));
    expect(later.overdueReassessments.find((r) => r.assessmentId === agentAssessment.id)).toMatchObject({ softwareSlug: agent.slug, tier: "critical", dueOn });
    const overdueIds = later.overdueReassessments.map((r) => r.assessmentId);
    for (const id of [superseded.id, allEditions.id, freeEdition.id]) expect(overdueIds).not.toContain(id);
  });
});
