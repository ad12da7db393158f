import { describe, expect, it } from "vitest";
import { roleFromGroups } from "@/lib/auth/roles";
import { ACTIONS, can, canHoldScope, scopesFor, type Action } from "@/lib/domain/policy";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/domain/api-tokens";
import { defaultReviewDue } from "@/lib/domain/review-due";
import { slugify } from "@/lib/domain/slug";
import { ROLES, type Role } from "@/lib/domain/vocabulary";

/** The whole table, spelled out, so that any change to who may do what is a deliberate one. */
const EXPECTED: Record<Role, Action[]> = {
  employee: ["catalogue.read", "request.create", "notifications.own", "sessions.own", "preferences.own"],
  manager: ["catalogue.read", "request.create", "request.decide", "notifications.own", "sessions.own", "preferences.own"],
  reviewer: ["catalogue.read", "catalogue.write", "catalogue.import", "classification.decide", "assessment.write", "template.write", "dashboard.read", "evidence.read", "evidence.write", "audit.read", "request.create", "request.decide", "grant.revoke", "grants.read", "tokens.own", "notifications.own", "sessions.own", "preferences.own"],
  admin: ["catalogue.read", "template.write", "dashboard.read", "evidence.read", "audit.read", "audit.verify", "request.create", "request.decide", "grants.read", "users.manage", "settings.manage", "outbox.read", "tokens.manage", "tokens.own", "webhooks.manage", "notifications.own", "sessions.own", "users.provision", "preferences.own"],
};

describe("policy table", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }
});

/** Who may hold which API token scope, spelled out like the table above. */
const EXPECTED_SCOPES: Record<Role, TokenScope[]> = {
  employee: [],
  manager: [],
  reviewer: ["check:read", "catalogue:read", "catalogue:write", "requests:write"],
  admin: ["check:read", "catalogue:read", "requests:write", "scim"],
};

describe("token scopes by role", () => {
  for (const role of ROLES) {
    for (const scope of TOKEN_SCOPES) {
      const allowed = EXPECTED_SCOPES[role].includes(scope);
      it(`${role} ${allowed ? "may" : "may not"} hold ${scope}`, () => {
        expect(canHoldScope(role, scope)).toBe(allowed);
      });
    }
    it(`offers ${role} exactly those scopes`, () => expect(scopesFor(role)).toEqual(EXPECTED_SCOPES[role]));
  }
});

describe("roleFromGroups", () => {
  const map = new Map<string, Role>([["vetted-admins", "admin"], ["appsec", "reviewer"], ["people-leads", "manager"]]);
  it("takes the most capable mapped role", () => {
    expect(roleFromGroups(["people-leads", "appsec"], map)).toBe("reviewer");
    expect(roleFromGroups("appsec vetted-admins", map)).toBe("admin");
  });
  it("is null when nothing maps or the claim is absent or odd", () => {
    expect(roleFromGroups(["everyone"], map)).toBeNull();
    expect(roleFromGroups(undefined, map)).toBeNull();
    expect(roleFromGroups([42, { a: 1 }], map)).toBeNull();
  });
});

describe("defaultReviewDue", () => {
  it("adds the status interval in months", () => {
    expect(defaultReviewDue("approved_with_conditions", new Date("2026-03-15T10:00:00Z"))).toBe("2027-03-15");
    expect(defaultReviewDue("under_review", new Date("2026-03-15T10:00:00Z"), { approved: 24, approved_with_conditions: 12, restricted: 12, prohibited: 24, under_review: 2 })).toBe("2026-05-15");
  });
  it("clamps to the end of a shorter month", () => {
    expect(defaultReviewDue("under_review", new Date("2026-01-31T00:00:00Z"))).toBe("2026-02-28");
  });
});

describe("slugify", () => {
  it("makes URL names", () => {
    expect(slugify("GitHub Copilot")).toBe("github-copilot");
    expect(slugify("  Café  Ünïcode!! ")).toBe("cafe-unicode");
    expect(slugify("!!!")).toBe("");
  });
});
