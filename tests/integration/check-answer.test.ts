import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as check, POST as bulkCheck } from "@/app/api/v1/check/route";
import { GET as softwareList } from "@/app/api/v1/software/route";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { addDays, isoDay } from "@/lib/domain/requests";
import { completeAssessment, saveAssessmentDraft, startAssessment, submitAssessment } from "@/lib/mutations/assessments";
import { createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { decideRequest, requestException } from "@/lib/mutations/requests";
import { recentDecisionDurations } from "@/lib/queries/requests";
import { runMutation } from "@/lib/server/guard";
import { callApi, type RouteHandler } from "../support/api";
import { makeUser, unique } from "../support/fixtures";
import { signInCookie, withRequest } from "../support/session";

/**
 * What the check API tells a person beyond the verdict (issue 11, items 2 and 9): the grant the
 * verdict rests on, with its terms, and the current assessment's tier and agent capabilities in
 * plain words. Every response is checked against the OpenAPI document by callApi.
 */

let db: Db;
let reviewer: SessionUser;
let holder: SessionUser;
let colleague: SessionUser;
let tool: { id: string; name: string; slug: string };

const AGENT_ANSWERS = {
  data_retention: "30d", trains_on_customer_data: "no", data_residency: "our_region", subprocessors_disclosed: "yes",
  dpa_signed: "yes", sso: "yes", mfa: "yes", audit_logs: "yes", certifications: ["soc2_type2"], deployment: "local_app",
  network_egress: "vendor_only", update_channel: "signed_auto", third_party_extensions: "no", runs_shell_commands: "yes",
  file_access: "workspace_write", agent_network_access: "no", sends_content_to_cloud: "repositories", mcp_plugins: "yes", autonomy: "asks",
};

async function asPerson<T>(user: SessionUser, handler: RouteHandler, path: string, body?: unknown): Promise<T> {
  const cookie = await signInCookie(user);
  const response = await withRequest(cookie, () =>
    callApi(handler, path, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json", origin: "http://vetted.test" }, body: JSON.stringify(body) }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

interface Answer {
  verdict: string;
  grant: { dataClass: string; conditions: string[]; endsOn: string; daysLeft: number; request: { id: string; url: string } | null } | null;
  assessment: { inherentTier: string; residualTier: string | null; completedOn: string | null; agentCapabilities: { id: string; text: string }[] } | null;
}

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  holder = await makeUser(db, "employee");
  colleague = await makeUser(db, "employee");
  const created = await runMutation(createSoftware, reviewer, { name: unique("Terminal agent"), kind: "cli", category: "AI coding" });
  tool = { id: created.id, name: created.name, slug: created.slug };
  await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", conditions: "Dev container only", rationale: "An agent with shell access." });
});
afterAll(() => closeDb());

describe("the check API's grant and assessment", () => {
  it("has neither before an assessment or a grant", async () => {
    const answer = await asPerson<Answer>(holder, check, `/api/v1/check?q=${encodeURIComponent(tool.name)}`);
    expect(answer).toMatchObject({ verdict: "exception_required", grant: null, assessment: null });
  });

  it("gives the current assessment's tier and, for an AI tool, its capabilities in plain words", async () => {
    const started = await runMutation(startAssessment, reviewer, { softwareId: tool.id });
    await runMutation(saveAssessmentDraft, reviewer, { id: started.id, version: "1", answers: JSON.stringify(AGENT_ANSWERS) });
    await runMutation(submitAssessment, reviewer, { id: started.id, version: "2" });
    await runMutation(completeAssessment, reviewer, { id: started.id, version: "3" });

    const answer = await asPerson<Answer>(colleague, check, `/api/v1/check?q=${encodeURIComponent(tool.name)}`);
    expect(answer.assessment).toMatchObject({ inherentTier: "high", completedOn: isoDay(new Date()) });
    expect(answer.assessment!.agentCapabilities).toEqual([
      { id: "runs_shell_commands", text: "can run shell commands on your computer" },
      { id: "file_access", text: "reads and changes the files of the project you open" },
      { id: "autonomy", text: "acts on its own after asking you for each step" },
      { id: "sends_content_to_cloud", text: "sends your code to the vendor's cloud (whole files or repositories)" },
      { id: "mcp_plugins", text: "connects to plugins (MCP servers)" },
    ]);
  });

  it("tells the holder their grant's terms and request, in the single and the bulk check and in search; nobody else", async () => {
    const endsOn = addDays(isoDay(new Date()), 20);
    const asked = await runMutation(requestException, holder, {
      idempotencyKey: randomUUID(), softwareId: tool.id, dataClass: "confidential", purpose: "Migrate the billing service",
      justification: "Hundreds of mechanical edits.", endsOn: addDays(isoDay(new Date()), 40),
    });
    // No manager on record: straight to security, who shortens it and adds a condition.
    await runMutation(decideRequest, reviewer, { requestId: asked.id, expectedStatus: "awaiting_security", decision: "approve", endsOn, conditions: "Billing repository only" });

    const single = await asPerson<Answer>(holder, check, `/api/v1/check?q=${encodeURIComponent(tool.name)}&dataClass=internal`);
    expect(single).toMatchObject({
      verdict: "allowed_by_exception",
      grant: { dataClass: "confidential", conditions: ["Billing repository only"], endsOn, daysLeft: 20, request: { id: asked.id } },
    });
    expect(single.grant!.request!.url).toMatch(new RegExp(`/requests/${asked.id}$`));
    // A data class beyond the grant: the verdict does not rest on it.
    expect(await asPerson<Answer>(holder, check, `/api/v1/check?q=${encodeURIComponent(tool.name)}&dataClass=restricted`)).toMatchObject({ verdict: "exception_required", grant: null });

    const bulk = await asPerson<{ items: Answer[] }>(holder, bulkCheck, "/api/v1/check", { items: [{ q: tool.name }] });
    expect(bulk.items[0]).toMatchObject({ verdict: "allowed_by_exception", grant: { endsOn, daysLeft: 20, conditions: ["Billing repository only"] }, assessment: { inherentTier: "high" } });

    const list = await asPerson<{ items: (Answer & { slug: string })[] }>(holder, softwareList, `/api/v1/software?q=${encodeURIComponent(tool.name)}`);
    expect(list.items.find((i) => i.slug === tool.slug)?.grant).toMatchObject({ dataClass: "confidential", endsOn, daysLeft: 20, request: { id: asked.id } });

    const others = await asPerson<{ items: (Answer & { slug: string })[] }>(colleague, softwareList, `/api/v1/software?q=${encodeURIComponent(tool.name)}`);
    expect(others.items.find((i) => i.slug === tool.slug)?.grant).toBeNull();
    expect(await asPerson<Answer>(colleague, check, `/api/v1/check?q=${encodeURIComponent(tool.name)}`)).toMatchObject({ verdict: "exception_required", grant: null });

    // The decision counts towards the typical decision time requesters are shown.
    const durations = await recentDecisionDurations(db, new Date(), 90);
    expect(durations.length).toBeGreaterThan(0);
    expect(durations.every((ms) => ms >= 0)).toBe(true);
    expect(await recentDecisionDurations(db, new Date(Date.now() - 91 * 86_400_000), 1)).toEqual([]);
  });
});
