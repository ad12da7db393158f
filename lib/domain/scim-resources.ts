/**
 * Vetted's people and SCIM groups as SCIM resources (RFC 7643), and back: the representation a
 * GET answers, its ETag, and what a POST, PUT or patched resource asks Vetted to store. The
 * schemas (core User with the enterprise extension, Group) are scimmy's; its coercion checks
 * types, required attributes and mutability of what the identity provider sends. Pure.
 */
import { createHash } from "node:crypto";
import SCIMMY from "scimmy";
import { SCIM_MESSAGES, ScimError } from "./scim-messages";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

// The enterprise extension (manager, department…) is part of Vetted's User (extend is idempotent).
SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as unknown as SCIMMY.Types.Schema, false);

export const SCIM_USER = SCIMMY.Schemas.User;
export const SCIM_GROUP = SCIMMY.Schemas.Group;

/** Limits of what Vetted stores. */
export const MAX_NAME = 200;
export const MAX_EMAIL = 320;
export const MAX_USER_NAME = 320;
export const MAX_EXTERNAL_ID = 255;
export const MAX_GROUP_NAME = 200;
export const MAX_MEMBERS_PER_REQUEST = 1000;

type Json = Record<string, unknown>;

/** What a User representation is made of: a person's row and what SCIM kept about them. */
export interface ScimUserFacts {
  id: string;
  email: string;
  name: string;
  active: boolean;
  scimUserName: string | null;
  scimExternalId: string | null;
  scimAttributes: Json | null;
  manager: { id: string; name: string } | null;
  groups: { id: string; displayName: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ScimGroupFacts {
  id: string;
  displayName: string;
  externalId: string | null;
  members: { id: string; name: string }[];
  createdAt: Date;
  updatedAt: Date;
}

/** JSON with every object's keys sorted: the same value whatever order its keys came in (jsonb reorders them). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** A weak ETag of a representation: it changes whenever anything the representation shows changes, whoever changed it. */
export function scimVersion(resource: Json): string {
  const { meta, ...rest } = resource;
  const { version: _version, ...metaRest } = (meta ?? {}) as Json;
  const digest = createHash("sha256").update(canonicalJson({ ...rest, meta: metaRest })).digest("base64url").slice(0, 22);
  return `W/"${digest}"`;
}

function withVersion(resource: Json): Json {
  const version = scimVersion(resource);
  return { ...resource, meta: { ...(resource.meta as Json), version } };
}

export function scimUserResource(user: ScimUserFacts, base: string): Json {
  const attributes = { ...(user.scimAttributes ?? {}) };
  const enterprise = { ...((attributes[ENTERPRISE_SCHEMA] as Json | undefined) ?? {}) };
  delete attributes[ENTERPRISE_SCHEMA];
  if (user.manager) enterprise.manager = { value: user.manager.id, $ref: `${base}/Users/${user.manager.id}`, displayName: user.manager.name };
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return withVersion({
    schemas: hasEnterprise ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: user.id,
    ...(user.scimExternalId ? { externalId: user.scimExternalId } : {}),
    userName: user.scimUserName ?? user.email,
    ...attributes,
    name: attributes.name ?? { formatted: user.name },
    displayName: user.name,
    emails: attributes.emails ?? [{ value: user.email, type: "work", primary: true }],
    active: user.active,
    groups: user.groups.map((g) => ({ value: g.id, $ref: `${base}/Groups/${g.id}`, display: g.displayName, type: "direct" })),
    ...(hasEnterprise ? { [ENTERPRISE_SCHEMA]: enterprise } : {}),
    meta: { resourceType: "User", created: user.createdAt.toISOString(), lastModified: user.updatedAt.toISOString(), location: `${base}/Users/${user.id}` },
  });
}

export function scimGroupResource(group: ScimGroupFacts, base: string): Json {
  return withVersion({
    schemas: [GROUP_SCHEMA],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    members: group.members.map((m) => ({ value: m.id, $ref: `${base}/Users/${m.id}`, display: m.name, type: "User" })),
    meta: { resourceType: "Group", created: group.createdAt.toISOString(), lastModified: group.updatedAt.toISOString(), location: `${base}/Groups/${group.id}` },
  });
}

// ---- What the identity provider sends ----------------------------------------------------

const BOOLEAN_KEYS = new Set(["active", "primary"]);
const MANAGER_PATH = `${ENTERPRISE_SCHEMA}:manager`.toLowerCase();

/** "True"/"False" (Entra ID sends booleans as strings) as booleans; anything else as it is. */
function asBoolean(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.trim().toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : value;
}

/** A manager sent as the manager's id alone (Entra ID does) as the complex value the schema has. */
function asManager(value: unknown): unknown {
  return typeof value === "string" ? (value.trim() === "" ? null : { value: value.trim() }) : value;
}

/**
 * What Okta and Entra ID send, in the schema's own shape: boolean attributes sent as "True" and
 * "False", the enterprise manager sent as a bare id (or "" to clear it). Recurses through plain
 * objects and arrays; keys are matched case-insensitively, as SCIM attribute names are.
 */
export function normaliseQuirks(value: unknown, key = ""): unknown {
  const lower = key.toLowerCase();
  if (BOOLEAN_KEYS.has(lower)) return asBoolean(value);
  if (lower === "manager" || lower === MANAGER_PATH) return asManager(value);
  if (Array.isArray(value)) return value.map((item) => normaliseQuirks(item));
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      const normalised = normaliseQuirks(v, k);
      // A manager cleared by "" is no manager.
      if (!(normalised === null && (k.toLowerCase() === "manager" || k.toLowerCase() === MANAGER_PATH))) out[k] = normalised;
    }
    return out;
  }
  return value;
}

