import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ASSESSMENT_STATUSES, LEVELS, type Answers, type QuestionnaireTemplate, type RiskResult } from "../domain/assessment";
import { REQUEST_KINDS, REQUEST_STATUSES } from "../domain/requests";
import { DATA_CLASSES, DPA_STATUSES, IDENTIFIER_TYPES, KINDS, ROLES, STATUSES } from "../domain/vocabulary";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  // node-postgres returns a Buffer and PGlite a Uint8Array: hand out plain bytes either way.
  fromDriver: (value) => new Uint8Array(value),
});
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const roleEnum = pgEnum("role", ROLES);
export const dataClassEnum = pgEnum("data_class", DATA_CLASSES);
export const statusEnum = pgEnum("classification_status", STATUSES);
export const requestKindEnum = pgEnum("request_kind", REQUEST_KINDS);
export const requestStatusEnum = pgEnum("request_status", REQUEST_STATUSES);
export const emailStatusEnum = pgEnum("email_status", ["pending", "sent", "held"]);
export const outboxChannelEnum = pgEnum("outbox_channel", ["email", "chat"]);
export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);
export const evidenceStorageEnum = pgEnum("evidence_storage", ["database", "directory"]);
export const kindEnum = pgEnum("software_kind", KINDS);
export const identifierTypeEnum = pgEnum("identifier_type", IDENTIFIER_TYPES);
export const riskLevelEnum = pgEnum("risk_level", LEVELS);
export const assessmentStatusEnum = pgEnum("assessment_status", ASSESSMENT_STATUSES);
export const dpaStatusEnum = pgEnum("dpa_status", DPA_STATUSES);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull().default("employee"),
    managerId: uuid("manager_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    /** scrypt hash for local accounts; null for SSO-only users. */
    passwordHash: text("password_hash"),
    /** The OIDC `sub` this user signed in with, once they have. */
    ssoSubject: text("sso_subject"),
    active: boolean("active").notNull().default(true),
    /** The language the person chose for the interface and their messages ("en", "zh-CN"); null: their browser's, then the company's. */
    locale: text("locale"),
    /**
     * Sessions carry the version they were signed in at; raising it (sign-out, a role change,
     * deactivation) ends every session of the user signed in before.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /** SCIM provisioning (lib/scim): the identity provider's own id for the person. */
    scimExternalId: text("scim_external_id"),
    /** The SCIM userName, when the identity provider's differs from the email (null: the email is the userName). */
    scimUserName: text("scim_user_name"),
    /**
     * The SCIM attributes the identity provider sent that Vetted does not map to a column of its
     * own (name parts, title, phone numbers, the enterprise extension's department…), kept so that
     * a GET answers what was written and the provider sees no drift to "fix" every cycle.
     */
    scimAttributes: jsonb("scim_attributes").$type<Record<string, unknown>>(),
    /** Deleted through SCIM: kept (audit, requests and grants name them) but gone for SCIM (404) until provisioned again. */
    scimDeletedAt: timestamp("scim_deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_sso_subject_key").on(t.ssoSubject),
    index("users_scim_external_id_idx").on(t.scimExternalId),
    uniqueIndex("users_scim_user_name_key").on(sql`lower(${t.scimUserName})`),
  ],
);

/**
 * Groups pushed by the identity provider through SCIM. Their names (and external ids) map to
 * roles by the rule single sign-on uses for its groups claim (OIDC_ROLE_GROUPS, lib/auth/roles.ts).
 */
