import { NextRequest } from "next/server";
import { expect } from "vitest";
import * as groups from "@/app/scim/v2/Groups/route";
import * as group from "@/app/scim/v2/Groups/[id]/route";
import * as users from "@/app/scim/v2/Users/route";
import * as user from "@/app/scim/v2/Users/[id]/route";
import type { SessionUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { addDays, isoDay } from "@/lib/domain/requests";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { runMutation } from "@/lib/server/guard";
import { unique } from "./fixtures";

export type ScimHandler = (request: NextRequest, context: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

export interface ScimAnswer {
  status: number;
  headers: Headers;
  /** The parsed body; null for an empty one. */
  body: Record<string, unknown> & { Resources?: Record<string, unknown>[] };
}

export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/**
 * One request to a /scim/v2 route handler as Next calls it: real NextRequest, real handler,
 * real database. Every answer with a body must be application/scim+json.
 */
export async function scim(
  handler: ScimHandler,
  path: string,
  init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<ScimAnswer> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/scim+json");
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const request = new NextRequest(`${config().baseUrl}/scim/v2${path}`, { method: init.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(init.params) });
  const text = await response.text();
  if (text) expect(response.headers.get("content-type"), `${init.method ?? "GET"} ${path}`).toBe("application/scim+json");
  expect(response.headers.get("x-request-id"), "every SCIM answer names its request").toBeTruthy();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A Vetted API token of scope scim, made by `admin` as the admin page makes one. */
export async function scimToken(admin: SessionUser): Promise<string> {
  return (await runMutation(createApiToken, admin, { name: unique("IdP provisioning"), scopes: ["scim"], expiresOn: addDays(isoDay(new Date()), 90) })).secret;
}

/** The SCIM endpoints, for the sequences: what a client at /scim/v2 would call. */
export function scimClient(token: string) {
  return {
    listUsers: (query: string) => scim(users.GET as ScimHandler, `/Users${query}`, { token }),
    createUser: (body: unknown) => scim(users.POST as ScimHandler, "/Users", { method: "POST", token, body }),
    getUser: (id: string, query = "") => scim(user.GET as ScimHandler, `/Users/${id}${query}`, { token, params: { id } }),
    putUser: (id: string, body: unknown, headers?: Record<string, string>) => scim(user.PUT as ScimHandler, `/Users/${id}`, { method: "PUT", token, body, params: { id }, headers }),
    patchUser: (id: string, Operations: unknown[], headers?: Record<string, string>) =>
      scim(user.PATCH as ScimHandler, `/Users/${id}`, { method: "PATCH", token, body: { schemas: [PATCH_OP], Operations }, params: { id }, headers }),
    deleteUser: (id: string, headers?: Record<string, string>) => scim(user.DELETE as ScimHandler, `/Users/${id}`, { method: "DELETE", token, params: { id }, headers }),
    listGroups: (query: string) => scim(groups.GET as ScimHandler, `/Groups${query}`, { token }),
    createGroup: (body: unknown) => scim(groups.POST as ScimHandler, "/Groups", { method: "POST", token, body }),
    getGroup: (id: string, query = "") => scim(group.GET as ScimHandler, `/Groups/${id}${query}`, { token, params: { id } }),
    putGroup: (id: string, body: unknown, headers?: Record<string, string>) => scim(group.PUT as ScimHandler, `/Groups/${id}`, { method: "PUT", token, body, params: { id }, headers }),
    patchGroup: (id: string, Operations: unknown[], headers?: Record<string, string>) =>
      scim(group.PATCH as ScimHandler, `/Groups/${id}`, { method: "PATCH", token, body: { schemas: [PATCH_OP], Operations }, params: { id }, headers }),
    deleteGroup: (id: string, headers?: Record<string, string>) => scim(group.DELETE as ScimHandler, `/Groups/${id}`, { method: "DELETE", token, params: { id }, headers }),
  };
}

/** An answer in SCIM's error shape (RFC 7644 §3.12), with this status and scimType. */
export function expectScimError(answer: ScimAnswer, status: number, scimType?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: String(status) });
  expect(typeof answer.body.detail).toBe("string");
  if (scimType) expect(answer.body.scimType).toBe(scimType);
  else expect(answer.body.scimType).toBeUndefined();
}