/** scimmy's coercion of a resource, its complaints as SCIM's invalidValue. */
function coerce<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof ScimError) throw error;
    const scim = error as { status?: number; scimType?: string; message?: string };
    throw new ScimError(400, SCIM_MESSAGES.invalidResource(scim.message ?? "it does not match the schema."), (scim.scimType as "invalidValue" | undefined) ?? "invalidValue");
  }
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function limited(value: string, attribute: string, max: number): string {
  if (value.length > max) throw new ScimError(400, SCIM_MESSAGES.tooLong(attribute, max), "invalidValue");
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a User resource asks Vetted to store. */
export interface ScimUserWrite {
  userName: string;
  /** Not yet normalised (lower case): the caller does that with the app's own rule. */
  email: string;
  name: string;
  active: boolean;
  externalId: string | null;
  managerId: string | null;
  /** Everything else the provider sent, returned as it came (never the password). */
  attributes: Json;
}

/** The email Vetted keys the person by: the primary email, else a work email, else the first, else the userName if it is one. */
function chooseEmail(emails: unknown, userName: string): string {
  const list = Array.isArray(emails) ? (emails as Json[]).filter((e) => str(e?.value)) : [];
  const chosen = list.find((e) => e.primary === true) ?? list.find((e) => String(e.type ?? "").toLowerCase() === "work") ?? list[0];
  const email = str(chosen?.value) ?? (EMAIL.test(userName) ? userName : null);
  if (!email) throw new ScimError(400, SCIM_MESSAGES.noEmail, "invalidValue");
  if (!EMAIL.test(email)) throw new ScimError(400, SCIM_MESSAGES.badEmail(email), "invalidValue");
  return limited(email, "email", MAX_EMAIL);
}

/** A User resource (a POST or PUT body, or the result of a PATCH) as what Vetted stores. */
export function userWriteFromScim(body: unknown): ScimUserWrite {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, SCIM_MESSAGES.notObject, "invalidSyntax");
  const input = normaliseQuirks(body) as Json;
  // Read-only attributes are the service provider's: ignored on the way in (RFC 7643 §2.2).
  const coerced = JSON.parse(JSON.stringify(coerce(() => new SCIM_USER(input, "in")))) as Json;
  const userName = limited(str(coerced.userName) ?? "", "userName", MAX_USER_NAME);
  if (!userName) throw new ScimError(400, SCIM_MESSAGES.invalidResource("userName is required."), "invalidValue");
  const nameParts = (coerced.name ?? {}) as Json;
  const name =
    str(coerced.displayName) ?? str(nameParts.formatted) ?? ([str(nameParts.givenName), str(nameParts.familyName)].filter(Boolean).join(" ") || userName);
  const enterprise = { ...((coerced[ENTERPRISE_SCHEMA] as Json | undefined) ?? {}) };
  const managerId = str((enterprise.manager as Json | undefined)?.value);
  delete enterprise.manager;
  const { schemas: _s, id: _i, meta: _m, userName: _u, displayName: _d, active, externalId, groups: _g, password: _p, [ENTERPRISE_SCHEMA]: _e, ...rest } = coerced;
  const attributes: Json = { ...rest, ...(Object.keys(enterprise).length > 0 ? { [ENTERPRISE_SCHEMA]: enterprise } : {}) };
  return {
    userName,
    email: chooseEmail(coerced.emails, userName),
    name: limited(name, "displayName", MAX_NAME),
    active: active === undefined ? true : active === true,
    externalId: str(externalId) ? limited(str(externalId)!, "externalId", MAX_EXTERNAL_ID) : null,
    managerId,
    attributes,
  };
}

