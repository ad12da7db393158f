import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { refreshSearchIndex } from "@/lib/db/search-index";
import { listSoftware, resolveSoftware, searchSoftware } from "@/lib/queries/software";
import { ListQuery } from "@/lib/validation/api";

/**
 * The search ranking rule (lib/domain/search-ranking.ts) on real PostgreSQL, in a database of
 * its own so that its catalogue is exactly the one built here.
 */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `vetted_test_search_${Date.now()}_${randomBytes(2).toString("hex")}`;
let handle: DbHandle;

const CATALOGUE: { name: string; vendor: string; description: string; identifiers?: [string, string][] }[] = [
  { name: "Cursor", vendor: "Anysphere", description: "AI code editor.", identifiers: [["domain", "cursor.com"], ["alias", "cursor ai"]] },
  { name: "MongoDB Compass", vendor: "MongoDB", description: "GUI for MongoDB.", identifiers: [["domain", "mongodb.com"]] },
  { name: "IntelliJ IDEA", vendor: "JetBrains", description: "Java IDE.", identifiers: [["domain", "jetbrains.com"]] },
  { name: "Claude Code", vendor: "Anthropic", description: "Agentic coding CLI.", identifiers: [["npm", "@anthropic-ai/claude-code"]] },
  { name: "Gemini CLI", vendor: "Google", description: "Agentic coding CLI.", identifiers: [["npm", "@google/gemini-cli"]] },
  { name: "OpenAI Codex CLI", vendor: "OpenAI", description: "Agentic coding CLI.", identifiers: [["npm", "@openai/codex"]] },
  { name: "Cline", vendor: "Cline Bot", description: "Coding agent for VS Code." },
  { name: "Confluence", vendor: "Atlassian", description: "Wiki.", identifiers: [["domain", "atlassian.net"]] },
  { name: "Figma", vendor: "Figma", description: "Design tool.", identifiers: [["domain", "figma.com"]] },
  { name: "Fireflies.ai", vendor: "Fireflies", description: "Meeting notes." },
  { name: "Slack", vendor: "Salesforce", description: "Chat.", identifiers: [["domain", "slack.com"]] },
  { name: "Nodsi Share", vendor: "Nodsi", description: "File sharing." },
  { name: "Quosi Share", vendor: "Quosi", description: "File sharing." },
  // Names as close to "Ndosi Share" by trigrams as Nodsi and Quosi are: only edit distance tells them apart.
  ...["Aosi", "Bosi", "Cosi", "Eosi", "Fosi", "Gosi", "Hosi", "Iosi", "Josi", "Kosi", "Losi", "Mosi", "Posi", "Rosi", "Sosi", "Tosi", "Uosi", "Vosi", "Wosi", "Xosi", "Yosi", "Zosi", "Baosi", "Ceosi"].map((n) => ({ name: `${n} Share`, vendor: `${n} Inc`, description: "File sharing." })),
];

beforeAll(async () => {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  handle = await openDatabase(loadConfig({ DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("hex") }));
  const { db } = handle;
  for (const [i, entry] of CATALOGUE.entries()) {
    const slug = entry.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    await db.execute(sql`INSERT INTO vendors (name, slug) VALUES (${entry.vendor}, ${`${slug}-vendor-${i}`}) ON CONFLICT DO NOTHING`);
    await db.execute(sql`
      INSERT INTO software (slug, name, vendor_id, kind, category, description)
      VALUES (${slug}, ${entry.name}, (SELECT id FROM vendors WHERE lower(name) = lower(${entry.vendor})), 'saas', 'Testing', ${entry.description})`);
    for (const [type, value] of entry.identifiers ?? []) {
      await db.execute(sql`INSERT INTO identifiers (software_id, type, value) VALUES ((SELECT id FROM software WHERE slug = ${slug}), ${type}::identifier_type, ${value})`);
    }
  }
  await refreshSearchIndex(db);
});

afterAll(async () => {
  await handle?.close();
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function names(query: string): Promise<string[]> {
  return (await searchSoftware(handle.db, query)).map((h) => h.name);
}

describe("search ranks exact, identifier and domain matches above fuzzy ones", () => {
  it("a domain lists its tool alone: cursor.com is Cursor, not MongoDB Compass or IntelliJ IDEA", async () => {
    expect(await names("cursor.com")).toEqual(["Cursor"]);
    expect(await names("https://www.cursor.com/pricing")).toEqual(["Cursor"]);
  });

  it("a typo lists the tools it resembles, not every CLI: cluade", async () => {
    const found = await names("cluade");
    expect(found[0]).toBe("Claude Code");
    expect(found).not.toContain("Gemini CLI");
    expect(found).not.toContain("OpenAI Codex CLI");
    expect(found).not.toContain("Confluence");
  });

  it("an exact name drops fuzzy neighbours: figma is Figma alone, slack Slack alone", async () => {
    expect(await names("figma")).toEqual(["Figma"]);
    expect(await names("slack")).toEqual(["Slack"]);
  });

  it("a package and a vendor are found, above anything fuzzy", async () => {
    expect(await names("@anthropic-ai/claude-code")).toEqual(["Claude Code"]);
    expect((await names("anthropic"))[0]).toBe("Claude Code");
    const hits = await searchSoftware(handle.db, "cursor ai");
    expect(hits.map((h) => [h.name, h.match])).toEqual([["Cursor", "name"]]);
  });

  it("the catalogue and its API list the same ranking, counted after trimming", async () => {
    const page = await listSoftware(handle.db, ListQuery.parse({ q: "cursor.com", pageSize: "8" }));
    expect(page.items.map((i) => i.name)).toEqual(["Cursor"]);
    expect(page.total).toBe(1);
    expect(page.items[0]?.match).toBe("identifier");
  });
});

describe("a swapped pair of letters costs less than a changed letter", () => {
  it("search lists Nodsi Share first for Ndosi Share", async () => {
    expect((await names("Ndosi Share"))[0]).toBe("Nodsi Share");
  });

  it("the resolver (check, bulk check, requests) resolves Ndosi Share to Nodsi Share, not Quosi Share", async () => {
    const resolved = await resolveSoftware(handle.db, "Ndosi Share");
    expect(resolved).toMatchObject({ slug: "nodsi-share", match: "fuzzy" });
  });

  it("still refuses a loose guess", async () => {
    expect(await resolveSoftware(handle.db, "Share")).toBeNull();
    expect(await resolveSoftware(handle.db, "cla")).toBeNull();
  });
});