export const scimGroups = pgTable(
  "scim_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    displayName: text("display_name").notNull(),
    externalId: text("external_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("scim_groups_display_name_key").on(sql`lower(${t.displayName})`)],
);

/** Members of a SCIM group: people only (no nested groups). */
export const scimGroupMembers = pgTable(
  "scim_group_members",
  {
    groupId: uuid("group_id").notNull().references(() => scimGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("scim_group_members_user_idx").on(t.userId)],
);

export const vendors = pgTable(
  "vendors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    website: text("website"),
    /** Vendor profile, kept by reviewers. */
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    dpa: dpaStatusEnum("dpa").notNull().default("unknown"),
    dataResidency: text("data_residency").notNull().default(""),
    subprocessors: jsonb("subprocessors").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("vendors_slug_key").on(t.slug), uniqueIndex("vendors_name_key").on(sql`lower(${t.name})`)],
);

export const software = pgTable(
  "software",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    vendorId: uuid("vendor_id").references(() => vendors.id, { onDelete: "restrict" }),
    kind: kindEnum("kind").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull().default(""),
    homepage: text("homepage"),
    /** The internal owner: a team or person accountable for the tool. */
    owner: text("owner"),
    /** Headline status: the one status when editions agree, else the company edition's (see lib/domain/headline.ts); null until classified. Kept by the data layer. */
    status: statusEnum("status"),
    /** Lower-cased name, edition names and aliases: short, for typo-tolerant trigram search. Kept by the data layer. */
    searchText: text("search_text").notNull().default(""),
    /** Weighted full text: name (A); vendor, editions, identifiers (B); category, description (C). Kept by the data layer. */
    searchVector: tsvector("search_vector"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("software_slug_key").on(t.slug),
    index("software_vendor_idx").on(t.vendorId),
    index("software_status_name_idx").on(t.status, t.name),
    index("software_kind_name_idx").on(t.kind, t.name),
    index("software_category_idx").on(t.category),
    index("software_name_idx").on(t.name),
    // Exact and prefix lookups of lower(name): text_pattern_ops serves both = and LIKE 'x%'.
    index("software_lower_name_idx").using("btree", sql`lower(${t.name}) text_pattern_ops`),
    // GiST rather than GIN: it both filters (<%) and returns the nearest matches first
    // (ORDER BY <->>), so a loose one-word typo does not score thousands of rows.
    index("software_search_text_trgm_idx").using("gist", t.searchText.op("gist_trgm_ops(siglen=32)")),
    index("software_search_vector_idx").using("gin", t.searchVector),
  ],
);

export const editions = pgTable(
  "editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    softwareId: uuid("software_id").notNull().references(() => software.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("editions_software_slug_key").on(t.softwareId, t.slug)],
);

export const identifiers = pgTable(
  "identifiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    softwareId: uuid("software_id").notNull().references(() => software.id, { onDelete: "cascade" }),
    /** Set when the identifier names one edition only (e.g. an enterprise tenant domain). */
    editionId: uuid("edition_id").references(() => editions.id, { onDelete: "set null" }),
    type: identifierTypeEnum("type").notNull(),
    /** Normalised (lib/domain/identifiers.ts). */
    value: text("value").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("identifiers_type_value_key").on(t.type, t.value),
    index("identifiers_value_idx").on(t.value),
    index("identifiers_software_idx").on(t.softwareId),
  ],
);

export const classifications = pgTable(
  "classifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    softwareId: uuid("software_id").notNull().references(() => software.id, { onDelete: "cascade" }),
    /** null: applies to all editions. */
    editionId: uuid("edition_id").references(() => editions.id, { onDelete: "cascade" }),
    status: statusEnum("status").notNull(),
    maxDataClass: dataClassEnum("max_data_class"),
    conditions: jsonb("conditions").$type<string[]>().notNull().default([]),
    rationale: text("rationale").notNull(),
    decidedById: uuid("decided_by_id").notNull().references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    reviewDueOn: date("review_due_on", { mode: "string" }).notNull(),
    /** The assessment this decision rests on, when there is one. */
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    /** Four-eyes: set when a second reviewer must confirm before the decision takes effect. */
    confirmationReason: text("confirmation_reason"),
    confirmedById: uuid("confirmed_by_id").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [index("classifications_software_decided_idx").on(t.softwareId, t.decidedAt)],
);

