import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  actorLabel as keyedActorLabel,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditActionLabelKey,
  auditEntityLabelKey,
  changedFields as keyedChangedFields,
  describeAuditEvent as describeKeyed,
  renderAuditDescription,
  renderValue,
  type AuditEventFacts,
  type AuditNames,
  type AuditTranslator,
} from "@/lib/domain/audit-sentence";
import { translator } from "@/lib/i18n/translate";

const english = translator("en") as unknown as AuditTranslator;
const chinese = translator("zh-CN") as unknown as AuditTranslator;
/** The sentence as an English reader sees it. */
const describeAuditEvent = (e: AuditEventFacts, n: AuditNames, t: AuditTranslator = english) => renderAuditDescription(describeKeyed(e, n), t);
const AUDIT_ACTION_LABELS = Object.fromEntries(AUDIT_ACTIONS.map((key) => [key, english(auditActionLabelKey(key))]));

const ROOT = join(__dirname, "../..");

/** Every audit action key the code writes: `action: "x.y", entityType`, either side of a ternary, and request.${approved|rejected}. */
function actionKeysInCode(): Set<string> {
  const files = [
    ...["lib/mutations", "lib/jobs"].flatMap((dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f))),
    "db/seed.ts",
    "lib/db/data-upgrades.ts",
  ];
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), "utf8");
    for (const m of source.matchAll(/action:\s*"([a-z_]+\.[a-z_]+)",\s*entityType/g)) keys.add(m[1]!);
    for (const m of source.matchAll(/action:\s*[^,\n]*\?\s*"([a-z_]+\.[a-z_]+)"\s*:\s*"([a-z_]+\.[a-z_]+)"/g)) {
      keys.add(m[1]!);
      keys.add(m[2]!);
    }
    for (const m of source.matchAll(/action:\s*`([a-z_]+)\.\$\{[^}]*\?\s*"([a-z_]+)"\s*:\s*"([a-z_]+)"\}`/g)) {
      keys.add(`${m[1]}.${m[2]}`);
      keys.add(`${m[1]}.${m[3]}`);
    }
  }
  return keys;
}

const NAMES: AuditNames = {
  actorName: "Riley Reviewer",
  software: { name: "Slack", slug: "slack" },
  edition: "Free",
  user: "Emery Employee",
  request: { id: "5c7e4bf4-66ad-4d8e-9a5b-1c2f0d9a1a11", number: 42, proposedName: null },
};

const event = (action: string, extra: Partial<AuditEventFacts> = {}): AuditEventFacts => ({
  action,
  entityType: action.split(".")[0]!,
  entityId: "x",
  actorEmail: "reviewer@example.com",
  before: null,
  after: null,
  reason: null,
  ...extra,
});

