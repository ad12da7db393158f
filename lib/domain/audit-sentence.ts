/**
 * An audit event as a sentence a person reads ("Riley Reviewer classified Slack (Free) as
 * prohibited"), with the fields it changed side by side. Pure: the names it needs (the actor,
 * the software, the user or request concerned) are looked up by lib/queries/audit.ts.
 */
import { STATUS_LABELS, type Status } from "./vocabulary";

/** A piece of the sentence; `href` makes it a link (the software concerned, a request). */
export interface Segment {
  text: string;
  href?: string;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
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

export interface AuditDescription {
  segments: Segment[];
  /** The segments' text joined: the sentence without links. */
  sentence: string;
  changes: FieldChange[];
}

/** What each action key is called in the audit view's filter. Every action the code writes has one. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "user.created": "User added",
  "user.updated": "User changed",
  "user.signed_out": "Signed out everywhere",
  "user.locale_set": "Language chosen",
  "user.sso_synced": "User synced from single sign-on",
  "user.provisioned": "User provisioned (SCIM)",
  "user.scim_updated": "User changed by the identity provider (SCIM)",
  "user.deprovisioned": "User deleted by the identity provider (SCIM)",
  "user.scim_role_synced": "Role from SCIM groups",
  "group.created": "SCIM group added",
  "group.updated": "SCIM group changed",
  "group.deleted": "SCIM group deleted",
  "notification.read": "Notification read",
  "notifications.read_all": "All notifications read",
  "settings.updated": "Settings changed",
  "settings.chat_webhook": "Chat notices changed",
  "vendor.created": "Vendor added",
  "vendor.updated": "Vendor changed",
  "software.created": "Software added",
  "software.updated": "Software changed",
  "software.status_recomputed": "Status recomputed at upgrade",
  "edition.created": "Edition added",
  "edition.updated": "Edition changed",
  "edition.removed": "Edition removed",
  "identifier.added": "Identifier added",
  "identifier.removed": "Identifier removed",
  "classification.decided": "Classification decided",
  "classification.proposed": "Classification proposed (four eyes)",
  "classification.confirmed": "Classification confirmed",
  "assessment.started": "Assessment started",
  "assessment.saved": "Assessment answers saved",
  "assessment.submitted": "Assessment submitted for review",
  "assessment.completed": "Assessment completed",
  "assessment.superseded": "Assessment superseded",
  "evidence.added": "Evidence added",
  "request.submitted": "Request sent",
  "request.joined": "Request joined",
  "request.commented": "Request commented on",
  "request.withdrawn": "Request withdrawn",
  "request.approved": "Request approved",
  "request.rejected": "Request rejected",
  "request.escalated": "Request escalated",
  "grant.created": "Exception granted",
  "grant.revoked": "Grant revoked",
  "grant.expired": "Grant expired",
  "grant.reminded": "Grant holder reminded",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "template.saved": "Questionnaire saved",
  "catalogue.imported": "Catalogue imported",
  "webhook.created": "Webhook added",
  "webhook.updated": "Webhook changed",
  "webhook.enabled": "Webhook enabled",
  "webhook.disabled": "Webhook disabled",
  "webhook.deleted": "Webhook deleted",
  "webhook.secret_rotated": "Webhook secret rotated",
  "webhook.test_sent": "Webhook test sent",
  "webhook.redelivered": "Webhook delivery repeated",
};

/** What each entity type is called in the filter. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  software: "Software",
  edition: "Editions",
  identifier: "Identifiers",
  classification: "Classifications",
  assessment: "Assessments",
  evidence: "Evidence",
  vendor: "Vendors",
  request: "Requests",
  grant: "Grants",
  user: "Users",
  api_token: "API tokens",
  settings: "Settings",
  webhook_endpoint: "Webhooks",
  questionnaire_template: "Questionnaires",
  catalogue_import: "Catalogue imports",
  notification: "Notifications",
  scim_group: "SCIM groups",
};

/** Who acted, as a person reads it: their name, the token they used, or Vetted itself. */
export function actorLabel(actorName: string | null, actorEmail: string | null): string {
  if (actorEmail === "system" || (actorEmail === null && actorName === null)) return "Vetted (automatically)";
  const via = actorEmail ? / via (API token .*)$/.exec(actorEmail) : null;
  const person = actorName ?? (via ? actorEmail!.slice(0, via.index) : actorEmail!);
  return via ? `${person} via ${via[1]}` : person;
}

type Fields = Record<string, unknown>;

function record(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null;
}

/** A status key in words, lower case within a sentence: "approved with conditions". */
function statusWords(value: unknown): string {
  const key = text(value);
  if (!key) return "an unknown status";
  return (STATUS_LABELS[key as Status] ?? words(key)).toLowerCase();
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

/**
 * The event as a sentence. Unknown action keys still read as one ("… did thing.happened to a
 * widget"), so a new action never breaks the view.
 */
export function describeAuditEvent(event: AuditEventFacts, names: AuditNames): AuditDescription {
  const segments = sentenceOf(event, names);
  const first = segments[0];
  if (first) segments[0] = { ...first, text: capitalised(first.text) };
  const last = segments[segments.length - 1];
  if (last && !/[.!?]$/.test(last.text)) segments.push({ text: "." });
  return { segments, sentence: segments.map((s) => s.text).join(""), changes: changedFields(event.action, event.before, event.after) };
}

function sentenceOf(event: AuditEventFacts, names: AuditNames): Segment[] {
  const before = record(event.before);
  const after = record(event.after);
  const actor = actorLabel(names.actorName, event.actorEmail);
  const t = (value: string): Segment => ({ text: value });
  const software: Segment = names.software ? { text: names.software.name, href: `/software/${names.software.slug}` } : { text: "a tool since removed" };
  const softwareEdition: Segment[] = names.edition ? [software, t(` (${names.edition})`)] : [software];
  const request: Segment = names.request
    ? { text: `request ${names.request.number}`, href: `/requests/${names.request.id}` }
    : { text: "a request" };
  const forWhat: Segment[] = names.software ? [t(" for "), software] : names.request?.proposedName ? [t(` for ${names.request.proposedName}`)] : [];
  const user = names.user ?? text(after.email) ?? text(before.email) ?? "a user";
  const named = (key = "name") => text(after[key]) ?? text(before[key]);
  const quoted = (value: string | null, otherwise: string) => (value ? `“${value}”` : otherwise);
  const webhook = quoted(named(), "a webhook");

  switch (event.action) {
    case "user.created":
      return [t(`${actor} added ${user}${text(after.role) ? ` as ${text(after.role)}` : ""}`)];
    case "user.updated":
      return [t(`${actor} changed ${user}`)];
    case "user.signed_out":
      return [t(`${actor} signed out on every device`)];
    case "user.locale_set":
      return [t(`${actor} chose ${text(after.locale) ?? "their browser's language"} for the interface`)];
    case "user.sso_synced":
      return [t(`${user} was updated from single sign-on${text(after.role) ? ` (role ${text(after.role)})` : ""}`)];
    case "user.provisioned":
      return [t(`${actor} provisioned ${user} from the identity provider`)];
    case "user.scim_updated":
      return [t(before.active === true && after.active === false ? `${actor} deactivated ${user} from the identity provider` : `${actor} updated ${user} from the identity provider`)];
    case "user.deprovisioned":
      return [t(`${actor} removed ${user} as the identity provider deleted them`)];
    case "user.scim_role_synced":
      return [t(`${user} became ${text(after.role) ?? "another role"} through their identity provider groups`)];
    case "group.created":
      return [t(`${actor} added the group ${quoted(named("displayName"), "(unnamed)")} from the identity provider`)];
    case "group.updated":
      return [t(`${actor} changed the group ${quoted(named("displayName"), "(unnamed)")} from the identity provider`)];
    case "group.deleted":
      return [t(`${actor} deleted the group ${quoted(named("displayName"), "(unnamed)")} as the identity provider did`)];
    case "notification.read":
      return [t(`${actor} read a notification`)];
    case "notifications.read_all":
      return [t(`${actor} marked ${text(after.marked) ?? "all"} notifications read`)];
    case "settings.updated":
      return [t(`${actor} changed the settings`)];
    case "settings.chat_webhook":
      return [t(`${actor} changed where notices are posted to chat`)];
    case "vendor.created":
      return [t(`${actor} added the vendor ${named() ?? "(unnamed)"}`)];
    case "vendor.updated":
      return [t(`${actor} changed the vendor ${named() ?? "(unnamed)"}`)];
    case "software.created":
      return [t(`${actor} added `), software, t(" to the catalogue")];
    case "software.updated":
      return [t(`${actor} changed the details of `), software];
    case "software.status_recomputed":
      return [t(`${actor} recomputed the status of `), software, t(" under a new release's rule")];
    case "edition.created":
      return [t(`${actor} added the edition ${named() ?? ""} to `), software];
    case "edition.updated":
      return [t(`${actor} changed the edition ${named() ?? ""} of `), software];
    case "edition.removed":
      return [t(`${actor} removed the edition ${named() ?? ""} from `), software];
    case "identifier.added":
      return [t(`${actor} added the identifier ${named("value") ?? ""} to `), software];
    case "identifier.removed":
      return [t(`${actor} removed the identifier ${named("value") ?? ""} from `), software];
    case "classification.decided":
      return [t(`${actor} classified `), ...softwareEdition, t(` as ${statusWords(after.status)}`)];
    case "classification.proposed":
      return [t(`${actor} proposed classifying `), ...softwareEdition, t(` as ${statusWords(after.status)}, to take effect when a second reviewer confirms it`)];
    case "classification.confirmed":
      return [t(`${actor} confirmed, as second reviewer, the decision on `), ...softwareEdition];
    case "assessment.started":
      return [t(`${actor} started an assessment of `), software];
    case "assessment.saved":
      return [t(`${actor} saved answers to the assessment of `), software];
    case "assessment.submitted":
      return [t(`${actor} submitted the assessment of `), software, t(" for review")];
    case "assessment.completed":
      return [
        t(`${actor} completed the assessment of `),
        software,
        t(`: ${text(after.inherentTier) ?? "unknown"} inherent risk${text(after.residualTier) ? `, ${text(after.residualTier)} with its conditions` : ""}`),
      ];
    case "assessment.superseded":
      return [t("An earlier assessment of "), software, t(" was replaced by a newer one")];
    case "evidence.added":
      return [t(`${actor} added the evidence ${quoted(text(after.title) ?? text(after.fileName), "a file")}`), ...(names.software ? [t(" to "), software] : [])];
    case "request.submitted":
      return after.kind === "new_software"
        ? [t(`${actor} asked for a review of ${text(after.proposedName) ?? "a new tool"} (`), request, t(")")]
        : [t(`${actor} asked for an exception`), ...forWhat, t(" ("), request, t(")")];
    case "request.joined":
      return [t(`${actor} joined `), request, ...forWhat];
    case "request.commented":
      return [t(`${actor} commented on `), request, ...forWhat];
    case "request.withdrawn":
      return [t(`${actor} withdrew `), request, ...forWhat];
    case "request.approved":
      return [t(`${actor} approved `), request, ...forWhat, t(after.status === "approved" ? "" : `: it now waits for ${words(text(after.status) ?? "the next step").replace(/^awaiting /, "")}`)];
    case "request.rejected":
      return [t(`${actor} rejected `), request, ...forWhat];
    case "request.escalated":
      return [t("Vetted escalated "), request, ...forWhat, t(": its step is overdue")];
    case "grant.created":
      return [t(`${actor} granted ${names.user ?? "the requester"} an exception`), ...forWhat, t(text(after.endsOn) ? ` through ${text(after.endsOn)}` : "")];
    case "grant.revoked":
      return [t(`${actor} revoked ${names.user ? `${names.user}’s` : "an"} exception`), ...forWhat];
    case "grant.expired":
      return [t(`${names.user ? `${names.user}’s` : "An"} exception`), ...forWhat, t(` ended${text(after.endsOn) ? ` after ${text(after.endsOn)}` : ""}`)];
    case "grant.reminded":
      return [t(`Vetted reminded ${names.user ?? "the holder"} that their exception`), ...forWhat, t(` ends in ${text(after.daysBefore) ?? "a few"} days`)];
    case "token.created":
      return [t(`${actor} created the API token ${quoted(named(), "(unnamed)")}`)];
    case "token.revoked":
      return [t(`${actor} revoked the API token ${quoted(named(), "(unnamed)")}`)];
    case "template.saved":
      return [t(`${actor} saved the questionnaire ${quoted(named("title"), "(untitled)")}${text(after.version) ? ` as version ${text(after.version)}` : ""}`)];
    case "catalogue.imported":
      return [t(`${actor} imported the catalogue${event.reason ? "" : " from a file"}`)];
    case "webhook.created":
      return [t(`${actor} added the webhook ${webhook}`)];
    case "webhook.updated":
      return [t(`${actor} changed the webhook ${webhook}`)];
    case "webhook.enabled":
      return [t(`${actor} turned on a webhook`)];
    case "webhook.disabled":
      return [t(`${actor} turned off a webhook`)];
    case "webhook.deleted":
      return [t(`${actor} deleted the webhook ${webhook}`)];
    case "webhook.secret_rotated":
      return [t(`${actor} rotated a webhook’s signing secret`)];
    case "webhook.test_sent":
      return [t(`${actor} sent a test delivery to a webhook`)];
    case "webhook.redelivered":
      return [t(`${actor} sent a webhook delivery${text(after.eventType) ? ` (${text(after.eventType)})` : ""} again`)];
    default:
      return [t(`${actor} did “${event.action}” to ${AUDIT_ENTITY_LABELS[event.entityType]?.toLowerCase() ?? words(event.entityType)}`), ...(names.software ? [t(" of "), software] : [])];
  }
}

/** Fields that say nothing to a reader (ids and bookkeeping), left out of the side-by-side view. */
const NOISE = new Set(["id", "createdAt", "updatedAt", "softwareId", "vendorId", "editionId", "classificationId", "createdById", "decidedById", "confirmedById", "searchText", "searchVector", "sessionVersion", "passwordHash"]);

/** Bookkeeping of a whole row's values (an answers object, a list) read as one line. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((v) => formatValue(v) ?? "—").join(", ");
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
    if (was === now) continue;
    changes.push({ field: key, label: capitalised(key.split(".").map(words).join(" · ")), before: was, after: now });
  }
  // A status key reads as its label.
  return action.startsWith("classification.")
    ? changes.map((c) => (c.field === "status" ? { ...c, before: c.before && STATUS_LABELS[c.before as Status] ? STATUS_LABELS[c.before as Status] : c.before, after: c.after && STATUS_LABELS[c.after as Status] ? STATUS_LABELS[c.after as Status] : c.after } : c))
    : changes;
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