/** Questionnaire templates, versioned: editing one adds a version; assessments keep theirs. */
export const questionnaireTemplates = pgTable(
  "questionnaire_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    definition: jsonb("definition").$type<QuestionnaireTemplate>().notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("questionnaire_templates_key_version_key").on(t.key, t.version)],
);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    softwareId: uuid("software_id").notNull().references(() => software.id, { onDelete: "cascade" }),
    /** null: the assessment covers all editions. */
    editionId: uuid("edition_id").references(() => editions.id, { onDelete: "cascade" }),
    templateId: uuid("template_id").notNull().references(() => questionnaireTemplates.id),
    status: assessmentStatusEnum("status").notNull().default("draft"),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    /** Ids of the template's mitigations the reviewer attaches (the conditions). */
    mitigations: jsonb("mitigations").$type<string[]>().notNull().default([]),
    /** The scored breakdown, stored when completed. */
    result: jsonb("result").$type<RiskResult>(),
    inherentTier: riskLevelEnum("inherent_tier"),
    residualTier: riskLevelEnum("residual_tier"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    createdById: uuid("created_by_id").notNull().references(() => users.id),
    /** The completed assessment a reassessment started from. */
    previousId: uuid("previous_id"),
    /** Optimistic concurrency: every save must name the version it edited. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** When the tool is due to be assessed again: completion + the interval for its tier. */
    reassessmentDueOn: date("reassessment_due_on", { mode: "string" }),
  },
  (t) => [index("assessments_software_idx").on(t.softwareId, t.status), index("assessments_assignee_idx").on(t.assigneeId, t.status)],
);

/** Evidence for an assessment or a vendor: an uploaded file (kept in PostgreSQL) or a link. */
export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "cascade" }),
    vendorId: uuid("vendor_id").references(() => vendors.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url"),
    fileName: text("file_name"),
    /** Sniffed from the bytes, never taken from the upload. */
    contentType: text("content_type"),
    size: integer("size"),
    sha256: text("sha256"),
    /** Where the file's bytes are: in `content`, or in the evidence directory under their SHA-256. */
    storage: evidenceStorageEnum("storage"),
    content: bytea("content"),
    expiresOn: date("expires_on", { mode: "string" }),
    uploadedById: uuid("uploaded_by_id").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("evidence_assessment_idx").on(t.assessmentId), index("evidence_vendor_idx").on(t.vendorId), index("evidence_expires_idx").on(t.expiresOn)],
);

export const classificationAlternatives = pgTable(
  "classification_alternatives",
  {
    classificationId: uuid("classification_id").notNull().references(() => classifications.id, { onDelete: "cascade" }),
    alternativeId: uuid("alternative_id").notNull().references(() => software.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.classificationId, t.alternativeId] })],
);

/** Append-only: a migration installs a trigger that refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** The software this event concerns, so a software's trail includes its editions and identifiers. */
    softwareId: uuid("software_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    /**
     * The event's place in the hash chain (1, 2, 3… in commit order) and
     * sha256(previous hash || canonical form of this row), both set by the audit_events_chain
     * trigger (db/migrations, canonical form in lib/domain/audit-chain.ts). The defaults only
     * stand if that trigger is bypassed, and then the verifier names the row as a broken link.
     */
    position: bigint("position", { mode: "number" }).notNull().default(0),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    index("audit_events_software_idx").on(t.softwareId, t.at),
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
    index("audit_events_at_idx").on(t.at),
    uniqueIndex("audit_events_position_idx").on(t.position),
  ],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

/**
 * One-off data upgrades already applied (lib/db/data-upgrades.ts): a name is claimed once, by
 * the first instance to start after the release that brought it.
 */
