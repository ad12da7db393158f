import "server-only";
import { now as clockNow } from "../clock";
import { config } from "../config";
import type { Db } from "../db/client";
import { domainBlocklist, extensionPolicy, packageDenyList, santaRules, type PackageEcosystem } from "../domain/enforcement";
import { listEnforcedIdentifiers } from "../queries/enforcement";

/** The enforcement exports as the API serves them: the catalogue now, at the app's public URL. */

async function current(db: Db) {
  const generatedAt = clockNow();
  return { entries: await listEnforcedIdentifiers(db, generatedAt), options: { baseUrl: config().baseUrl, generatedAt } };
}

export async function santaExport(db: Db, include: Set<"restricted" | "approved">) {
  const { entries, options } = await current(db);
  return santaRules(entries, { ...options, includeRestricted: include.has("restricted"), includeApproved: include.has("approved") });
}

export async function chromeExport(db: Db, include: Set<"restricted">) {
  const { entries, options } = await current(db);
  return extensionPolicy(entries, { ...options, includeRestricted: include.has("restricted") });
}

export async function domainsExport(db: Db, include: Set<"restricted">) {
  const { entries, options } = await current(db);
  return domainBlocklist(entries, { ...options, includeRestricted: include.has("restricted") });
}

export async function packagesExport(db: Db, ecosystem: PackageEcosystem) {
  const { entries, options } = await current(db);
  return packageDenyList(entries, ecosystem, options);
}
