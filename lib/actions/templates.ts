"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { saveTemplate } from "../mutations/templates";
import { formAction } from "../server/guard";

export const saveTemplateAction = formAction(saveTemplate, (t) => `Saved as version ${t.version}.`, (t) => {
  revalidatePath("/", "layout");
  redirect(`/manage/templates/${t.key}`);
});
