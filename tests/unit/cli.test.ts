import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The CLI as a pipeline runs it: a real process against a stub of POST /api/v1/check that
 * answers "prohibited" for any package named evil-*. (Against the real server once API tokens
 * are merged: the server does not accept Bearer tokens on this branch yet.)
 */
const CLI = path.resolve(import.meta.dirname, "../../bin/vetted.mjs");
let server: Server;
let url: string;
const seen: { path: string; contentType: string; authorization: string; acceptLanguage: string; body: string }[] = [];

function answerFor(q: string) {
  const verdict = q.startsWith("evil-") ? "prohibited" : q === "restricted-tool" ? "exception_required" : "allowed";
  return { query: q, verdict, software: { name: q.toUpperCase() }, url: `http://stub/software/${q}` };
}

beforeAll(async () => {
  server = createServer(async (request: IncomingMessage, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    seen.push({ path: request.url ?? "", contentType: request.headers["content-type"] ?? "", authorization: request.headers.authorization ?? "", acceptLanguage: request.headers["accept-language"] ?? "", body });
    response.setHeader("Content-Type", "application/json");
    if (body.includes("server-error")) {
      response.statusCode = 400;
      const chinese = request.headers["accept-language"]?.startsWith("zh");
      response.end(JSON.stringify({ error: { status: 400, message: chinese ? "无法读取文件：第 1 行：nope" : "Cannot read the file: line 1: nope" } }));
      return;
    }
    const names = request.headers["content-type"]?.startsWith("application/json")
      ? (JSON.parse(body) as { items: { q: string }[] }).items.map((i) => i.q)
      : Object.keys((JSON.parse(body) as { dependencies: Record<string, string> }).dependencies);
    response.end(JSON.stringify({ items: names.map(answerFor) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function run(args: string[], env: Record<string, string> = { VETTED_URL: url, VETTED_TOKEN: "vt_secret" }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function manifest(dependencies: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "vetted-cli-"));
  const file = path.join(dir, "package.json");
  writeFileSync(file, JSON.stringify({ dependencies }));
  return file;
}

describe("vetted check", () => {
  it("fails on a prohibited package in a manifest, with a readable table, sending the token", async () => {
    const result = await run(["check", manifest({ react: "^19", "evil-pad": "1.0.0" })]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^VERDICT\s+ASKED\s+SOFTWARE\s+DETAILS$/m);
    expect(result.stdout).toMatch(/^prohibited\s+evil-pad\s+EVIL-PAD\s+http:\/\/stub\/software\/evil-pad$/m);
    expect(result.stdout).toContain("2 checked: 1 prohibited, 1 allowed.");
    expect(result.stdout).toContain('1 at or beyond "prohibited": failing.');
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ path: "/api/v1/check", authorization: "Bearer vt_secret", acceptLanguage: "en" });
    expect(request.contentType).toMatch(/^text\/plain/);
  });

  it("passes a clean manifest, and names with a data class", async () => {
    expect((await run(["check", manifest({ react: "^19" })])).code).toBe(0);
    const names = await run(["check", "react", "restricted-tool", "--data-class", "confidential"]);
    expect(names.code).toBe(0);
    expect(seen.at(-1)).toMatchObject({ path: "/api/v1/check?dataClass=confidential", body: JSON.stringify({ items: [{ q: "react" }, { q: "restricted-tool" }] }) });
  });

  it("moves the threshold with --fail-on, and prints JSON for pipelines", async () => {
    const result = await run(["check", "restricted-tool", "--fail-on", "exception_required", "--json"]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { failed: boolean; summary: { worst: string; total: number } };
    expect(json).toMatchObject({ failed: true, failOn: "exception_required", summary: { worst: "exception_required", total: 1 } });
  });

  it("exits 2 on usage errors, a missing VETTED_URL and a refused request", async () => {
    const badThreshold = await run(["check", "x", "--fail-on", "bad"]);
    expect(badThreshold).toMatchObject({ code: 2 });
    expect(badThreshold.stderr).toContain("--fail-on must be one of");
    expect((await run(["check", "x"], {})).stderr).toContain("set VETTED_URL");
    const refused = await run(["check", "server-error"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("HTTP 400: Cannot read the file: line 1: nope");
  });
});

describe("vetted check in Chinese", () => {
  const zh = { VETTED_URL: "", VETTED_TOKEN: "vt_secret", LANG: "zh_CN.UTF-8" };

  it("speaks Chinese when the environment's language is zh_CN, and asks the server in Chinese too", async () => {
    const result = await run(["check", manifest({ react: "^19", "evil-pad": "1.0.0" })], { ...zh, VETTED_URL: url });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^结论\s+查询\s+软件\s+详情$/m);
    expect(result.stdout).toMatch(/^prohibited\s+evil-pad\s+EVIL-PAD\s+http:\/\/stub\/software\/evil-pad$/m);
    expect(result.stdout).toContain("已检查 2 项：1 项 prohibited，1 项 allowed。");
    expect(result.stdout).toContain("1 项达到或超过“prohibited”：未通过。");
    expect(result.stdout).not.toContain("checked");
    expect(seen.at(-1)).toMatchObject({ acceptLanguage: "zh-CN" });
    // The columns line up: a Chinese header is two columns a character wide.
    const lines = result.stdout.split("\n");
    const header = lines[0];
    const row = lines.find((l) => l.startsWith("prohibited"));
    const column = (line: string, at: number) => [...line].slice(0, at).reduce((sum, c) => sum + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
    expect(column(header!, header!.indexOf("查询"))).toBe(row!.indexOf("evil-pad"));
  });

  it("gives usage errors, the missing VETTED_URL and the server's refusal in Chinese", async () => {
    const badThreshold = await run(["check", "x", "--fail-on", "bad"], { ...zh, VETTED_URL: url });
    expect(badThreshold.code).toBe(2);
    expect(badThreshold.stderr).toContain("--fail-on 必须是以下之一：allowed,");
    expect(badThreshold.stderr).toContain("用法：vetted check <file|name…>");
    expect((await run(["check", "x"], zh)).stderr).toContain("请将 VETTED_URL 设为服务器地址");
    const refused = await run(["check", "server-error"], { ...zh, VETTED_URL: url });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("HTTP 400：无法读取文件：第 1 行：nope");
  });

  it("takes VETTED_LANG first, then LC_ALL, LC_MESSAGES and LANG", async () => {
    // @ts-expect-error -- plain JavaScript, no declarations
    const { localeFrom } = (await import("../../bin/vetted.mjs")) as { localeFrom: (env: Record<string, string>) => string };
    expect(localeFrom({})).toBe("en");
    expect(localeFrom({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(localeFrom({ LANG: "C.UTF-8" })).toBe("en");
    expect(localeFrom({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(localeFrom({ LC_MESSAGES: "zh_CN", LANG: "en_GB.UTF-8" })).toBe("zh-CN");
    expect(localeFrom({ VETTED_LANG: "zh-CN", LC_ALL: "en_US.UTF-8" })).toBe("zh-CN");
    expect(localeFrom({ VETTED_LANG: "en", LANG: "zh_CN.UTF-8" })).toBe("en");
    const english = await run(["check", "x", "--fail-on", "bad"], { VETTED_URL: url, VETTED_LANG: "en", LANG: "zh_CN.UTF-8" });
    expect(english.stderr).toContain("--fail-on must be one of");
  });
});
