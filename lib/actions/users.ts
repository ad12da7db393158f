"use server";

import { revalidatePath } from "next/cache";
import { createUser, updateUser } from "../mutations/users";
import { formAction } from "../server/guard";

const refreshUsers = () => revalidatePath("/admin/users");

export const createUserAction = formAction(createUser, (u) => `Added ${u.email}.`, refreshUsers);
export const updateUserAction = formAction(updateUser, (u) => `Saved ${u.email}.`, refreshUsers);
