import type { Role } from "./vocabulary";

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
  "webhooks.manage",
  "notifications.own",
] as const;
export type Action = (typeof ACTIONS)[number];

const POLICY: Record<Role, readonly Action[]> = {
  employee: ["catalogue.read", "request.create", "notifications.own"],
  manager: ["catalogue.read", "request.create", "request.decide", "notifications.own"],
  reviewer: ["catalogue.read", "catalogue.write", "catalogue.import", "classification.decide", "assessment.write", "template.write", "dashboard.read", "evidence.read", "evidence.write", "audit.read", "request.create", "request.decide", "grant.revoke", "grants.read", "notifications.own"],
  admin: ["catalogue.read", "template.write", "dashboard.read", "evidence.read", "audit.read", "audit.verify", "request.create", "request.decide", "grants.read", "users.manage", "settings.manage", "outbox.read", "tokens.manage", "webhooks.manage", "notifications.own"],
};

export function can(role: Role, action: Action): boolean {
  return POLICY[role].includes(action);
}

/** Ranking used only to map several SSO groups to the most capable role. */
export const ROLE_PRECEDENCE: readonly Role[] = ["employee", "manager", "reviewer", "admin"];
