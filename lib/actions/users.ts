"use server";

import { revalidatePath } from "next/cache";
import { t } from "../i18n/translate";
import { createUser, updateUser } from "../mutations/users";
import { formAction } from "../server/guard";

const refreshUsers = () => revalidatePath("/admin/users");

export const createUserAction = formAction(createUser, (u) => t("admin.users.created", { email: u.email }), refreshUsers);
export const updateUserAction = formAction(updateUser, (u) => t("admin.users.saved", { email: u.email }), refreshUsers);
