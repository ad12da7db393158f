import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { assessments, questionnaireTemplates } from "@/lib/db/schema";
import { DEFAULT_TEMPLATE } from "@/lib/domain/default-template";
import { Conflict, Forbidden, ValidationFailed } from "@/lib/errors";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "@/lib/mutations/assessments";
import { createSoftware } from "@/lib/mutations/catalogue";
import { saveTemplate } from "@/lib/mutations/templates";
import { listTemplates, listTemplateVersions } from "@/lib/queries/templates";
import { runInLocale } from "@/lib/i18n/translate";
import { runMutation } from "@/lib/server/guard";
import { auditFor, counts, makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let admin: SessionUser;
let employee: SessionUser;

const SSO = { id: "sso", section: "Security", prompt: "SSO?", required: true, type: "yes_no_unknown", options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No", risk: { vendor_trust: "high" } }, { value: "unknown", label: "Unknown", risk: { vendor_trust: "medium" } }] } as const;
const SEATS = { id: "seats", section: "Usage", prompt: "How many seats?", required: false, type: "number", min: 0, thresholds: [{ atLeast: 100, risk: { data_exposure: "medium" } }] } as const;

/** A small questionnaire: two questions and one condition. */
const SMALL = {
  questions: [SSO, SEATS],
  mitigations: [{ id: "sso_enforced", label: "SSO enforced", reduces: { vendor_trust: 1 } }],
};

const key = () => unique("q").toLowerCase().replace(/[^a-z0-9]+/g, "_");

async function stored(templateKey: string) {
  return db.select().from(questionnaireTemplates).where(eq(questionnaireTemplates.key, templateKey)).orderBy(questionnaireTemplates.version);
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  admin = await makeUser(db, "admin");
  employee = await makeUser(db, "employee");
});
afterAll(() => closeDb());

describe("authoring questionnaires", () => {
  it("creates version 1, then each save adds a version and leaves the earlier ones as they were, audited", async () => {
    const k = key();
    const v1 = await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "0", title: "Small", definition: JSON.stringify(SMALL) });
    expect(v1).toMatchObject({ key: k, version: 1 });
    const edited = { ...SMALL, questions: [SSO] };
    const v2 = await runMutation(saveTemplate, admin, { key: k, baseVersion: "1", title: "Small, trimmed", definition: JSON.stringify(edited) });
    expect(v2.version).toBe(2);

    const rows = await stored(k);
    expect(rows.map((r) => [r.version, r.title, r.definition.questions.length])).toEqual([[1, "Small", 2], [2, "Small, trimmed", 1]]);
    expect(rows[1]!.definition).toMatchObject({ key: k, version: 2, title: "Small, trimmed" });
    expect(rows[1]!.createdById).toBe(admin.id);
    expect((await auditFor(db, v2.id)).map((e) => [e.action, e.actorId])).toEqual([["template.saved", admin.id]]);

    const history = await listTemplateVersions(db, k);
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect((await listTemplates(db)).find((t) => t.key === k)).toMatchObject({ version: 2, versions: 2, title: "Small, trimmed" });
  });

  it("refuses a save from a stale version, and a new questionnaire under a taken key", async () => {
    const k = key();
    await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "0", title: "Race", definition: JSON.stringify(SMALL) });
    await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "1", title: "First editor", definition: JSON.stringify(SMALL) });
    const before = await counts(db);
    const stale = await runMutation(saveTemplate, admin, { key: k, baseVersion: "1", title: "Second editor", definition: JSON.stringify(SMALL) }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(Conflict);
    expect((stale as Conflict).message).toMatch(/Version 2 .* saved since you opened version 1/);
    const taken = await runMutation(saveTemplate, admin, { key: k, baseVersion: "0", title: "Again", definition: JSON.stringify(SMALL) }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(Conflict);
    expect((taken as Conflict).fieldErrors).toHaveProperty("key");
    expect((await stored(k)).map((r) => r.title)).toEqual(["Race", "First editor"]);
    expect(await counts(db)).toEqual(before);
  });

  it("refuses a questionnaire that scoring could not rely on, naming the field, and changes nothing", async () => {
    const k = key();
    const bad = (definition: unknown) => runMutation(saveTemplate, reviewer, { key: k, baseVersion: "0", title: "Bad", definition: typeof definition === "string" ? definition : JSON.stringify(definition) }).then(
        () => { throw new Error("accepted"); },
        (e: unknown) => e as ValidationFailed,
      );
    const q0 = SSO;
    const cases: [unknown, string, RegExp][] = [
      ["{not json", "definition", /not valid JSON/],
      [{ ...SMALL, questions: [] }, "definition.questions", /at least one question/],
      [{ ...SMALL, questions: [q0, q0] }, "definition.questions.1.id", /already uses the id "sso"/],
      [{ ...SMALL, questions: [{ ...q0, id: "Bad Id" }] }, "definition.questions.0.id", /lower-case letters/],
      [{ ...SMALL, questions: [{ ...q0, options: [q0.options[0], { value: "maybe", label: "Maybe" }] }] }, "definition.questions.0.options", /exactly the options yes, no and unknown/],
      [{ ...SMALL, questions: [{ ...q0, type: "single_choice", options: [q0.options[0]] }] }, "definition.questions.0.options", /at least two options/],
      [{ ...SMALL, questions: [{ ...q0, type: "single_choice", options: [q0.options[1], q0.options[1]] }] }, "definition.questions.0.options.1.value", /used twice/],
      [{ ...SMALL, questions: [{ ...q0, options: [{ ...q0.options[0], risk: { vendor_trust: "extreme" } }, q0.options[1], q0.options[2]] }] }, "definition.questions.0.options.0.risk.vendor_trust", /risk level/],
      [{ ...SMALL, questions: [{ ...q0, type: "essay" }] }, "definition.questions.0.type", /question type/],
      [{ ...SMALL, questions: [{ ...SEATS, min: 10, max: 1 }] }, "definition.questions.0.max", /below the minimum/],
      [{ ...SMALL, questions: [{ ...q0, prompt: "" }] }, "definition.questions.0.prompt", /required/],
      [{ ...SMALL, questions: [{ ...q0, prompt: "x".repeat(501) }] }, "definition.questions.0.prompt", /at most 500/],
      [{ ...SMALL, mitigations: [{ id: "m", label: "M", reduces: {} }] }, "definition.mitigations.0.reduces", /which dimension/],
      [{ ...SMALL, mitigations: [{ id: "m", label: "M", reduces: { vendor_trust: 7 } }] }, "definition.mitigations.0.reduces.vendor_trust", /1 to 3/],
      ["x".repeat(600_000), "definition", /too large/],
    ];
    const before = await counts(db);
    for (const [definition, field, message] of cases) {
      const error = await bad(definition);
      expect(error, field).toBeInstanceOf(ValidationFailed);
      expect(error.fieldErrors?.[field]?.join(" "), field).toMatch(message);
    }
    expect(await stored(k)).toEqual([]);
    expect(await counts(db)).toEqual(before);
  });

  it("words its refusals in the reader's language: a Chinese reader reads Chinese, naming the same fields", async () => {
    const k = key();
    await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "0", title: "中文", definition: JSON.stringify(SMALL) });
    const zh = <T,>(work: () => Promise<T>) => runInLocale("zh-CN", () => work().catch((e: unknown) => e));
    const stale = await zh(() => runMutation(saveTemplate, admin, { key: k, baseVersion: "0", title: "Again", definition: JSON.stringify(SMALL) }));
    expect(stale).toBeInstanceOf(Conflict);
    expect((stale as Conflict).message).toBe(`键为“${k}”的问卷已存在，请换一个键，或编辑那份问卷。`);
    expect((stale as Conflict).fieldErrors?.key).toEqual(["此键已被占用"]);
    const bad = await zh(() => runMutation(saveTemplate, reviewer, { key: k, baseVersion: "1", title: "", definition: JSON.stringify({ ...SMALL, questions: [SSO, SSO] }) }));
    expect(bad).toBeInstanceOf(ValidationFailed);
    expect((bad as ValidationFailed).fieldErrors?.["definition.questions.1.id"]).toEqual(["另一个问题已使用 ID“sso”"]);
    expect((bad as ValidationFailed).fieldErrors?.title?.join(" ")).toMatch(/标题/);
    expect((await stored(k)).map((r) => r.version)).toEqual([1]);
  });

  it("is refused to employees", async () => {
    const k = key();
    await expect(runMutation(saveTemplate, employee, { key: k, baseVersion: "0", title: "Mine", definition: JSON.stringify(SMALL) })).rejects.toBeInstanceOf(Forbidden);
    expect(await stored(k)).toEqual([]);
  });
});