export const dataUpgrades = pgTable("data_upgrades", {
  name: text("name").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A request: an exception to use a tool (for a data class, a purpose, until a date) or a
 * review of a tool not yet in the catalogue. Moves manager → security (→ second reviewer).
 */
export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Short number people quote ("request 42"). */
    number: integer("number").generatedAlwaysAsIdentity().notNull(),
    kind: requestKindEnum("kind").notNull(),
    status: requestStatusEnum("status").notNull(),
    requesterId: uuid("requester_id").notNull().references(() => users.id),
    /** The manager who holds the first step: the requester's manager when they asked. */
    managerId: uuid("manager_id").references(() => users.id),
    /** No manager: the request went straight to security. */
    skippedManager: boolean("skipped_manager").notNull().default(false),
    softwareId: uuid("software_id").references(() => software.id, { onDelete: "set null" }),
    editionId: uuid("edition_id").references(() => editions.id, { onDelete: "set null" }),
    /** For a new tool: the name as the requester typed it. */
    proposedName: text("proposed_name"),
    proposedUrl: text("proposed_url"),
    dataClass: dataClassEnum("data_class"),
    purpose: text("purpose").notNull(),
    justification: text("justification").notNull(),
    /** The last day asked for (exceptions). */
    endsOn: date("ends_on", { mode: "string" }),
    stepEnteredAt: timestamp("step_entered_at", { withTimezone: true }).notNull(),
    stepDueAt: timestamp("step_due_at", { withTimezone: true }),
    /** Set when the current step went past its due date and was escalated; cleared on the next step. */
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    /** The reviewer whose approval waits for a second reviewer. */
    securityDeciderId: uuid("security_decider_id").references(() => users.id),
    /** What security approved: possibly a shorter end date, and conditions. */
    approvedEndsOn: date("approved_ends_on", { mode: "string" }),
    approvedConditions: jsonb("approved_conditions").$type<string[]>().notNull().default([]),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** A form submitted twice carries the same key: one request. */
    idempotencyKey: uuid("idempotency_key").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("requests_number_key").on(t.number),
    uniqueIndex("requests_requester_idempotency_key").on(t.requesterId, t.idempotencyKey),
    index("requests_status_due_idx").on(t.status, t.stepDueAt),
    index("requests_requester_idx").on(t.requesterId, t.createdAt),
    index("requests_manager_idx").on(t.managerId, t.status),
    index("requests_software_idx").on(t.softwareId),
  ],
);

/** The request's timeline: every step, decision and comment, in order. */
export const requestEvents = pgTable(
  "request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => requests.id, { onDelete: "cascade" }),
    /** null: the system (escalation, expiry). */
    actorId: uuid("actor_id").references(() => users.id),
    kind: text("kind").notNull(),
    body: text("body"),
    createdAt: createdAt(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.createdAt)],
);

/** People who asked for the same thing and joined a request with their own justification ("+1"). */
export const requestSupporters = pgTable(
  "request_supporters",
  {
    requestId: uuid("request_id").notNull().references(() => requests.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id),
    justification: text("justification").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);

/** An approved exception: one person, one software (edition), a data class, until the end of a day. */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => requests.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    softwareId: uuid("software_id").notNull().references(() => software.id, { onDelete: "cascade" }),
    editionId: uuid("edition_id").references(() => editions.id, { onDelete: "cascade" }),
    dataClass: dataClassEnum("data_class").notNull(),
    conditions: jsonb("conditions").$type<string[]>().notNull().default([]),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** The start of the day after `endsOn` (UTC): when the grant stops. */
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id),
    revokeReason: text("revoke_reason"),
    /** Set by the scheduled sweep once the grant has ended (it notifies the holder once). */
    expiredAt: timestamp("expired_at", { withTimezone: true }),
    /** The last reminder sent, in days before the end (7, then 1). */
    lastReminderDays: integer("last_reminder_days"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("grants_request_key").on(t.requestId),
    index("grants_user_software_idx").on(t.userId, t.softwareId),
    index("grants_ends_at_idx").on(t.endsAt),
  ],
);

