import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { ValidationFailed } from "@/lib/errors";
import { addIdentifier, createSoftware, recordClassification } from "@/lib/mutations/catalogue";
import { runMutation } from "@/lib/server/guard";
import { bulkCheck, itemsFromRequestBody } from "@/lib/services/bulk-check";
import { makeUser, unique } from "../support/fixtures";

let db: Db;
let reviewer: SessionUser;
let employee: SessionUser;
const BASE = "http://vetted.test";
const ctx = () => ({ baseUrl: BASE, now: new Date(), userId: employee.id });

let leftpadName: string;
let approvedName: string;

beforeAll(async () => {
  db = await getDb();
  reviewer = await makeUser(db, "reviewer");
  employee = await makeUser(db, "employee");
  // Unique package names, so that this file does not depend on what other files catalogued.
  const suffix = Date.now().toString(36);
  leftpadName = `evil-pad-${suffix}`;
  approvedName = `good_lib_${suffix}`;
  const evil = await runMutation(createSoftware, reviewer, { name: unique("Evil Pad"), kind: "npm_package", category: "Libraries", description: "test", vendorId: "" });
  await runMutation(addIdentifier, reviewer, { softwareId: evil.id, type: "npm", value: leftpadName });
  await runMutation(recordClassification, reviewer, { softwareId: evil.id, status: "prohibited", rationale: "Malicious install script." });
  const good = await runMutation(createSoftware, reviewer, { name: unique("Good Lib"), kind: "pypi_package", category: "Libraries", description: "test", vendorId: "" });
  await runMutation(addIdentifier, reviewer, { softwareId: good.id, type: "pypi", value: approvedName });
  await runMutation(recordClassification, reviewer, { softwareId: good.id, status: "approved", maxDataClass: "confidential", rationale: "Reviewed and fine." });
  const tool = await runMutation(createSoftware, reviewer, { name: `Bulk Tool ${suffix}`, kind: "saas", category: "Testing", description: "test", vendorId: "" });
  await runMutation(recordClassification, reviewer, { softwareId: tool.id, status: "restricted", rationale: "Needs review of data flows." });
});

afterAll(async () => {
  await closeDb();
});

