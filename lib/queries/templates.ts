import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { assessments, questionnaireTemplates, users } from "../db/schema";
import type { QuestionnaireTemplate } from "../domain/assessment";
import { DEFAULT_TEMPLATE } from "../domain/default-template";

export interface TemplateVersion {
  key: string;
  version: number;
  title: string;
  definition: QuestionnaireTemplate;
  createdBy: string | null;
  createdAt: Date | null;
  /** Assessments that use this version. */
  used: number;
}

/** The built-in default before anyone has used or edited it: version 1, not yet stored. */
const BUILT_IN: TemplateVersion = { key: DEFAULT_TEMPLATE.key, version: DEFAULT_TEMPLATE.version, title: DEFAULT_TEMPLATE.title, definition: DEFAULT_TEMPLATE, createdBy: null, createdAt: null, used: 0 };

/**
 * Every version of one questionnaire (or of all of them), newest first, with how often each is
 * used; empty when there is no such questionnaire.
 */
export async function listTemplateVersions(db: Db, key?: string): Promise<TemplateVersion[]> {
  const rows = await db
    .select({
      key: questionnaireTemplates.key,
      version: questionnaireTemplates.version,
      title: questionnaireTemplates.title,
      definition: questionnaireTemplates.definition,
      createdBy: users.name,
      createdAt: questionnaireTemplates.createdAt,
      used: count(assessments.id),
    })
    .from(questionnaireTemplates)
    .leftJoin(users, eq(users.id, questionnaireTemplates.createdById))
    .leftJoin(assessments, eq(assessments.templateId, questionnaireTemplates.id))
    .where(key === undefined ? undefined : eq(questionnaireTemplates.key, key))
    .groupBy(questionnaireTemplates.id, users.name)
    .orderBy(questionnaireTemplates.key, desc(questionnaireTemplates.version));
  const defaultStored = rows.some((r) => r.key === DEFAULT_TEMPLATE.key);
  return !defaultStored && (key === undefined || key === DEFAULT_TEMPLATE.key) ? [BUILT_IN, ...rows] : rows;
}

/** The latest version of each questionnaire, the default first. */
export async function listTemplates(db: Db): Promise<(TemplateVersion & { versions: number })[]> {
  const all = await listTemplateVersions(db);
  const latest = new Map<string, TemplateVersion & { versions: number }>();
  for (const v of all) {
    const seen = latest.get(v.key);
    if (seen) seen.versions += 1;
    else latest.set(v.key, { ...v, versions: 1 });
  }
  return [...latest.values()].sort((a, b) => Number(b.key === DEFAULT_TEMPLATE.key) - Number(a.key === DEFAULT_TEMPLATE.key) || a.title.localeCompare(b.title));
}

/** The questionnaire the help page explains: the latest default version. */
export async function getCurrentDefaultTemplate(db: Db): Promise<QuestionnaireTemplate> {
  const [row] = await db
    .select({ definition: questionnaireTemplates.definition })
    .from(questionnaireTemplates)
    .where(eq(questionnaireTemplates.key, DEFAULT_TEMPLATE.key))
    .orderBy(desc(questionnaireTemplates.version))
    .limit(1);
  return row?.definition ?? DEFAULT_TEMPLATE;
}