/** In-app notifications. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Email (and chat posts) to send, written in the same transaction as the change it reports and
 * delivered by a job. Without SMTP configured, email is held here for admins to read.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "chat": a post to the incoming webhook in settings (read when sent, never stored here). */
    channel: outboxChannelEnum("channel").notNull().default("email"),
    /** The recipient of an email; null for a chat post. */
    toAddress: text("to_address"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    status: emailStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_outbox_status_idx").on(t.status, t.createdAt),
    check("email_outbox_email_has_address", sql`${t.channel} <> 'email' OR ${t.toAddress} IS NOT NULL`),
  ],
);

/** Machine access: scoped, expiring, revocable; the secret is stored only as its SHA-256. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** `vt_` and the first characters of the secret, to tell tokens apart. */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdById: uuid("created_by_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("api_tokens_secret_hash_key").on(t.secretHash)],
);

/** Requests per token per minute, shared by every app instance (the rate limit). */
export const apiRateWindows = pgTable(
  "api_rate_windows",
  {
    tokenId: uuid("token_id").notNull().references(() => apiTokens.id, { onDelete: "cascade" }),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

/**
 * The first answer to an API write sent with an `Idempotency-Key`, kept 24 hours (the sweep prunes
 * older ones): a retry with the same key gets this answer instead of applying the write again.
 * Written in the write's own transaction, so an answer is kept exactly when its write committed.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** Whose key: `token:<id>` or `user:<id>`; the keys of different callers never meet. */
    caller: text("caller").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the method, path, query, content type and body: the same key for another request is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    /** The answer's JSON, as sent. */
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key] }), index("idempotency_keys_created_at_idx").on(t.createdAt)],
);

/**
 * Where webhooks go. The signing secret must be usable to sign, so it cannot be hashed: it is kept
 * encrypted (AES-256-GCM, lib/webhooks/secret-box.ts) and shown in clear once, when made.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    /** The subscribed events (lib/domain/webhooks.ts WEBHOOK_EVENTS). */
    events: jsonb("events").$type<string[]>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    secretEncrypted: text("secret_encrypted").notNull(),
    /** `whsec_` and 4 characters, to tell which secret a receiver holds. */
    secretHint: text("secret_hint").notNull(),
    /** After a rotation that keeps the old secret for a while: deliveries are signed with both until then. */
    previousSecretEncrypted: text("previous_secret_encrypted"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }),
    createdById: uuid("created_by_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("webhook_endpoints_url_key").on(t.url)],
);

/**
 * One event for one endpoint: written in the same transaction as the change it reports (a
 * transactional outbox), delivered by the job queue, retried with backoff. The body is kept as
 * sent, so every retry carries the same bytes; only the signature's timestamp changes.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** Sent as `Vetted-Delivery`: receivers de-duplicate on it. */
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id").notNull().references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The event's id (the body's `id`), shared by the deliveries of one event to several endpoints. */
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    body: text("body").notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    /** Tries so far in this round (a redelivery starts a new round). */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** Held by a runner sending it now; once past, another runner may take it over. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_key").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

/** Every try of a delivery: the answer's status code or the error, how long it took. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id").notNull().references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    /** At most 200 printable characters of the answer; never the whole body. */
    responseSnippet: text("response_snippet"),
  },
  (t) => [index("webhook_delivery_attempts_delivery_idx").on(t.deliveryId, t.at)],
);

/** Failed local sign-ins per normalised email, shared by all app instances. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * Failed local sign-ins per client address (lib/server/client-address.ts) in a fixed window,
 * shared by all app instances: one client spraying many emails is refused after
 * SIGN_IN_FAILURES_PER_ADDRESS, before any more passwords are hashed.
 */
export const signInAddressThrottle = pgTable("sign_in_address_throttle", {
  address: text("address").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
});

