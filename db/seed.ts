/**
 * Loads the illustrative demo catalogue.
 *
 *   npm run db:seed                 refuses if the database already holds software or users
 *   npm run db:seed -- --if-empty   does nothing (exit 0) if it holds any
 *   npm run db:seed -- --force      adds what is missing to a database that holds data
 *   npm run db:seed -- --demo-users creates the demo users even with DATABASE_URL set
 *
 * Demo users (password "vetted-demo") are created only for the embedded database, or when
 * --demo-users is given: a real PostgreSQL is presumed to be someone's real installation.
 */
import { count, eq, sql } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import { writeAudit } from "../lib/db/audit";
import { closeDb, getDbHandle, type Tx } from "../lib/db/client";
import { classificationAlternatives, classifications, editions, identifiers, software, users, vendors } from "../lib/db/schema";
import { refreshSearchIndex } from "../lib/db/search-index";
import { normaliseIdentifier } from "../lib/domain/identifiers";
import { defaultReviewDue } from "../lib/domain/review-due";
import { slugify } from "../lib/domain/slug";
import { PERMITTING_STATUSES } from "../lib/domain/vocabulary";
import { refreshStatus } from "../lib/db/status";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { DEMO_DISCLAIMER, seedSoftware } from "./seed-data";
import { seedActivity } from "./seed-activity";

const DAY = 86_400_000;

async function seedUsers(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (existing) {
      ids.set(u.email, existing.id);
      continue;
    }
    const managerId = u.managerEmail ? ids.get(u.managerEmail) ?? null : null;
    const [created] = await tx.insert(users).values({ email: u.email, name: u.name, role: u.role, managerId, passwordHash }).returning();
    ids.set(u.email, created!.id);
    await writeAudit(tx, null, [{ action: "user.created", entityType: "user", entityId: created!.id, after: { email: u.email, role: u.role }, reason: "demo seed" }]);
  }
  return ids;
}

/** A system account that decisions in the demo history are attributed to when no demo users exist. */
async function seedDecider(tx: Tx, demoUsers: Map<string, string>): Promise<string> {
  const reviewer = demoUsers.get("reviewer@example.com");
  if (reviewer) return reviewer;
  const email = "demo-catalogue@vetted.invalid";
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  const [created] = await tx.insert(users).values({ email, name: "Demo catalogue", role: "reviewer", active: false }).returning();
  return created!.id;
}

