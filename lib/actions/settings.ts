"use server";

import { revalidatePath } from "next/cache";
import { updateSettings } from "../mutations/settings";
import { formAction } from "../server/guard";

export const updateSettingsAction = formAction(updateSettings, () => "Settings saved.", () => revalidatePath("/", "layout"));
