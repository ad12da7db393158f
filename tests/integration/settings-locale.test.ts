import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { Forbidden, ValidationFailed } from "@/lib/errors";
import { messagesFor, runInLocale, translator } from "@/lib/i18n/translate";
import { updateSettings } from "@/lib/mutations/settings";
import { getLocaleSettings, getSettings } from "@/lib/queries/settings";
import { runMutation } from "@/lib/server/guard";
import { makeUser } from "../support/fixtures";

let db: Db;
let admin: SessionUser;

beforeAll(async () => {
  db = await getDb();
  admin = await makeUser(db, "admin");
});

afterAll(async () => {
  // Other files read the settings: the catalogue's words and English again.
  await runMutation(updateSettings, admin, { ...(await unchangedInput()), defaultLocale: "en", "dataClass-zh-CN": {}, "status-zh-CN": {}, "status-en": {} });
  await closeDb();
});

/** The form as it is today, intervals and deadlines unchanged. */
async function unchangedInput() {
  const current = await getSettings(db);
  return { intervals: current.reviewIntervalMonths, reassessment: current.reassessmentMonths, requests: current.requests };
}

async function settingsEvents() {
  return db.select().from(auditEvents).where(eq(auditEvents.action, "settings.updated"));
}

async function refusal(input: Record<string, unknown>, locale: "en" | "zh-CN" = "en"): Promise<ValidationFailed> {
  const error = await runInLocale(locale, () => runMutation(updateSettings, admin, input)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationFailed);
  return error as ValidationFailed;
}

describe("language settings", () => {
  it("saves the company's default language and its own labels per language, audited, laid over the catalogue", async () => {
    const before = (await settingsEvents()).length;
    await runMutation(updateSettings, admin, {
      ...(await unchangedInput()),
      defaultLocale: "zh-CN",
      "dataClass-zh-CN": { public: " 公开数据 ", internal: "", confidential: "", restricted: "" },
      "status-zh-CN": { approved: "可以使用" },
      "status-en": { approved: "Cleared" },
    });
    const saved = await getLocaleSettings(db);
    expect(saved.defaultLocale).toBe("zh-CN");
    expect(saved.overrides["zh-CN"]).toMatchObject({ "vocabulary.dataClass.public": "公开数据", "vocabulary.status.approved": "可以使用" });
    // An empty label is the catalogue's word: nothing stored for it.
    expect(saved.overrides["zh-CN"]["vocabulary.dataClass.internal"]).toBeUndefined();
    expect(saved.overrides.en["vocabulary.status.approved"]).toBe("Cleared");
    expect(translator("zh-CN", saved.overrides["zh-CN"])("vocabulary.dataClass.public")).toBe("公开数据");
    expect(messagesFor("zh-CN", saved.overrides["zh-CN"]).vocabulary.dataClass.internal).toBe("内部");
    // The English data-class labels are unchanged for the readers of data_class_labels.
    expect((await getSettings(db)).dataClassLabels).toEqual({ public: "Public", internal: "Internal", confidential: "Confidential", restricted: "Restricted" });

    const events = await settingsEvents();
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.actorId).toBe(admin.id);
    expect(event.after).toMatchObject({ defaultLocale: "zh-CN", labels: { "zh-CN": { "vocabulary.dataClass.public": "公开数据" }, en: { "vocabulary.status.approved": "Cleared" } } });
    expect(event.before).toMatchObject({ defaultLocale: "en" });

    // Saved again as it is: nothing written, nothing audited.
    await runMutation(updateSettings, admin, { ...(await unchangedInput()), defaultLocale: "zh-CN", "status-zh-CN": { approved: "可以使用" } });
    expect(await settingsEvents()).toHaveLength(before + 1);

    // A group left out stays; a group sent with an empty label goes back to the catalogue's word.
    await runMutation(updateSettings, admin, { ...(await unchangedInput()), "status-en": { approved: "" } });
    const after = await getLocaleSettings(db);
    expect(after.overrides.en["vocabulary.status.approved"]).toBeUndefined();
    expect(after.overrides["zh-CN"]["vocabulary.status.approved"]).toBe("可以使用");
    expect(after.defaultLocale).toBe("zh-CN");
  });

  it("still takes the English data-class labels under their old name, and writes them where machine output reads them", async () => {
    await runMutation(updateSettings, admin, { ...(await unchangedInput()), labels: { public: "Open", internal: "", confidential: "Confidential", restricted: "Restricted" } });
    expect((await getSettings(db)).dataClassLabels).toEqual({ public: "Open", internal: "Internal", confidential: "Confidential", restricted: "Restricted" });
    expect((await getLocaleSettings(db)).overrides.en["vocabulary.dataClass.public"]).toBe("Open");
    await runMutation(updateSettings, admin, { ...(await unchangedInput()), "dataClass-en": { public: "" } });
    expect((await getSettings(db)).dataClassLabels.public).toBe("Public");
  });

  it("refuses a bad label or language with a sentence naming it, in the reader's language, and changes nothing", async () => {
    const before = await getLocaleSettings(db);
    const events = (await settingsEvents()).length;
    const base = await unchangedInput();

    const brackets = await refusal({ ...base, "dataClass-zh-CN": { public: "公开 {x}" } });
    expect(brackets.fieldErrors).toEqual({ "dataClass-zh-CN.public": ["The Chinese label for “公开” cannot contain curly or angle brackets."] });
    const long = await refusal({ ...base, "status-en": { restricted: "x".repeat(41) } });
    expect(long.fieldErrors).toEqual({ "status-en.restricted": ["The English label for “Restricted” must be at most 40 characters."] });
    const control = await refusal({ ...base, "status-en": { prohibited: "No\u0000" } });
    expect(control.fieldErrors?.["status-en.prohibited"]?.[0]).toMatch(/^The English label for “Prohibited” contains characters that cannot be saved/);
    const language = await refusal({ ...base, defaultLocale: "fr" });
    expect(language.fieldErrors).toEqual({ defaultLocale: ["Choose one of the languages offered as the company's default."] });
    const inChinese = await refusal({ ...base, "dataClass-zh-CN": { public: "<b>" } }, "zh-CN");
    expect(inChinese.fieldErrors).toEqual({ "dataClass-zh-CN.public": ["“公开”的中文名称不能包含花括号或尖括号。"] });

    expect(await getLocaleSettings(db)).toEqual(before);
    expect(await settingsEvents()).toHaveLength(events);
  });

  it("is for admins only", async () => {
    const reviewer = await makeUser(db, "reviewer");
    await expect(runMutation(updateSettings, reviewer, { ...(await unchangedInput()), defaultLocale: "zh-CN" })).rejects.toBeInstanceOf(Forbidden);
  });
});
