"use server";

import { revalidatePath } from "next/cache";
import { t } from "../i18n/translate";
import { setChatWebhook, updateSettings } from "../mutations/settings";
import { formAction } from "../server/guard";

export const updateSettingsAction = formAction(updateSettings, () => t("settings.saved"), () => revalidatePath("/", "layout"));
export const setChatWebhookAction = formAction(
  setChatWebhook,
  (after) => (after ? t("settings.chatSet", { host: after.host }) : t("settings.chatRemoved")),
  () => revalidatePath("/admin/settings"),
);