async function seedCatalogue(tx: Tx, deciderId: string, now: Date): Promise<number> {
  const actor = { id: deciderId, email: "demo seed" };
  const softwareIds = new Map<string, string>();
  const editionIds = new Map<string, string>();
  let created = 0;

  for (const entry of seedSoftware) {
    const slug = slugify(entry.name);
    const [existing] = await tx.select({ id: software.id }).from(software).where(eq(software.slug, slug));
    if (existing) continue;
    let [vendor] = await tx.select().from(vendors).where(sql`lower(${vendors.name}) = lower(${entry.vendor})`);
    if (!vendor) {
      [vendor] = await tx.insert(vendors).values({ name: entry.vendor, slug: slugify(entry.vendor), website: entry.vendorWebsite ?? null }).returning();
    }
    const [row] = await tx
      .insert(software)
      .values({
        slug,
        name: entry.name,
        vendorId: vendor!.id,
        kind: entry.kind,
        category: entry.category,
        description: `${entry.description} ${DEMO_DISCLAIMER}`,
        homepage: entry.homepage ?? null,
        owner: entry.owner ?? null,
      })
      .returning();
    softwareIds.set(entry.name, row!.id);
    for (const edition of entry.editions ?? []) {
      const [e] = await tx
        .insert(editions)
        .values({ softwareId: row!.id, name: edition.name, slug: slugify(edition.name), description: edition.description ?? "" })
        .returning();
      editionIds.set(`${entry.name}/${edition.name}`, e!.id);
    }
    for (const identifier of entry.identifiers ?? []) {
      const value = normaliseIdentifier(identifier.type, identifier.value);
      if (!value) throw new Error(`seed: invalid ${identifier.type} identifier "${identifier.value}" for ${entry.name}`);
      await tx.insert(identifiers).values({
        softwareId: row!.id,
        editionId: identifier.edition ? editionIds.get(`${entry.name}/${identifier.edition}`) ?? null : null,
        type: identifier.type,
        value,
      });
    }
    await writeAudit(tx, actor, [{ action: "software.created", entityType: "software", entityId: row!.id, softwareId: row!.id, after: { name: entry.name, slug }, reason: "demo seed", at: new Date(now.getTime() - (entry.classifications.length * 45 + (entry.name.length % 20) + 1) * DAY) }]);
    created++;
  }

  // Decisions second, so that alternatives can name any entry. Older decisions lie further back.
  for (const entry of seedSoftware) {
    const softwareId = softwareIds.get(entry.name);
    if (!softwareId) continue;
    const count = entry.classifications.length;
    for (const [index, decision] of entry.classifications.entries()) {
      const decidedAt = new Date(now.getTime() - ((count - index) * 45 + (entry.name.length % 20)) * DAY);
      const maxDataClass = PERMITTING_STATUSES.includes(decision.status) ? decision.maxDataClass ?? "internal" : null;
      const [c] = await tx
        .insert(classifications)
        .values({
          softwareId,
          editionId: decision.edition ? editionIds.get(`${entry.name}/${decision.edition}`) ?? null : null,
          status: decision.status,
          maxDataClass,
          conditions: decision.conditions ?? [],
          rationale: decision.rationale,
          decidedById: deciderId,
          decidedAt,
          reviewDueOn: defaultReviewDue(decision.status, decidedAt),
        })
        .returning();
      const alternatives = (decision.alternatives ?? []).map((name) => softwareIds.get(name)).filter((id): id is string => Boolean(id));
      if (alternatives.length > 0) {
        await tx.insert(classificationAlternatives).values(alternatives.map((alternativeId) => ({ classificationId: c!.id, alternativeId })));
      }
      await writeAudit(tx, actor, [
        { action: "classification.decided", entityType: "classification", entityId: c!.id, softwareId, after: { status: c!.status, maxDataClass, editionId: c!.editionId }, reason: decision.rationale, at: decidedAt },
      ]);
    }
    await refreshStatus(tx, softwareId, now);
  }
  await refreshSearchIndex(tx, [...softwareIds.values()]);
  return created;
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const { db, kind } = await getDbHandle();
  const [{ n: softwareCount }] = (await db.select({ n: count() }).from(software)) as [{ n: number }];
  const [{ n: userCount }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
  const holdsData = softwareCount > 0 || userCount > 0;
  if (holdsData && args.has("--if-empty")) {
    console.log(`[seed] the database already holds data (${softwareCount} software, ${userCount} users): leaving it as it is.`);
    return;
  }
  if (holdsData && !args.has("--force")) {
    console.error(`[seed] refusing: the database already holds data (${softwareCount} software, ${userCount} users). Use --force to add the demo data anyway.`);
    process.exitCode = 1;
    return;
  }
  const withUsers = kind === "embedded" || args.has("--demo-users");
  const now = new Date();
  const { created, activity } = await db.transaction(async (tx) => {
    const demoUsers = withUsers ? await seedUsers(tx) : new Map<string, string>();
    const decider = await seedDecider(tx, demoUsers);
    const created = await seedCatalogue(tx, decider, now);
    // Assessments, evidence and the demo employee's requests, so that every page shows its use on first start.
    return { created, activity: await seedActivity(tx, decider, demoUsers, now) };
  });
  console.log(`[seed] ${kind} database: ${created} software entries, ${activity.assessments} assessments, ${activity.requests} requests added${withUsers ? `; demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(", ")}` : ""}.`);
}

main()
  .catch((error: unknown) => {
    console.error("[seed] failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
