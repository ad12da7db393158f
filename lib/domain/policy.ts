import { TOKEN_SCOPES, type TokenScope } from "./api-tokens";
import type { Role } from "./vocabulary";

/** The person acting: a signed-in user, or the creator of the API token a call came with. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
  /** The language the person chose (lib/domain/locale.ts); absent or null: their browser's, then the company's. */
  locale?: string | null;
}

/**
 * Who may do what: the one policy table. The server refuses with it; the UI reads it
 * only to hide what would be refused. Anything not listed is denied.
 */
export const ACTIONS = [
  "catalogue.read",
  "catalogue.write",
  "catalogue.import",
  "classification.decide",
  "assessment.write",
  "template.write",
  "dashboard.read",
  "evidence.read",
  "evidence.write",
  "audit.read",
  "audit.verify",
  "request.create",
  "request.decide",
  "grant.revoke",
  "grants.read",
  "users.manage",
  "settings.manage",
  "outbox.read",
  "tokens.manage",
  "tokens.own",
  "webhooks.manage",
  "notifications.own",
  "users.sso_sync",
  "sessions.own",
  "preferences.own",
  "users.provision",
] as const;
export type Action = (typeof ACTIONS)[number];

const POLICY: Record<Role, readonly Action[]> = {
  employee: ["catalogue.read", "request.create", "notifications.own", "sessions.own", "preferences.own"],
  manager: ["catalogue.read", "request.create", "request.decide", "notifications.own", "sessions.own", "preferences.own"],
  reviewer: ["catalogue.read", "catalogue.write", "catalogue.import", "classification.decide", "assessment.write", "template.write", "dashboard.read", "evidence.read", "evidence.write", "audit.read", "request.create", "request.decide", "grant.revoke", "grants.read", "tokens.own", "notifications.own", "sessions.own", "preferences.own"],
  admin: ["catalogue.read", "template.write", "dashboard.read", "evidence.read", "audit.read", "audit.verify", "request.create", "request.decide", "grants.read", "users.manage", "settings.manage", "outbox.read", "tokens.manage", "tokens.own", "webhooks.manage", "notifications.own", "sessions.own", "users.provision", "preferences.own"],
};

export function can(role: Role, action: Action): boolean {
  return POLICY[role].includes(action);
}

/**
 * What the app does by itself, for nobody in particular, under the system actor: recording the
 * user behind a single sign-on (whose own session does not exist yet). No role holds these.
 */
export const SYSTEM_ACTIONS: readonly Action[] = ["users.sso_sync"];

/** Ranking used only to map several SSO groups to the most capable role. */
export const ROLE_PRECEDENCE: readonly Role[] = ["employee", "manager", "reviewer", "admin"];

/**
 * What each API token scope stands for, as policy actions. A token acts for the person who
 * created it and never beyond that person's current role: its creator must hold `tokens.own`
 * and every action of every scope on it, when it is created and at every call (a creator
 * who is deactivated, demoted or loses one of those actions makes every call with it a 401).
 * So reviewers create `catalogue:write` tokens (a CMDB sync), admins read and export tokens.
 * `tokens.manage` (admins) is seeing and revoking everyone's tokens.
 */
export const SCOPE_ACTIONS: Record<TokenScope, readonly Action[]> = {
  "check:read": ["catalogue.read"],
  "catalogue:read": ["catalogue.read"],
  "catalogue:write": ["catalogue.read", "catalogue.import", "catalogue.write"],
  "requests:write": ["request.create"],
  // Users and groups from the identity provider; an admin's token (users.provision is an admin's).
  scim: ["users.provision"],
};

/** Do these scopes stand for `action`? A token may do only what its scopes stand for (and its creator's role allows). */
export function scopesAllow(scopes: readonly TokenScope[], action: Action): boolean {
  return scopes.some((scope) => SCOPE_ACTIONS[scope].includes(action));
}

/** May a person of this role hold (create, and keep using) a token with this scope? */
export function canHoldScope(role: Role, scope: TokenScope): boolean {
  return can(role, "tokens.own") && SCOPE_ACTIONS[scope].every((action) => can(role, action));
}

/** The scopes a role may put on its tokens, in the order of TOKEN_SCOPES. */
export function scopesFor(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((scope) => canHoldScope(role, scope));
}