/** What a Group resource asks Vetted to store. */
export interface ScimGroupWrite {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

export function groupWriteFromScim(body: unknown): ScimGroupWrite {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, SCIM_MESSAGES.notObject, "invalidSyntax");
  const coerced = JSON.parse(JSON.stringify(coerce(() => new SCIM_GROUP(body, "in")))) as Json;
  const displayName = limited(str(coerced.displayName) ?? "", "displayName", MAX_GROUP_NAME);
  if (!displayName) throw new ScimError(400, SCIM_MESSAGES.invalidResource("displayName is required."), "invalidValue");
  const members = Array.isArray(coerced.members) ? (coerced.members as Json[]) : [];
  if (members.length > MAX_MEMBERS_PER_REQUEST) throw new ScimError(400, SCIM_MESSAGES.tooManyMembers(MAX_MEMBERS_PER_REQUEST), "tooMany");
  const memberIds: string[] = [];
  for (const member of members) {
    if (String(member.type ?? "User").toLowerCase() === "group") throw new ScimError(400, SCIM_MESSAGES.nestedGroups, "invalidValue");
    const id = str(member.value);
    if (!id) throw new ScimError(400, SCIM_MESSAGES.invalidResource("every member needs a value (the user's id)."), "invalidValue");
    if (!memberIds.includes(id)) memberIds.push(id);
  }
  const externalId = str(coerced.externalId);
  return { displayName, externalId: externalId ? limited(externalId, "externalId", MAX_EXTERNAL_ID) : null, memberIds };
}

// ---- Lists and projections --------------------------------------------------------------

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 200;

/** What a list may be sorted by (lower case, as FILTERABLE spells attributes). */
export const SORTABLE = {
  User: ["id", "username", "externalid", "displayname", "emails", "emails.value", "name.givenname", "name.familyname", "meta.created", "meta.lastmodified"],
  Group: ["id", "displayname", "externalid", "meta.created", "meta.lastmodified"],
} as const;
const SORTABLE_SPELLED = {
  User: "userName, displayName, externalId, emails.value, name.givenName, name.familyName, id, meta.created, meta.lastModified",
  Group: "displayName, externalId, id, meta.created, meta.lastModified",
};

export interface ListSort {
  /** One of SORTABLE's attributes. */
  attribute: string;
  descending: boolean;
}

export interface ListParams {
  filter: string | null;
  /** null: in the order the resources were created. */
  sort: ListSort | null;
  /** 1-based. */
  startIndex: number;
  count: number;
  attributes: string[] | null;
  excludedAttributes: string[] | null;
}

function wholeNumber(raw: string | null, message: string): number | null {
  if (raw === null || raw.trim() === "") return null;
  if (!/^-?\d{1,9}$/.test(raw.trim())) throw new ScimError(400, message, "invalidValue");
  return Number(raw.trim());
}

function attributeList(raw: string | null, name: string): string[] | null {
  if (raw === null || raw.trim() === "") return null;
  const list = raw.split(",").map((a) => a.trim()).filter(Boolean);
  if (list.length === 0 || list.some((a) => !/^[A-Za-z0-9_.:$-]{1,200}$/.test(a))) throw new ScimError(400, SCIM_MESSAGES.badAttributes(name), "invalidValue");
  return list;
}