describe("audit events as sentences", () => {
  const keys = actionKeysInCode();

  it("finds the action keys the code writes (the scan itself works)", () => {
    for (const key of ["classification.decided", "classification.proposed", "request.approved", "request.rejected", "webhook.enabled", "webhook.disabled", "grant.expired", "user.created"]) {
      expect(keys).toContain(key);
    }
    expect(keys.size).toBeGreaterThan(40);
  });

  it("has a filter label for every action key written in the codebase", () => {
    expect([...keys].filter((k) => !(k in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it.each([...new Set([...keys, ...Object.keys(AUDIT_ACTION_LABELS)])].sort())("%s reads as a sentence, not as its key", (key) => {
    const { sentence } = describeAuditEvent(event(key, { after: { status: "approved", name: "CI", kind: "exception" } }), NAMES);
    expect(sentence).not.toContain(key);
    expect(sentence).not.toMatch(/ did “/);
    expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(sentence).not.toMatch(/undefined|null|\[object/);
  });

  it("says who classified which edition of what, as what, with the tool linked", () => {
    const d = describeAuditEvent(event("classification.decided", { after: { status: "prohibited", maxDataClass: null } }), NAMES);
    expect(d.sentence).toBe("Riley Reviewer classified Slack (Free) as prohibited.");
    expect(d.segments.find((s) => s.text === "Slack")?.href).toBe("/software/slack");
  });

  it("names requests by number, linked, and the tool they concern", () => {
    const d = describeAuditEvent(event("request.approved", { after: { status: "awaiting_security" } }), NAMES);
    expect(d.sentence).toBe("Riley Reviewer approved request 42 for Slack: it now waits for security.");
    expect(d.segments.find((s) => s.text === "request 42")?.href).toBe(`/requests/${NAMES.request!.id}`);
    expect(describeAuditEvent(event("grant.revoked"), NAMES).sentence).toBe("Riley Reviewer revoked Emery Employee’s exception for Slack.");
  });

  it("covers people, tokens, settings and webhooks", () => {
    const none = { ...NAMES, software: null, edition: null, request: null };
    expect(describeAuditEvent(event("user.updated", { entityType: "user" }), none).sentence).toBe("Riley Reviewer changed Emery Employee.");
    expect(describeAuditEvent(event("token.revoked", { entityType: "api_token", after: { name: "CI sync" } }), none).sentence).toBe("Riley Reviewer revoked the API token “CI sync”.");
    expect(describeAuditEvent(event("settings.updated"), none).sentence).toBe("Riley Reviewer changed the settings.");
    expect(describeAuditEvent(event("webhook.created", { after: { name: "SIEM" } }), none).sentence).toBe("Riley Reviewer added the webhook “SIEM”.");
    expect(describeAuditEvent(event("grant.expired", { actorEmail: "system" }), { ...NAMES, actorName: null }).sentence).toBe("Emery Employee’s exception for Slack ended.");
  });

  it("an unknown key still reads as a sentence", () => {
    expect(describeAuditEvent(event("widget.frobbed", { entityType: "widget" }), { ...NAMES, software: null }).sentence).toBe("Riley Reviewer did “widget.frobbed” to widget.");
  });
});

describe("actorLabel", () => {
  const actorLabel = (name: string | null, email: string | null) => renderValue(keyedActorLabel(name, email), english);
  it("names the person, the token they used, or Vetted", () => {
    expect(actorLabel("Avery Admin", "admin@example.com")).toBe("Avery Admin");
    expect(actorLabel("Avery Admin", 'admin@example.com via API token "CI" (vt_AbC123…)')).toBe('Avery Admin via API token "CI" (vt_AbC123…)');
    expect(actorLabel(null, 'admin@example.com via API token "CI" (vt_AbC123…)')).toBe('admin@example.com via API token "CI" (vt_AbC123…)');
    expect(actorLabel(null, "system")).toBe("Vetted (automatically)");
    expect(actorLabel(null, null)).toBe("Vetted (automatically)");
    expect(actorLabel(null, "someone@example.com")).toBe("someone@example.com");
  });
});

describe("changedFields", () => {
  const changedFields = (action: string, before: unknown, after: unknown) =>
    renderAuditDescription({ sentence: { key: "audit.end", values: {} }, links: {}, changes: keyedChangedFields(action, before, after) }, english).changes;
  it("lists only what differs, in words, side by side; ids and bookkeeping left out", () => {
    const changes = changedFields("software.updated", { id: "1", name: "Slack", owner: null, updatedAt: "a", tags: ["a"] }, { id: "1", name: "Slack", owner: "IT", updatedAt: "b", tags: ["a", "b"] });
    expect(changes).toEqual([
      { field: "owner", label: "Owner", before: null, after: "IT" },
      { field: "tags", label: "Tags", before: "a", after: "a, b" },
    ]);
  });

  it("compares nested answers one level down and reads statuses as labels", () => {
    expect(changedFields("assessment.saved", { answers: { sso: "No", mfa: "Yes" } }, { answers: { sso: "Yes", mfa: "Yes" } })).toEqual([
      { field: "answers.sso", label: "Answers · sso", before: "No", after: "Yes" },
    ]);
    expect(changedFields("classification.decided", { status: "prohibited" }, { status: "approved_with_conditions", maxDataClass: "internal" })).toEqual([
      { field: "status", label: "Status", before: "Prohibited", after: "Approved with conditions" },
      { field: "maxDataClass", label: "Max data class", before: null, after: "internal" },
    ]);
  });
});

describe("audit sentences in Chinese", () => {
  it("has a label for every action and entity type in both languages", () => {
    for (const t of [english, chinese]) {
      expect(AUDIT_ACTIONS.filter((key) => !t.has(auditActionLabelKey(key)))).toEqual([]);
      expect(AUDIT_ENTITY_TYPES.filter((key) => !t.has(auditEntityLabelKey(key)))).toEqual([]);
    }
  });

  it.each([...AUDIT_ACTIONS])("%s reads as a Chinese sentence", (key) => {
    const { sentence } = describeAuditEvent(event(key, { after: { status: "approved", name: "CI", kind: "exception" } }), NAMES, chinese);
    expect(sentence).not.toContain(key);
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).toMatch(/。$/);
    expect(sentence).not.toMatch(/undefined|null|\[object|audit\./);
  });

  it("says who classified what as what, with the tool linked and the status in Chinese", () => {
    const d = describeAuditEvent(event("classification.decided", { after: { status: "prohibited" } }), NAMES, chinese);
    expect(d.sentence).toBe("Riley Reviewer 将 Slack（Free） 分类为 禁止。");
    expect(d.segments.find((s) => s.text === "Slack")?.href).toBe("/software/slack");
    expect(describeAuditEvent(event("grant.expired", { actorEmail: "system" }), { ...NAMES, actorName: null }, chinese).sentence).toBe("Emery Employee 的 Slack 例外已结束。");
    expect(renderValue(keyedActorLabel(null, "system"), chinese)).toBe("Vetted（自动）");
  });
});
