/**
 * An audit event as a sentence a person reads ("Riley Reviewer classified Slack (Free) as
 * prohibited"), with the fields it changed side by side. Pure: the names it needs (the actor,
 * the software, the user or request concerned) are looked up by lib/queries/audit.ts, and the
 * words come from the catalogue (messages/<locale>/audit.json): `describeAuditEvent` says which
 * message and with what values, `renderAuditDescription` makes the sentence with the reader's
 * translator, where it is shown.
 */

/** A piece of the sentence; `href` makes it a link (the software concerned, a request). */
export interface Segment {
  text: string;
  href?: string;
}

/** A catalogue message with its values; `fallback` when the catalogue has no such key, `lower` for a label inside a sentence. */
export interface Phrase {
  key: string;
  values?: Record<string, string | number>;
  fallback?: string;
  lower?: boolean;
}

export type SentenceValue = string | number | Phrase;

export interface FieldChange {
  field: string;
  /** The field in words (English, from its key): what is shown when the catalogue has no label for it. */
  label: string;
  before: SentenceValue | null;
  after: SentenceValue | null;
}

export interface AuditEventFacts {
  action: string;
  entityType: string;
  entityId: string;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Names of what the event concerns, as they read now. */
export interface AuditNames {
  /** The acting person's name (null: no such user, or the system). */
  actorName: string | null;
  software: { name: string; slug: string } | null;
  /** The edition a classification applies to. */
  edition: string | null;
  /** The user concerned: the subject of a user event, a grant's holder. */
  user: string | null;
  /** The request concerned (a request event, a grant's request). */
  request: { id: string; number: number; proposedName: string | null } | null;
}

/** Which message says the event, with what; `links` are the hrefs of its <softwareLink> and <requestLink> tags. */
export interface AuditDescription {
  sentence: { key: string; values: Record<string, SentenceValue> };
  links: { software?: string; request?: string };
  changes: FieldChange[];
}

/** Every action key the code writes, each with a filter label (`audit.action.<key>` in the catalogue). */
export const AUDIT_ACTIONS = [
  "user.created",
  "user.updated",
  "user.signed_out",
  "user.locale_set",
  "user.sso_synced",
  "user.provisioned",
  "user.scim_updated",
  "user.deprovisioned",
  "user.scim_role_synced",
  "group.created",
  "group.updated",
  "group.deleted",
  "notification.read",
  "notifications.read_all",
  "settings.updated",
  "settings.chat_webhook",
  "vendor.created",
  "vendor.updated",
  "software.created",
  "software.updated",
  "software.status_recomputed",
  "edition.created",
  "edition.updated",
  "edition.removed",
  "identifier.added",
  "identifier.removed",
  "classification.decided",
  "classification.proposed",
  "classification.confirmed",
  "assessment.started",
  "assessment.saved",
  "assessment.submitted",
  "assessment.completed",
  "assessment.superseded",
  "evidence.added",
  "request.submitted",
  "request.joined",
  "request.commented",
  "request.withdrawn",
  "request.approved",
  "request.rejected",
  "request.escalated",
  "grant.created",
  "grant.revoked",
  "grant.expired",
  "grant.reminded",
  "token.created",
  "token.revoked",
  "template.saved",
  "catalogue.imported",
  "webhook.created",
  "webhook.updated",
  "webhook.enabled",
  "webhook.disabled",
  "webhook.deleted",
  "webhook.secret_rotated",
  "webhook.test_sent",
  "webhook.redelivered",
] as const;

/** The entity types of the filter (`audit.entity.<type>` in the catalogue). */
export const AUDIT_ENTITY_TYPES = [
  "software",
  "edition",
  "identifier",
  "classification",
  "assessment",
  "evidence",
  "vendor",
  "request",
  "grant",
  "user",
  "api_token",
  "settings",
  "webhook_endpoint",
  "questionnaire_template",
  "catalogue_import",
  "notification",
  "scim_group",
] as const;

const KNOWN_ACTIONS = new Set<string>(AUDIT_ACTIONS);
const KNOWN_ENTITIES = new Set<string>(AUDIT_ENTITY_TYPES);

/** The catalogue key of an action's filter label. */
export const auditActionLabelKey = (action: string) => `audit.action.${action}`;
/** The catalogue key of an entity type's filter label. */
export const auditEntityLabelKey = (entityType: string) => `audit.entity.${entityType}`;

/** Who acted, as a person reads it: their name, the token they used, or Vetted itself. */
export function actorLabel(actorName: string | null, actorEmail: string | null): SentenceValue {
  if (actorEmail === "system" || (actorEmail === null && actorName === null)) return { key: "audit.words.system" };
  const via = actorEmail ? / via (API token .*)$/.exec(actorEmail) : null;
  const person = actorName ?? (via ? actorEmail!.slice(0, via.index) : actorEmail!);
  if (!via) return person;
  const token = /^API token (.*)$/.exec(via[1]!)![1]!;
  return { key: "audit.words.viaToken", values: { person, token } };
}

type Fields = Record<string, unknown>;

function record(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null;
}

/** A status key in words, lower case within a sentence: "approved with conditions". */
function statusWords(value: unknown): Phrase {
  const key = text(value);
  if (!key) return { key: "audit.words.unknownStatus" };
  return { key: `vocabulary.status.${key}`, lower: true, fallback: words(key) };
}

/** snake_case or camelCase to words: "max_data_class" / "maxDataClass" → "max data class". */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase();
}

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const yes = (value: unknown) => (value ? "yes" : "no");
const word = (key: string): Phrase => ({ key: `audit.words.${key}` });