describe("assessments and questionnaire versions", () => {
  it("new assessments use the latest version; earlier assessments keep theirs; a reassessment carries over only what is still asked", async () => {
    const k = key();
    const full = { questions: DEFAULT_TEMPLATE.questions, mitigations: DEFAULT_TEMPLATE.mitigations };
    await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "0", title: "Team questionnaire", definition: JSON.stringify(full) });
    const tool = await runMutation(createSoftware, reviewer, { name: unique("Versioned tool"), kind: "desktop_app", category: "Utilities" });

    const first = await runMutation(startAssessment, reviewer, { softwareId: tool.id, templateKey: k });
    const answers = { data_retention: "none", trains_on_customer_data: "no", data_residency: "our_region", subprocessors_disclosed: "yes", dpa_signed: "yes", sso: "yes", mfa: "yes", audit_logs: "yes", certifications: ["soc2_type2"], deployment: "local_app", network_egress: "none", update_channel: "signed_auto", third_party_extensions: "no" };
    await runMutation(saveAssessmentDraft, reviewer, { id: first.id, version: "1", answers: JSON.stringify(answers), mitigations: [] });
    await runMutation(submitAssessment, reviewer, { id: first.id, version: "2" });
    await runMutation(completeAssessment, reviewer, { id: first.id, version: "3" });

    // Version 2 drops the MFA question.
    await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "1", title: "Team questionnaire", definition: JSON.stringify({ ...full, questions: full.questions.filter((q) => q.id !== "mfa") }) });
    const [v1, v2] = await stored(k);

    const second = await runMutation(startAssessment, reviewer, { softwareId: tool.id, templateKey: k });
    expect(second.templateId).toBe(v2!.id);
    expect(second.previousId).toBe(first.id);
    expect(second.answers).not.toHaveProperty("mfa");
    expect(second.answers).toMatchObject({ sso: "yes", data_retention: "none" });

    const [kept] = await db.select({ templateId: assessments.templateId }).from(assessments).where(and(eq(assessments.id, first.id)));
    expect(kept!.templateId).toBe(v1!.id);
  });

  it("tells a Chinese reader in Chinese which answers are missing, by question", async () => {
    const k = key();
    await runMutation(saveTemplate, reviewer, { key: k, baseVersion: "0", title: "Small", definition: JSON.stringify(SMALL) });
    const tool = await runMutation(createSoftware, reviewer, { name: unique("Chinese reader tool"), kind: "desktop_app", category: "Utilities" });
    const started = await runMutation(startAssessment, reviewer, { softwareId: tool.id, templateKey: k });
    const refused = await runInLocale("zh-CN", () => runMutation(submitAssessment, reviewer, { id: started.id, version: String(started.version) }).catch((e: unknown) => e));
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).message).toBe("有 1 个回答需要处理：请查看标出的问题。");
    expect((refused as ValidationFailed).fieldErrors).toEqual({ "answers.sso": ["此题必须回答"] });
    const english = await runMutation(submitAssessment, reviewer, { id: started.id, version: String(started.version) }).catch((e: unknown) => e);
    expect((english as ValidationFailed).message).toBe("1 answer needs attention: see the highlighted questions.");
  });

  it("refuses an unknown questionnaire when starting an assessment", async () => {
    const tool = await runMutation(createSoftware, reviewer, { name: unique("Nowhere tool"), kind: "desktop_app", category: "Utilities" });
    const refused = await runMutation(startAssessment, reviewer, { softwareId: tool.id, templateKey: "no_such_questionnaire" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).fieldErrors).toHaveProperty("templateKey");
  });
});
