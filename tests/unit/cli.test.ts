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
const seen: { path: string; contentType: string; authorization: string; body: string }[] = [];

function answerFor(q: string) {
  const verdict = q.startsWith("evil-") ? "prohibited" : q === "restricted-tool" ? "exception_required" : "allowed";
  return { query: q, verdict, software: { name: q.toUpperCase() }, url: `http://stub/software/${q}` };
}

beforeAll(async () => {
  server = createServer(async (request: IncomingMessage, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    seen.push({ path: request.url ?? "", contentType: request.headers["content-type"] ?? "", authorization: request.headers.authorization ?? "", body });
    response.setHeader("Content-Type", "application/json");
    if (body.includes("server-error")) {
      response.statusCode = 400;
      response.end(JSON.stringify({ error: { status: 400, message: "Cannot read the file: line 1: nope" } }));
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
    expect(request).toMatchObject({ path: "/api/v1/check", authorization: "Bearer vt_secret" });
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