/**
 * The event as a message and its values. Unknown action keys still read as a sentence ("… did
 * thing.happened to a widget"), so a new action never breaks the view.
 */
export function describeAuditEvent(event: AuditEventFacts, names: AuditNames): AuditDescription {
  const before = record(event.before);
  const after = record(event.after);
  const named = (key = "name") => text(after[key]) ?? text(before[key]);
  const links: AuditDescription["links"] = {};
  if (names.software) links.software = `/software/${names.software.slug}`;
  if (names.request) links.request = `/requests/${names.request.id}`;
  const proposedName = names.request?.proposedName ?? null;
  // What every sentence may use; each message picks what it needs.
  const values: Record<string, SentenceValue> = {
    actor: actorLabel(names.actorName, event.actorEmail),
    software: names.software ? names.software.name : word("removedTool"),
    hasSoftware: yes(names.software),
    edition: names.edition ?? "",
    hasEdition: yes(names.edition),
    request: names.request ? { key: "audit.words.request", values: { number: names.request.number } } : word("aRequest"),
    for: names.software ? "software" : proposedName ? "proposed" : "none",
    proposedName: proposedName ?? "",
    user: names.user ?? text(after.email) ?? text(before.email) ?? word("aUser"),
    hasUser: yes(names.user),
    name: named() ?? "",
    hasName: yes(named()),
  };
  const say = (key: string, more: Record<string, SentenceValue> = {}): AuditDescription => ({
    sentence: { key: `audit.sentence.${key}`, values: { ...values, ...more } },
    links,
    changes: changedFields(event.action, event.before, event.after),
  });
  const role = text(after.role);

  switch (event.action) {
    case "user.created":
    case "user.sso_synced":
      return say(event.action, { role: role ?? "", hasRole: yes(role) });
    case "user.scim_updated":
      return say(before.active === true && after.active === false ? "user.scim_deactivated" : event.action);
    case "user.scim_role_synced":
      return say(event.action, { role: role ?? word("anotherRole"), hasRole: yes(role) });
    case "group.created":
    case "group.updated":
    case "group.deleted":
      return say(event.action, { name: named("displayName") ?? word("unnamed") });
    case "user.locale_set":
      return say(event.action, { locale: text(after.locale) ?? word("browserLanguage") });
    case "notifications.read_all":
      return say(event.action, { marked: text(after.marked) ?? word("all") });
    case "vendor.created":
    case "vendor.updated":
      return say(event.action, { name: named() ?? word("unnamed") });
    case "identifier.added":
    case "identifier.removed":
      return say(event.action, { value: named("value") ?? "" });
    case "classification.decided":
    case "classification.proposed":
      return say(event.action, { status: statusWords(after.status) });
    case "assessment.completed": {
      const inherent = text(after.inherentTier);
      const residual = text(after.residualTier);
      return say(event.action, {
        inherent: inherent ? { key: `vocabulary.level.${inherent}`, lower: true, fallback: inherent } : word("unknown"),
        residual: residual ? { key: `vocabulary.level.${residual}`, lower: true, fallback: residual } : "",
        hasResidual: yes(residual),
      });
    }
    case "evidence.added": {
      const title = text(after.title) ?? text(after.fileName);
      return say(event.action, { title: title ?? "", hasTitle: yes(title) });
    }
    case "request.submitted":
      return after.kind === "new_software" ? say("request.submittedNewSoftware", { proposed: text(after.proposedName) ?? word("aNewTool") }) : say(event.action);
    case "request.approved": {
      const status = text(after.status);
      return say(event.action, {
        final: yes(after.status === "approved"),
        next: status ? { key: `audit.waitsFor.${status}`, fallback: words(status).replace(/^awaiting /, "") } : word("nextStep"),
      });
    }
    case "grant.created":
    case "grant.expired":
      return say(event.action, { endsOn: text(after.endsOn) ?? "", hasEnd: yes(text(after.endsOn)) });
    case "grant.reminded":
      return say(event.action, { days: text(after.daysBefore) ?? word("aFew") });
    case "template.saved": {
      const title = named("title");
      const version = text(after.version);
      return say(event.action, { title: title ?? "", hasTitle: yes(title), version: version ?? "", hasVersion: yes(version) });
    }
    case "catalogue.imported":
      return say(event.action, { fromFile: yes(!event.reason) });
    case "webhook.redelivered":
      return say(event.action, { eventType: text(after.eventType) ?? "", hasEvent: yes(text(after.eventType)) });
    default:
      if (KNOWN_ACTIONS.has(event.action)) return say(event.action);
      return say("unknown", {
        action: event.action,
        entity: KNOWN_ENTITIES.has(event.entityType) ? { key: auditEntityLabelKey(event.entityType), lower: true } : words(event.entityType),
      });
  }
}

