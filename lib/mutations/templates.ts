import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { questionnaireTemplates } from "../db/schema";
import type { QuestionnaireTemplate } from "../domain/assessment";
import { DEFAULT_TEMPLATE } from "../domain/default-template";
import { Conflict } from "../errors";
import { t } from "../i18n/translate";
import { defineMutation } from "../server/guard";
import { SaveTemplateInput } from "../validation/templates";

type TemplateRow = typeof questionnaireTemplates.$inferSelect;

/**
 * The newest version of a questionnaire. The built-in default is stored as version 1 on first
 * use, so every assessment points at a stored version.
 */
export async function currentTemplate(tx: Tx, key: string): Promise<TemplateRow | undefined> {
  const [latest] = await tx
    .select()
    .from(questionnaireTemplates)
    .where(eq(questionnaireTemplates.key, key))
    .orderBy(desc(questionnaireTemplates.version))
    .limit(1);
  if (latest || key !== DEFAULT_TEMPLATE.key) return latest;
  const [created] = await tx
    .insert(questionnaireTemplates)
    .values({ key: DEFAULT_TEMPLATE.key, version: DEFAULT_TEMPLATE.version, title: DEFAULT_TEMPLATE.title, definition: DEFAULT_TEMPLATE })
    .onConflictDoNothing()
    .returning();
  return created ?? (await currentTemplate(tx, key));
}

/**
 * Saves a questionnaire as a new version (or version 1 of a new one). Earlier versions stay as
 * they were: assessments keep the version they used. Two authors starting from the same
 * version: the second is told, rather than overwriting the first.
 */
export const saveTemplate = defineMutation({
  name: "saveTemplate",
  action: "template.write",
  input: SaveTemplateInput,
  async run({ tx, actor, input }) {
    const latest = await currentTemplate(tx, input.key);
    const latestVersion = latest?.version ?? 0;
    if (input.baseVersion === 0 && latest) {
      throw new Conflict(t("templates.errors.keyTaken", { key: input.key }), { key: [t("templates.errors.keyTakenField")] });
    }
    if (input.baseVersion !== latestVersion) {
      throw new Conflict(t("templates.errors.stale", { latest: latestVersion, base: input.baseVersion }));
    }
    // Two saves racing past the check above meet the unique (key, version) index: a 409.
    const version = latestVersion + 1;
    const definition: QuestionnaireTemplate = { key: input.key, version, title: input.title, ...input.definition };
    const [created] = await tx
      .insert(questionnaireTemplates)
      .values({ key: input.key, version, title: input.title, definition, createdById: actor.id })
      .returning({ id: questionnaireTemplates.id, key: questionnaireTemplates.key, version: questionnaireTemplates.version });
    return {
      result: created!,
      audit: [
        {
          action: "template.saved",
          entityType: "questionnaire_template",
          entityId: created!.id,
          before: latest ? { version: latest.version, questions: latest.definition.questions.length, mitigations: latest.definition.mitigations.length } : null,
          after: { key: input.key, version, title: input.title, questions: definition.questions.length, mitigations: definition.mitigations.length },
        },
      ],
    };
  },
});