/** sortBy and sortOrder (RFC 7644 §3.4.2.3): ascending unless told; sortOrder alone sorts nothing. */
function sortParams(query: URLSearchParams, resource: keyof typeof SORTABLE): ListSort | null {
  const order = query.get("sortOrder")?.trim().toLowerCase() || "ascending";
  if (order !== "ascending" && order !== "descending") throw new ScimError(400, SCIM_MESSAGES.badSortOrder, "invalidValue");
  const by = query.get("sortBy")?.trim();
  if (!by) return null;
  const attribute = by.toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/, "");
  if (!(SORTABLE[resource] as readonly string[]).includes(attribute)) throw new ScimError(400, SCIM_MESSAGES.badSortBy(by, SORTABLE_SPELLED[resource]), "invalidValue");
  return { attribute, descending: order === "descending" };
}

/** The query of a list (RFC 7644 §3.4.2): filter, sorting, pagination (startIndex below 1 counts as 1; count capped at MAX_COUNT) and attribute lists. */
export function listParams(query: URLSearchParams, resource: keyof typeof SORTABLE): ListParams {
  const sort = sortParams(query, resource);
  const startIndex = wholeNumber(query.get("startIndex"), SCIM_MESSAGES.badStartIndex) ?? 1;
  const count = wholeNumber(query.get("count"), SCIM_MESSAGES.badCount) ?? DEFAULT_COUNT;
  const attributes = attributeList(query.get("attributes"), "attributes");
  const excludedAttributes = attributeList(query.get("excludedAttributes"), "excludedAttributes");
  if (attributes && excludedAttributes) throw new ScimError(400, SCIM_MESSAGES.bothAttributeLists, "invalidValue");
  return { filter: query.get("filter"), sort, startIndex: Math.max(1, startIndex), count: Math.min(MAX_COUNT, Math.max(0, count)), attributes, excludedAttributes };
}

/** attributes / excludedAttributes of a single read (GET /Users/{id}). */
export function projectionParams(query: URLSearchParams): Pick<ListParams, "attributes" | "excludedAttributes"> {
  const attributes = attributeList(query.get("attributes"), "attributes");
  const excludedAttributes = attributeList(query.get("excludedAttributes"), "excludedAttributes");
  if (attributes && excludedAttributes) throw new ScimError(400, SCIM_MESSAGES.bothAttributeLists, "invalidValue");
  return { attributes, excludedAttributes };
}

/** Always returned, whatever the lists say (RFC 7643 §7, returned "always"). */
const ALWAYS = new Set(["schemas", "id", "meta"]);

/** The top-level attribute a name in attributes/excludedAttributes means ("name.givenName" → "name", a URN → its extension's key). */
function topLevel(attribute: string, resource: Json): string {
  const lower = attribute.toLowerCase();
  for (const key of Object.keys(resource)) {
    const k = key.toLowerCase();
    if (k.startsWith("urn:") && (lower === k || lower.startsWith(`${k}:`))) return key;
  }
  const withoutUrn = lower.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/, "");
  const first = withoutUrn.split(".")[0]!;
  return Object.keys(resource).find((key) => key.toLowerCase() === first) ?? first;
}

/** A resource with only the attributes asked for, or without those excluded (top-level attributes; sub-attributes count as their parent). */
export function project(resource: Json, params: Pick<ListParams, "attributes" | "excludedAttributes">): Json {
  if (params.attributes) {
    const keep = new Set(params.attributes.map((a) => topLevel(a, resource)));
    return Object.fromEntries(Object.entries(resource).filter(([key]) => ALWAYS.has(key) || keep.has(key)));
  }
  if (params.excludedAttributes) {
    const drop = new Set(params.excludedAttributes.map((a) => topLevel(a, resource)));
    return Object.fromEntries(Object.entries(resource).filter(([key]) => ALWAYS.has(key) || !drop.has(key)));
  }
  return resource;
}

export function listResponse(resources: Json[], totalResults: number, startIndex: number): Json {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** Whether an If-Match header (RFC 9110 §13.1.1) holds for a resource at `version`: "*", or one of its tags (compared weakly). */
export function ifMatchHolds(header: string | null, version: string): boolean {
  if (header === null) return true;
  const tags = header.split(",").map((t) => t.trim()).filter(Boolean);
  const opaque = (tag: string) => tag.replace(/^W\//, "");
  return tags.some((tag) => tag === "*" || opaque(tag) === opaque(version));
}
