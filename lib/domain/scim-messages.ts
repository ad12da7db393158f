/**
 * SCIM's errors (RFC 7644 §3.12) and every `detail` Vetted's SCIM service answers with, in one
 * place. They are protocol messages read by an identity provider's administrator in its
 * provisioning log, so they stay English whatever the interface's language. Pure.
 */

/** The scimType keywords of RFC 7644 §3.12 (Table 9). */
export type ScimType = "invalidFilter" | "tooMany" | "uniqueness" | "mutability" | "invalidSyntax" | "invalidPath" | "noTarget" | "invalidValue" | "invalidVers" | "sensitive";

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/** An error answered in SCIM's shape: `status` (as a string), `scimType` where the RFC names one, and `detail`. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    /** Extra response headers (WWW-Authenticate, Retry-After, Allow). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }

  body() {
    return { schemas: [SCIM_ERROR_SCHEMA], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.detail };
  }
}

const quoted = (value: string) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);

export const SCIM_MESSAGES = {
  // Authentication and authorisation
  noToken: 'SCIM needs an API token: send "Authorization: Bearer vt_…" with a Vetted token of scope scim (Admin → API tokens).',
  badToken: "This bearer token is not a valid Vetted API token: unknown, expired or revoked, or the admin who created it is deactivated or no longer an admin.",
  wrongScope: 'This token lacks the "scim" scope. Create a token of scope scim (it holds that scope alone) for the identity provider.',
  rateLimited: (seconds: number) => `Too many requests for this token: try again in ${seconds} s.`,
  unavailable: "The database is unavailable or overloaded right now: try again in a few seconds.",
  internal: (reference: string) => `Internal error (reference ${reference}).`,

  // Requests
  notJson: "The body is not JSON.",
  notObject: "The body must be a JSON object.",
  wrongContentType: "Send the body as application/scim+json (or application/json).",
  tooLarge: (bytes: number) => `The body is larger than ${Math.round(bytes / 1024)} KB, the most this service takes.`,
  notUtf8: "The body is not valid UTF-8.",
  nulCharacter: "The body holds a string with a NUL character (\\u0000), which no attribute may hold.",
  missingSchema: (schema: string) => `The body's "schemas" must include ${schema}.`,
  methodNotAllowed: (method: string, allowed: string[]) => `${method} is not supported here; use ${allowed.join(", ")}.`,
  bulkUnsupported: "Bulk operations are not supported (see /ServiceProviderConfig: bulk.supported is false). Send one request per resource.",
  searchUnsupported: "POST …/.search is not supported: use GET with ?filter=.",
  meUnsupported: "/Me is not supported: a token provisions people, it is not one.",
  badSortOrder: 'sortOrder must be "ascending" or "descending".',
  badSortBy: (by: string, supported: string) => `Sorting by ${quoted(by)} is not supported; sort by ${supported}.`,
  notFound: (kind: string, id: string) => `No ${kind} with id ${quoted(id)}.`,
  noSuchEndpoint: (path: string) => `There is no SCIM endpoint at ${quoted(path)}.`,
  unknownSchema: (id: string) => `No schema with id ${quoted(id)}.`,
  unknownResourceType: (id: string) => `No resource type named ${quoted(id)}.`,

  // Query parameters
  badStartIndex: "startIndex must be a whole number (1 or more; smaller values count as 1).",
  badCount: "count must be a whole number (0 or more).",
  badAttributes: (name: string) => `${name} must be a comma-separated list of attribute names.`,
  bothAttributeLists: "Send attributes or excludedAttributes, not both.",

  // Filters
  filterSyntax: (reason: string) => `The filter is not valid: ${reason}`,
  filterAttribute: (attribute: string, resource: string, supported: readonly string[]) =>
    `Filtering ${resource} on ${quoted(attribute)} is not supported; filter on ${supported.join(", ")}.`,
  filterOperator: (operator: string, attribute: string) => `The operator ${quoted(operator)} is not supported for ${attribute}; use eq, ne, co, sw, ew, pr (and gt, ge, lt, le for dates), joined by and, or, not.`,
  filterValue: (attribute: string, expected: string) => `The filter compares ${attribute} with a value that is not ${expected}.`,
  filterTooComplex: "The filter has too many terms (at most 50).",

  // PATCH
  patchNoOperations: 'A PatchOp needs a non-empty "Operations" array.',
  patchTooMany: (max: number) => `A PatchOp may hold at most ${max} operations.`,
  patchBadOperation: (index: number) => `Operation ${index} must be an object with "op" ("add", "remove" or "replace"), an optional "path" and a "value".`,

  // Resources
  invalidResource: (reason: string) => `The resource is not valid: ${reason}`,
  userNameTaken: (userName: string) => `A user with userName ${quoted(userName)} exists already.`,
  emailTaken: (email: string) => `A user with the email ${quoted(email)} exists already.`,
  noEmail:
    'Vetted keys people by email address: send a primary (or work) email in "emails", or a userName that is an email address.',
  badEmail: (value: string) => `${quoted(value)} is not an email address.`,
  tooLong: (attribute: string, max: number) => `${attribute} must be at most ${max} characters.`,
  managerUnknown: (id: string) => `The manager ${quoted(id)} is not a user here: send the manager's SCIM id (as /Users returns it), userName or email.`,
  managerSelf: "Nobody manages themselves.",
  managerLoop: "That manager would create a management loop.",
  groupNameTaken: (name: string) => `A group named ${quoted(name)} exists already.`,
  memberUnknown: (id: string) => `The member ${quoted(id)} is not the id of a user here (groups hold users only, by their SCIM id).`,
  nestedGroups: "Groups hold users only: nested groups are not supported.",
  tooManyMembers: (max: number) => `A group may hold at most ${max} members in one request.`,
  idMismatch: "The body's id does not match the address.",
  lastAdmin: "This would leave no active admin: make someone else admin first (in Vetted or through a group mapped to admin).",
  tokenCreator: "This token belongs to the admin whose account this would deactivate or demote, which would end the token itself; do it in Vetted, or use a token of another admin.",

  // ETags
  preconditionFailed: "The resource has changed since that version (If-Match does not match its ETag): read it again and retry.",
} as const;
