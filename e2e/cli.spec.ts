import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { APP_URL, USERS } from "./support/constants";
import { query } from "./support/db";

/**
 * The command-line client in a pipeline, against the running server with a real API token:
 * a CycloneDX SBOM with a prohibited package (faker, seeded prohibited) fails the step, a clean
 * one passes.
 */

const ROOT = path.resolve(__dirname, "..");

function sbom(components: { name: string; version: string }[]): string {
  return JSON.stringify({
    bomFormat: "CycloneDX",
    specVersion: "1.5",
    version: 1,
    components: components.map((c) => ({ type: "library", name: c.name, version: c.version, purl: `pkg:npm/${c.name}@${c.version}` })),
  });
}

test("vetted check fails a pipeline on an SBOM with a prohibited package and passes a clean one", async () => {
  // A token as an admin would create it: the secret in hand, only its hash stored.
  const secret = `vt_${randomBytes(32).toString("base64url")}`;
  const [admin] = await query<{ id: string }>("SELECT id FROM users WHERE email = $1", [USERS.admin]);
  await query(
    "INSERT INTO api_tokens (name, prefix, secret_hash, scopes, expires_at, created_by_id) VALUES ($1, $2, $3, $4, now() + interval '1 day', $5)",
    ["CI: e2e", secret.slice(0, 9), createHash("sha256").update(secret).digest("hex"), JSON.stringify(["check:read"]), admin!.id],
  );

  const dir = mkdtempSync(path.join(os.tmpdir(), "vetted-cli-"));
  try {
    const risky = path.join(dir, "risky.cdx.json");
    const clean = path.join(dir, "clean.cdx.json");
    writeFileSync(risky, sbom([{ name: "lodash", version: "4.17.21" }, { name: "faker", version: "5.5.3" }]));
    writeFileSync(clean, sbom([{ name: "lodash", version: "4.17.21" }, { name: "axios", version: "1.7.2" }, { name: "react", version: "19.2.0" }]));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, "bin", "vetted.mjs"), "check", ...args], {
        env: { ...process.env, VETTED_URL: APP_URL, VETTED_TOKEN: secret },
        encoding: "utf8",
        timeout: 30_000,
      });

    const failed = run(risky);
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/prohibited.*faker/);
    expect(failed.stdout).toContain("lodash");

    const passed = run(clean);
    expect(passed.status, passed.stderr).toBe(0);

    const json = run(risky, "--json");
    expect(json.status).toBe(1);
    const answer = JSON.parse(json.stdout) as { summary: { total: number; worst: string } };
    expect(answer).toMatchObject({ summary: { total: 2, worst: "prohibited" } });

    // Without a valid token the step cannot pass by accident: a request error, exit 2.
    const refused = spawnSync(process.execPath, [path.join(ROOT, "bin", "vetted.mjs"), "check", clean], {
      env: { ...process.env, VETTED_URL: APP_URL, VETTED_TOKEN: `vt_${"x".repeat(43)}` },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(refused.status).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
