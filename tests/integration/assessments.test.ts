import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { assessments } from "@/lib/db/schema";
import { Conflict, Forbidden, ValidationFailed } from "@/lib/errors";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "@/lib/mutations/assessments";
import { confirmClassification, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { getSoftwareBySlug } from "@/lib/queries/software";
import { checkSoftware } from "@/lib/services/verdicts";
import { runMutation } from "@/lib/server/guard";
import { auditFor, makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let employee: SessionUser;
let secondReviewer: SessionUser;

const AGENT_ANSWERS = {
  data_retention: "30d", trains_on_customer_data: "no", data_residency: "other_adequate", subprocessors_disclosed: "yes",
  dpa_signed: "yes", sso: "yes", mfa: "yes", audit_logs: "yes", certifications: ["soc2_type2"], deployment: "local_app",
  network_egress: "vendor_only", update_channel: "signed_auto", third_party_extensions: "no", runs_shell_commands: "yes",
  file_access: "anywhere", agent_network_access: "yes", sends_content_to_cloud: "repositories", mcp_plugins: "yes", autonomy: "autonomous",
};

async function agentTool() {
  return runMutation(createSoftware, reviewer, { name: unique("Agentic CLI"), kind: "ai_assistant", category: "AI coding" });
}

async function current(id: string) {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
  return row!;
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  employee = await makeUser(db, "employee");
  secondReviewer = await makeUser(db, "reviewer");
});
afterAll(() => closeDb());

describe("assessment lifecycle", () => {
  it("goes draft → in review → completed with a stored, explained score, audited at each step", async () => {
    const tool = await agentTool();
    const started = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    expect(started).toMatchObject({ status: "draft", version: 1, assigneeId: reviewer.id, answers: {} });

    const half = { sso: "yes", autonomy: "autonomous" };
    const saved = await runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", answers: JSON.stringify(half) });
    expect(saved).toMatchObject({ version: 2, answers: half });

    // Incomplete answers cannot go to review; the missing questions are named.
    const refused = await runMutation(submitAssessment, reviewer, { id: started.id, version: "2" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((refused as ValidationFailed).fieldErrors!)).toContain("answers.runs_shell_commands");

    await runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "2", answers: JSON.stringify(AGENT_ANSWERS), mitigations: ["commands_need_approval", "sandboxed"] });
    await runMutation(submitAssessment, reviewer, { id: started.id, version: "3" });
    const completed = await runMutation(completeAssessment, reviewer, { id: started.id, version: "4" });
    expect(completed).toMatchObject({ status: "completed", inherentTier: "critical" });
    expect(completed.result!.dimensions.find((d) => d.dimension === "access_autonomy")!.drivers[0]!.questionId).toBe("autonomy");
    expect(completed.result!.residual.find((r) => r.dimension === "access_autonomy")!.level).toBe("medium");
    expect((await auditFor(db, started.id)).map((e) => e.action).sort()).toEqual(
      ["assessment.completed", "assessment.saved", "assessment.saved", "assessment.started", "assessment.submitted"].sort(),
    );
  });

  it("refuses a stale save with a conflict and keeps the newer answers", async () => {
    const tool = await agentTool();
    const started = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    await runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", answers: JSON.stringify({ sso: "yes" }) });
    const stale = runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", answers: JSON.stringify({ sso: "no" }) });
    await expect(stale).rejects.toBeInstanceOf(Conflict);
    expect((await current(started.id)).answers).toEqual({ sso: "yes" });
  });

  it("refuses invalid answers, unknown conditions, bad JSON and other roles, changing nothing", async () => {
    const tool = await agentTool();
    const started = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    const cases: Record<string, unknown>[] = [
      { answers: JSON.stringify({ sso: "maybe" }) },
      { answers: JSON.stringify({ invented_question: "yes" }) },
      { answers: JSON.stringify({ security_incidents: -3 }) },
      { answers: "{not json" },
      { answers: JSON.stringify(["not", "an", "object"]) },
      { answers: JSON.stringify({}), mitigations: ["magic_shield"] },
    ];
    for (const extra of cases) {
      await expect(runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", ...extra }), JSON.stringify(extra)).rejects.toBeInstanceOf(ValidationFailed);
    }
    await expect(runMutation(saveAssessmentDraft, employee, { id: started.id, version: "1", answers: "{}" })).rejects.toBeInstanceOf(Forbidden);
    await expect(runMutation(startAssessment, employee, { softwareId: tool.id })).rejects.toBeInstanceOf(Forbidden);
    expect(await current(started.id)).toMatchObject({ version: 1, answers: {} });
  });

  it("allows one assessment in progress per software, and a reassessment starts from the last one and supersedes it", async () => {
    const tool = await agentTool();
    const first = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    await expect(runMutation(startAssessment, reviewer, { softwareId: tool.id })).rejects.toBeInstanceOf(Conflict);
    await runMutation(saveAssessmentDraft, reviewer, { id: first.id, version: "1", answers: JSON.stringify(AGENT_ANSWERS), mitigations: ["sandboxed"] });
    await runMutation(submitAssessment, reviewer, { id: first.id, version: "2" });
    await runMutation(completeAssessment, reviewer, { id: first.id, version: "3" });

    const again = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    expect(again).toMatchObject({ previousId: first.id, answers: AGENT_ANSWERS, mitigations: ["sandboxed"] });
    await runMutation(saveAssessmentDraft, reviewer, { id: again.id, version: "1", answers: JSON.stringify({ ...AGENT_ANSWERS, autonomy: "asks" }) });
    await runMutation(submitAssessment, reviewer, { id: again.id, version: "2" });
    const done = await runMutation(completeAssessment, reviewer, { id: again.id, version: "3" });
    // The new answer, not the old one, drives the new score.
    const autonomy = done.result!.dimensions.find((d) => d.dimension === "access_autonomy")!.drivers.find((d) => d.questionId === "autonomy")!;
    expect(autonomy).toMatchObject({ answer: "Acts after asking for each step", level: "medium" });
    expect((await current(first.id)).status).toBe("superseded");
    await expect(runMutation(saveAssessmentDraft, reviewer, { id: first.id, version: "4", answers: "{}" })).rejects.toBeInstanceOf(Conflict);
  });
});

describe("decisions and the four-eyes rule", () => {
  const check = (name: string) => checkSoftware(db, { q: name, dataClass: "internal" }, "http://vetted.test", new Date());

  it("holds a loosening decision as pending until a different reviewer confirms it", async () => {
    const tool = await agentTool();
    await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "prohibited", rationale: "Sends repositories to an unvetted cloud." });
    const proposed = await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "approved", maxDataClass: "internal", rationale: "Enterprise tenant with zero retention now available." });
    expect(proposed.confirmationReason).toBe("It loosens Prohibited to Approved.");

    // Visible as pending, but nobody's answer changes yet.
    expect((await check(tool.name)).verdict).toBe("prohibited");
    expect((await getSoftwareBySlug(db, tool.slug))!.status).toBe("prohibited");
    await expect(runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "Changed my mind meanwhile." })).rejects.toBeInstanceOf(Conflict);

    await expect(runMutation(confirmClassification, reviewer, { id: proposed.id })).rejects.toBeInstanceOf(Forbidden);
    await expect(runMutation(confirmClassification, employee, { id: proposed.id })).rejects.toBeInstanceOf(Forbidden);
    await runMutation(confirmClassification, secondReviewer, { id: proposed.id });
    expect((await check(tool.name)).verdict).toBe("allowed");
    expect((await getSoftwareBySlug(db, tool.slug))!.status).toBe("approved");
    await expect(runMutation(confirmClassification, secondReviewer, { id: proposed.id })).rejects.toBeInstanceOf(Conflict);
    expect((await auditFor(db, proposed.id)).map((e) => e.action).sort()).toEqual(["classification.confirmed", "classification.proposed"]);
  });

  it("takes a tightening decision at once", async () => {
    const tool = await agentTool();
    await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "approved", maxDataClass: "confidential", rationale: "Fine for now." });
    const tightened = await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "New telemetry findings." });
    expect(tightened.confirmationReason).toBeNull();
    expect((await check(tool.name)).verdict).toBe("exception_required");
  });

  it("needs a second reviewer for any decision on a critical-tier tool, and cites the assessment", async () => {
    const tool = await agentTool();
    const a = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    await runMutation(saveAssessmentDraft, reviewer, { id: a.id, version: "1", answers: JSON.stringify(AGENT_ANSWERS) });
    await runMutation(submitAssessment, reviewer, { id: a.id, version: "2" });
    await runMutation(completeAssessment, reviewer, { id: a.id, version: "3" });
    await expect(
      runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "Citing a stranger.", assessmentId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const decision = await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "Autonomous agent with shell access." });
    expect(decision).toMatchObject({ assessmentId: a.id, confirmationReason: expect.stringContaining("critical") });
    expect((await check(tool.name)).verdict).toBe("under_review");
  });

  it("records exactly one confirmation when two reviewers confirm at the same moment", async () => {
    const tool = await agentTool();
    await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "Pending vendor answers." });
    const proposed = await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "approved_with_conditions", maxDataClass: "internal", conditions: "Telemetry off", rationale: "Vendor answered." });
    const third = await makeUser(db, "reviewer");
    const outcomes = await Promise.allSettled([
      runMutation(confirmClassification, secondReviewer, { id: proposed.id }),
      runMutation(confirmClassification, third, { id: proposed.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Conflict);
    expect((await auditFor(db, proposed.id)).filter((e) => e.action === "classification.confirmed")).toHaveLength(1);
  });
});