/** What renders a description: the reader's translator (next-intl's or lib/i18n/translate's, both fit). */
export interface AuditTranslator {
  (key: string, values?: Record<string, string | number>): string;
  rich(key: string, values?: Record<string, unknown>): unknown;
  has(key: string): boolean;
}

/** A phrase or value in the reader's words. */
export function renderValue(value: SentenceValue, translate: AuditTranslator): string {
  if (typeof value !== "object") return String(value);
  const found = translate.has(value.key) ? translate(value.key, value.values) : (value.fallback ?? value.key);
  return value.lower ? found.toLowerCase() : found;
}

/** The sentence with its links, and its changes in words, in the translator's language. */
export function renderAuditDescription(description: AuditDescription, translate: AuditTranslator): { segments: Segment[]; sentence: string; changes: { field: string; label: string; before: string | null; after: string | null }[] } {
  const { sentence, links } = description;
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(sentence.values).map(([k, v]) => [k, renderValue(v, translate)]));
  const tag = (href: string | undefined) => (chunks: unknown[]) => ({ text: chunks.map(String).join(""), ...(href ? { href } : {}) });
  values.softwareLink = tag(links.software);
  values.requestLink = tag(links.request);
  const made = translate.rich(sentence.key, values);
  const parts = Array.isArray(made) ? made : [made];
  const segments: Segment[] = parts
    .map((part) => (typeof part === "object" && part !== null && "text" in part ? (part as Segment) : { text: String(part) }))
    .filter((s) => s.text !== "");
  const first = segments[0];
  if (first) segments[0] = { ...first, text: capitalised(first.text) };
  const last = segments[segments.length - 1];
  if (last && !/[.!?。！？]$/.test(last.text)) segments.push({ text: translate("audit.end") });
  const changes = description.changes.map((c) => ({
    field: c.field,
    label: translate.has(`audit.field.${c.field}`) ? translate(`audit.field.${c.field}`) : c.label,
    before: c.before === null ? null : renderValue(c.before, translate),
    after: c.after === null ? null : renderValue(c.after, translate),
  }));
  return { segments, sentence: segments.map((s) => s.text).join(""), changes };
}

/** Fields that say nothing to a reader (ids and bookkeeping), left out of the side-by-side view. */
const NOISE = new Set(["id", "createdAt", "updatedAt", "softwareId", "vendorId", "editionId", "classificationId", "createdById", "decidedById", "confirmedById", "searchText", "searchVector", "sessionVersion", "passwordHash"]);

/** Bookkeeping of a whole row's values (an answers object, a list) read as one line. */
export function formatValue(value: unknown): SentenceValue | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? { key: "audit.words.yes", fallback: "yes" } : { key: "audit.words.no", fallback: "no" };
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((v) => { const f = formatValue(v); return f === null ? "—" : typeof f === "object" ? (f.fallback ?? f.key) : f; }).join(", ");
  return JSON.stringify(value);
}

/**
 * The fields that differ between before and after, in order of first appearance; a nested object
 * (an assessment's answers) is compared one level down ("answers · data retention").
 */
export function changedFields(action: string, before: unknown, after: unknown): FieldChange[] {
  const b = flatten(record(before));
  const a = flatten(record(after));
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !NOISE.has(key.split(".").pop()!));
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const was = formatValue(b[key]);
    const now = formatValue(a[key]);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({ field: key, label: capitalised(key.split(".").map(words).join(" · ")), before: was, after: now });
  }
  // A status key reads as its label.
  const status = (value: SentenceValue | null): SentenceValue | null => (typeof value === "string" ? { key: `vocabulary.status.${value}`, fallback: value } : value);
  return action.startsWith("classification.") ? changes.map((c) => (c.field === "status" ? { ...c, before: status(c.before), after: status(c.after) } : c)) : changes;
}

function flatten(fields: Fields): Fields {
  const flat: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value as Fields)) flat[`${key}.${inner}`] = v;
    } else flat[key] = value;
  }
  return flat;
}
