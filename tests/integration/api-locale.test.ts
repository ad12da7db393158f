import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as check } from "@/app/api/v1/check/route";
import { GET as santaExport } from "@/app/api/v1/exports/santa/route";
import { GET as softwareItem } from "@/app/api/v1/software/[slug]/route";
import { GET as softwareList } from "@/app/api/v1/software/route";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb } from "@/lib/db/client";
import { addDays, isoDay } from "@/lib/domain/requests";
import { createApiToken } from "@/lib/mutations/api-tokens";
import { runMutation } from "@/lib/server/guard";
import { callApi, type RouteHandler } from "../support/api";
import { makeUser, unique } from "../support/fixtures";

/**
 * API error messages follow Accept-Language; the status, the error's shape and the field names
 * never do. The same bad requests, asked in English, in Chinese and with no language at all.
 */
let admin: SessionUser;
let checkToken: string;
let catalogueToken: string;

beforeAll(async () => {
  const db = await getDb();
  admin = await makeUser(db, "admin");
  const expiresOn = addDays(isoDay(new Date()), 30);
  checkToken = (await runMutation(createApiToken, admin, { name: unique("locale check"), scopes: ["check:read"], expiresOn })).secret;
  catalogueToken = (await runMutation(createApiToken, admin, { name: unique("locale catalogue"), scopes: ["catalogue:read"], expiresOn })).secret;
});
afterAll(() => closeDb());

type Body = { error: { status: number; message: string; fields?: Record<string, string[]> } };

async function ask(handler: RouteHandler, path: string, authorization: string, language: string | null, params: Record<string, string> = {}) {
  const headers = new Headers({ authorization });
  if (language) headers.set("accept-language", language);
  const response = await callApi(handler, path, { headers, params });
  return { status: response.status, body: (await response.json()) as Body };
}

const HAN = /\p{Script=Han}/u;

const cases: { name: string; handler: RouteHandler; path: string; auth: () => string; params?: Record<string, string>; status: number; english: RegExp }[] = [
  { name: "a validation error with field messages", handler: check, path: "/api/v1/check?dataClass=secretish", auth: () => `Bearer ${checkToken}`, status: 400, english: /./ },
  { name: "a list query out of range", handler: softwareList, path: "/api/v1/software?page=0&pageSize=500&status=nope", auth: () => `Bearer ${catalogueToken}`, status: 400, english: /./ },
  { name: "an export's include list", handler: santaExport, path: "/api/v1/exports/santa?include=everything", auth: () => `Bearer ${checkToken}`, status: 400, english: /./ },
  { name: "a malformed bearer token (401)", handler: check, path: "/api/v1/check?q=x", auth: () => "Bearer not-a-token", status: 401, english: /^The Authorization header must be "Bearer vt_…" with an API token\.$/ },
  { name: "a token without the scope (403)", handler: softwareList, path: "/api/v1/software", auth: () => `Bearer ${checkToken}`, status: 403, english: /^This token lacks the "catalogue:read" scope\.$/ },
  { name: "software that does not exist (404)", handler: softwareItem, path: "/api/v1/software/no-such-tool", auth: () => `Bearer ${catalogueToken}`, params: { slug: "no-such-tool" }, status: 404, english: /./ },
];

describe("API error messages in the reader's language", () => {
  it.each(cases)("$name: Chinese words, the same status, shape and fields", async ({ handler, path, auth, params, status, english }) => {
    const [en, none, zh, other] = await Promise.all([
      ask(handler, path, auth(), "en", params),
      ask(handler, path, auth(), null, params),
      ask(handler, path, auth(), "zh-CN,zh;q=0.9,en;q=0.5", params),
      ask(handler, path, auth(), "fr-FR", params),
    ]);
    expect(en.status).toBe(status);
    expect(en.body.error.message).toMatch(english);
    expect(en.body.error.message).not.toMatch(HAN);
    // No header, or a language Vetted does not have: English, word for word.
    expect(none).toEqual(en);
    expect(other).toEqual(en);
    expect(zh.status).toBe(status);
    expect(zh.body.error.status).toBe(en.body.error.status);
    expect(zh.body.error.message).toMatch(HAN);
    expect(Object.keys(zh.body.error.fields ?? {}).sort()).toEqual(Object.keys(en.body.error.fields ?? {}).sort());
    for (const messages of Object.values(zh.body.error.fields ?? {})) for (const message of messages) expect(message).toMatch(HAN);
  });

  it("names the refused fields in English and Chinese alike", async () => {
    const en = await ask(softwareList, "/api/v1/software?page=0&status=nope", `Bearer ${catalogueToken}`, "en");
    const zh = await ask(softwareList, "/api/v1/software?page=0&status=nope", `Bearer ${catalogueToken}`, "zh-CN");
    expect(Object.keys(en.body.error.fields!).sort()).toEqual(["page", "status"]);
    expect(en.body.error.fields!.page).toEqual(["The page must be at least 1."]);
    expect(en.body.error.fields!.status![0]).toMatch(/^The status must be one of approved, .*, unclassified\.$/);
    expect(zh.body.error.fields!.page).toEqual(["参数 page 至少为 1。"]);
    expect(zh.body.error.fields!.status![0]).toMatch(/^参数 status 必须是以下之一：approved, .*、unclassified。$/);
  });
});