export const usersRelations = relations(users, ({ one, many }) => ({
  manager: one(users, { fields: [users.managerId], references: [users.id], relationName: "manager" }),
  reports: many(users, { relationName: "manager" }),
}));

export const vendorsRelations = relations(vendors, ({ many }) => ({ software: many(software) }));

export const softwareRelations = relations(software, ({ one, many }) => ({
  vendor: one(vendors, { fields: [software.vendorId], references: [vendors.id] }),
  editions: many(editions),
  identifiers: many(identifiers),
  classifications: many(classifications),
}));

export const editionsRelations = relations(editions, ({ one }) => ({
  software: one(software, { fields: [editions.softwareId], references: [software.id] }),
}));

export const identifiersRelations = relations(identifiers, ({ one }) => ({
  software: one(software, { fields: [identifiers.softwareId], references: [software.id] }),
  edition: one(editions, { fields: [identifiers.editionId], references: [editions.id] }),
}));

export const classificationsRelations = relations(classifications, ({ one, many }) => ({
  software: one(software, { fields: [classifications.softwareId], references: [software.id] }),
  edition: one(editions, { fields: [classifications.editionId], references: [editions.id] }),
  decidedBy: one(users, { fields: [classifications.decidedById], references: [users.id], relationName: "decidedBy" }),
  confirmedBy: one(users, { fields: [classifications.confirmedById], references: [users.id], relationName: "confirmedBy" }),
  alternatives: many(classificationAlternatives),
}));

export const classificationAlternativesRelations = relations(classificationAlternatives, ({ one }) => ({
  classification: one(classifications, {
    fields: [classificationAlternatives.classificationId],
    references: [classifications.id],
  }),
  alternative: one(software, { fields: [classificationAlternatives.alternativeId], references: [software.id] }),
}));

export const assessmentsRelations = relations(assessments, ({ one }) => ({
  software: one(software, { fields: [assessments.softwareId], references: [software.id] }),
  edition: one(editions, { fields: [assessments.editionId], references: [editions.id] }),
  template: one(questionnaireTemplates, { fields: [assessments.templateId], references: [questionnaireTemplates.id] }),
  assignee: one(users, { fields: [assessments.assigneeId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type ScimGroup = typeof scimGroups.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type Software = typeof software.$inferSelect;
export type Vendor = typeof vendors.$inferSelect;
export type Edition = typeof editions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

export const requestsRelations = relations(requests, ({ one, many }) => ({
  requester: one(users, { fields: [requests.requesterId], references: [users.id], relationName: "requester" }),
  manager: one(users, { fields: [requests.managerId], references: [users.id], relationName: "requestManager" }),
  software: one(software, { fields: [requests.softwareId], references: [software.id] }),
  edition: one(editions, { fields: [requests.editionId], references: [editions.id] }),
  events: many(requestEvents),
  supporters: many(requestSupporters),
  grant: one(grants, { fields: [requests.id], references: [grants.requestId] }),
}));

export const requestEventsRelations = relations(requestEvents, ({ one }) => ({
  request: one(requests, { fields: [requestEvents.requestId], references: [requests.id] }),
  actor: one(users, { fields: [requestEvents.actorId], references: [users.id] }),
}));

export const requestSupportersRelations = relations(requestSupporters, ({ one }) => ({
  request: one(requests, { fields: [requestSupporters.requestId], references: [requests.id] }),
  user: one(users, { fields: [requestSupporters.userId], references: [users.id] }),
}));

export const grantsRelations = relations(grants, ({ one }) => ({
  request: one(requests, { fields: [grants.requestId], references: [requests.id] }),
  user: one(users, { fields: [grants.userId], references: [users.id] }),
  software: one(software, { fields: [grants.softwareId], references: [software.id] }),
  edition: one(editions, { fields: [grants.editionId], references: [editions.id] }),
}));

export type Request = typeof requests.$inferSelect;
export type Grant = typeof grants.$inferSelect;
