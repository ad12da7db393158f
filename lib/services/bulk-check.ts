import "server-only";
import type { Db } from "../db/client";
import { summariseVerdicts, type BulkSummary } from "../domain/bulk-check";
import { findPrototypeKey } from "../domain/prototype-keys";
import { ManifestError, MAX_BULK_ITEMS, parseManifest, type ManifestFormat, type ManifestProblem, type PackageType } from "../domain/manifests";
import type { DataClass } from "../domain/vocabulary";
import { ValidationFailed } from "../errors";
import { t } from "../i18n/translate";
import { activeGrantFactsBySoftware } from "../queries/requests";
import { getSettings } from "../queries/settings";
import { completedAssessmentsBySoftware } from "../queries/assessments";
import { getSoftwareDetailsByIds, resolveSoftwareMany } from "../queries/software";
import { parseInput, prototypeKeyRefused } from "../server/validation";
import { BulkCheckFile, BulkCheckItems } from "../validation/api";
import { answerCheck, type CheckAnswer } from "./verdicts";

/** One thing to check: free text (a name or any identifier) or a package of a known type. */
export interface BulkItem {
  q: string;
  /** Absent: any name or identifier, with a close misspelling accepted, as GET /api/v1/check does. */
  type?: PackageType;
  version?: string;
  dev?: boolean;
  dataClass?: DataClass;
  edition?: string;
}

export type BulkItemAnswer = CheckAnswer & { type: PackageType | null; version: string | null; dev: boolean };

export interface BulkCheckAnswer {
  /** The manifest format read, or null for a list of items. */
  format: ManifestFormat | null;
  items: BulkItemAnswer[];
  summary: BulkSummary;
}

/**
 * Answers up to 1,000 items for one person in a fixed number of queries: identifiers and
 * names are resolved in batches, the software found are loaded together, their grants
 * together; only free-text items that match nothing exactly cost a fuzzy lookup each.
 */
export async function bulkCheck(
  db: Db,
  items: readonly BulkItem[],
  context: { baseUrl: string; now: Date; userId?: string; format?: ManifestFormat | null },
): Promise<BulkCheckAnswer> {
  if (items.length > MAX_BULK_ITEMS) throw new ValidationFailed(t("browse.manifest.tooManyItems", { max: String(MAX_BULK_ITEMS), count: String(items.length) }));
  const [{ dataClassLabels }, resolutions] = await Promise.all([
    getSettings(db),
    resolveSoftwareMany(db, items.map((item) => ({ q: item.q, type: item.type ?? "any" }))),
  ]);
  const softwareIds = [...new Set(resolutions.flatMap((r) => (r ? [r.softwareId] : [])))];
  const [details, grants, assessments] = await Promise.all([
    getSoftwareDetailsByIds(db, softwareIds),
    context.userId ? activeGrantFactsBySoftware(db, context.userId, softwareIds, context.now) : Promise.resolve(new Map()),
    completedAssessmentsBySoftware(db, softwareIds),
  ]);
  const detailById = new Map(details.map((d) => [d.id, d]));
  const answers = items.map((item, index): BulkItemAnswer => {
    const resolution = resolutions[index];
    const detail = resolution ? detailById.get(resolution.softwareId) : undefined;
    const answer = answerCheck({
      input: { q: item.q, dataClass: item.dataClass, edition: item.edition },
      found: resolution && detail ? { detail, editionId: resolution.editionId, match: resolution.match } : null,
      grants: detail ? (grants.get(detail.id) ?? []) : [],
      assessments: detail ? (assessments.get(detail.id) ?? []) : [],
      dataClassLabels,
      baseUrl: context.baseUrl,
      now: context.now,
    });
    return { ...answer, type: item.type ?? null, version: item.version ?? null, dev: item.dev ?? false };
  });
  return { format: context.format ?? null, items: answers, summary: summariseVerdicts(answers.map((a) => a.verdict)) };
}

/** A manifest's text → the items to check, every one for `dataClass`. A file that cannot be read is a 400 naming why. */
export function itemsFromManifest(text: string, dataClass?: DataClass): { format: ManifestFormat; items: BulkItem[] } {
  try {
    const parsed = parseManifest(text);
    return {
      format: parsed.format,
      items: parsed.items.map((item) => ({
        q: item.name, type: item.type,
        ...(item.version ? { version: item.version } : {}), ...(item.dev ? { dev: true } : {}), ...(dataClass ? { dataClass } : {}),
      })),
    };
  } catch (error) {
    if (error instanceof ManifestError) {
      const problem = manifestProblemText(error.problem);
      throw new ValidationFailed(t("browse.manifest.cannotRead", { problem }), { file: [problem] });
    }
    throw error;
  }
}

/**
 * What POST /api/v1/check was sent, as items. A JSON body (Content-Type application/json)
 * with `items` is a list and with `file` a manifest's text; any other JSON body, and any
 * other content type, is the manifest itself (its format read from its content).
 * `dataClass` (from the query string) applies to every item that names none.
 */
export function itemsFromRequestBody(
  text: string,
  contentType: string,
  dataClass?: DataClass,
): { format: ManifestFormat | null; items: BulkItem[] } {
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType.trim())) return itemsFromManifest(text, dataClass);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ValidationFailed(t("browse.manifest.bodyNotJson", { detail: (error as Error).message }));
  }
  if (typeof json === "object" && json !== null && !Array.isArray(json)) {
    if ("items" in json) {
      const prototypeKey = findPrototypeKey(json);
      if (prototypeKey !== null) throw prototypeKeyRefused(prototypeKey);
      const input = parseInput(BulkCheckItems, json);
      const fallback = input.dataClass ?? dataClass;
      return {
        format: null,
        items: input.items.map((item) => {
          const itemClass = item.dataClass ?? fallback;
          return { q: item.q, ...(item.type ? { type: item.type } : {}), ...(item.edition ? { edition: item.edition } : {}), ...(itemClass ? { dataClass: itemClass } : {}) };
        }),
      };
    }
    if ("file" in json) {
      const input = parseInput(BulkCheckFile, json);
      return itemsFromManifest(input.file, input.dataClass ?? dataClass);
    }
  }
  return itemsFromManifest(text, dataClass);
}

/** Why a manifest cannot be read, in the reader's language: "line 4: ">>> 2" is not a version specifier." */
export function manifestProblemText(problem: ManifestProblem): string {
  const values = Object.fromEntries(
    Object.entries(problem.values ?? {}).map(([name, value]) => [name, typeof value === "object" ? t("browse.manifest.line", { line: String(value.line) }) : value]),
  );
  return t(`browse.manifest.${problem.key}`, values);
}
