"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { saveTemplate } from "../mutations/templates";
import { t } from "../i18n/translate";
import { formAction } from "../server/guard";

export const saveTemplateAction = formAction(saveTemplate, (saved) => t("templates.done.saved", { version: saved.version }), (t) => {
  revalidatePath("/", "layout");
  redirect(`/manage/templates/${t.key}`);
});
