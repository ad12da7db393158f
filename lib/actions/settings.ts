"use server";

import { revalidatePath } from "next/cache";
import { setChatWebhook, updateSettings } from "../mutations/settings";
import { formAction } from "../server/guard";

export const updateSettingsAction = formAction(updateSettings, () => "Settings saved.", () => revalidatePath("/", "layout"));
export const setChatWebhookAction = formAction(
  setChatWebhook,
  (after) => (after ? `Notices are now also posted to ${after.host}.` : "Notices are no longer posted to chat."),
  () => revalidatePath("/admin/settings"),
);