describe("bulk check", () => {
  it("answers a list of names and identifiers, each for its own data class, with a summary", async () => {
    const toolName = `bulk tool ${leftpadName.slice("evil-pad-".length)}`;
    const { items } = itemsFromRequestBody(
      JSON.stringify({
        items: [
          { q: leftpadName },
          { q: approvedName.replace(/_/g, "-").toUpperCase(), dataClass: "restricted" },
          { q: approvedName, dataClass: "internal" },
          { q: toolName },
          { q: "Nothing Like This Exists 4711" },
        ],
      }),
      "application/json",
    );
    const answer = await bulkCheck(db, items, ctx());
    expect(answer.items.map((i) => [i.verdict, i.match])).toEqual([
      ["prohibited", "identifier"],
      ["exception_required", "identifier"],
      ["allowed", "identifier"],
      ["exception_required", "name"],
      ["unknown", null],
    ]);
    expect(answer.items[0]!.url).toMatch(new RegExp(`^${BASE}/software/evil-pad`));
    expect(answer.summary).toMatchObject({ total: 5, worst: "prohibited" });
    expect(answer.summary.byVerdict).toMatchObject({ prohibited: 1, exception_required: 2, allowed: 1, unknown: 1, under_review: 0 });
  });

  it("finds a prohibited package in a CycloneDX SBOM, by type: an npm name does not match a PyPI identifier", async () => {
    const sbom = {
      bomFormat: "CycloneDX",
      specVersion: "1.5",
      components: [
        { type: "library", name: "react", version: "19.0.0", purl: "pkg:npm/react@19.0.0" },
        { type: "library", name: leftpadName, version: "1.0.0", purl: `pkg:npm/${leftpadName}@1.0.0` },
        { type: "library", name: approvedName, purl: `pkg:npm/${approvedName.replace(/_/g, "-")}@1` },
        { type: "library", name: approvedName, purl: `pkg:pypi/${approvedName}@2.0` },
      ],
    };
    const { format, items } = itemsFromRequestBody(JSON.stringify(sbom), "application/json", "confidential");
    const answer = await bulkCheck(db, items, { ...ctx(), format });
    expect(answer.format).toBe("cyclonedx");
    expect(answer.items.map((i) => [i.query, i.type, i.version, i.verdict])).toEqual([
      ["react", "npm", "19.0.0", "unknown"],
      [leftpadName, "npm", "1.0.0", "prohibited"],
      [approvedName.replace(/_/g, "-"), "npm", "1", "unknown"],
      [approvedName.replace(/_/g, "-"), "pypi", "2.0", "allowed"],
    ]);
    expect(answer.items.every((i) => i.dataClass === "confidential")).toBe(true);
    expect(answer.summary.worst).toBe("prohibited");
  });

  it("reads a package.json sent as text, and as { file }", async () => {
    const manifest = JSON.stringify({ dependencies: { [leftpadName]: "^1.0.0" }, devDependencies: { vitest: "^4" } });
    for (const [body, type] of [[manifest, "text/plain"], [JSON.stringify({ file: manifest, filename: "package.json" }), "application/json"]] as const) {
      const { format, items } = itemsFromRequestBody(body, type);
      const answer = await bulkCheck(db, items, { ...ctx(), format });
      expect(answer.format).toBe("package.json");
      expect(answer.items.map((i) => [i.query, i.verdict, i.dev])).toEqual([[leftpadName, "prohibited", false], ["vitest", "unknown", true]]);
    }
  });

  it("refuses 1,001 items, an empty list, a bad data class and an unreadable file, naming the problem", () => {
    const many = JSON.stringify({ items: Array.from({ length: 1001 }, (_, i) => ({ q: `tool-${i}` })) });
    expect(() => itemsFromRequestBody(many, "application/json")).toThrow(/Items may list at most 1000/);
    expect(() => itemsFromRequestBody(`{"items": []}`, "application/json")).toThrow(/at least one/);
    expect(() => itemsFromRequestBody(`{"items": [{"q": "x", "dataClass": "secret"}]}`, "application/json")).toThrow(/Item 1: The dataClass must be one of/);
    expect(() => itemsFromRequestBody("{oops", "application/json")).toThrow(/The body is not JSON/);
    expect(() => itemsFromRequestBody("django\n$$$\n", "text/plain")).toThrow(/Cannot read the file: line 2:/);
    const error = (() => { try { itemsFromRequestBody(Array.from({ length: 1001 }, (_, i) => `p${i}`).join("\n"), "text/plain"); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as Error).message).toMatch(/lists 1001 packages; one check takes at most 1000/);
  });

  it("answers 1,000 items in a fixed number of queries, in a couple of seconds", async () => {
    const items = Array.from({ length: 1000 }, (_, i) =>
      i % 10 === 0 ? { q: leftpadName, type: "npm" as const } : i % 10 === 1 ? { q: `unknown-package-${i}`, type: "npm" as const } : { q: `Some Unknown Tool ${i}` },
    );
    const started = performance.now();
    const answer = await bulkCheck(db, items, ctx());
    const elapsed = performance.now() - started;
    console.log(`bulk check of 1,000 items: ${Math.round(elapsed)} ms`);
    expect(answer.summary.total).toBe(1000);
    expect(answer.summary.byVerdict.prohibited).toBe(100);
    expect(elapsed).toBeLessThan(5000);

    // A lockfile's worth of packages needs no fuzzy lookup at all.
    const packages = Array.from({ length: 1000 }, (_, i) => ({ q: i === 0 ? leftpadName : `some-package-${i}`, type: "npm" as const }));
    const packagesStarted = performance.now();
    const packageAnswer = await bulkCheck(db, packages, ctx());
    console.log(`bulk check of 1,000 npm packages: ${Math.round(performance.now() - packagesStarted)} ms`);
    expect(packageAnswer.summary.byVerdict).toMatchObject({ prohibited: 1, unknown: 999 });
  });
});