describe("review queue", () => {
  it("lists overdue decisions, reassessments by tier interval, work in progress and pending confirmations", async () => {
    const { getReviewQueue } = await import("@/lib/queries/review-queue");
    const tool = await agentTool();
    const a = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    await runMutation(saveAssessmentDraft, reviewer, { id: a.id, version: "1", answers: JSON.stringify(AGENT_ANSWERS) });
    const today = new Date().toISOString().slice(0, 10);
    let queue = await getReviewQueue(db, today);
    expect(queue.inProgress.map((i) => i.id)).toContain(a.id);

    await runMutation(submitAssessment, reviewer, { id: a.id, version: "2" });
    const done = await runMutation(completeAssessment, reviewer, { id: a.id, version: "3" });
    // Critical tier: reassessed after 6 months by default.
    const sixMonths = new Date();
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(done.reassessmentDueOn!.slice(0, 7)).toBe(sixMonths.toISOString().slice(0, 7));
    const inSevenMonths = new Date(Date.now() + 213 * 86_400_000).toISOString().slice(0, 10);
    queue = await getReviewQueue(db, inSevenMonths);
    expect(queue.reassessmentsDue.find((r) => r.softwareName === tool.name)).toMatchObject({ tier: "critical" });
    expect(queue.inProgress.map((i) => i.id)).not.toContain(a.id);

    await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "Critical agent.", reviewDueOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) });
    queue = await getReviewQueue(db, today);
    expect(queue.awaitingConfirmation.find((c) => c.softwareName === tool.name)).toMatchObject({ proposedBy: reviewer.name });
    // Pending decisions are not "in effect", so they are not yet due for review.
    expect(queue.decisionsDue.find((d) => d.softwareName === tool.name)).toBeUndefined();
  });
});
