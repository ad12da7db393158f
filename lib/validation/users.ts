import { z } from "zod";
import { LOCALES } from "../domain/locale";
import { ROLES } from "../domain/vocabulary";
import { tr } from "../i18n/translate";
import { checkbox, optional, requiredLine, uuid } from "./fields";

export const UpdateUserInput = z.object({
  id: uuid("admin.users.fields.user"),
  role: z.enum(ROLES, tr("admin.users.validation.role")),
  managerId: optional(uuid("admin.users.fields.manager")),
  active: checkbox,
  /** The person's language: "" for their browser's; not sent (an older form, a script), left as it is. */
  locale: z.union([z.enum(LOCALES), z.literal("")], tr("admin.users.validation.locale")).optional(),
});

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().max(320, tr("admin.users.validation.emailTooLong")).pipe(z.email(tr("admin.users.validation.emailInvalid"))),
  name: requiredLine("admin.users.fields.name", 120),
  role: z.enum(ROLES, tr("admin.users.validation.role")),
  managerId: optional(uuid("admin.users.fields.manager")),
  /** Optional: without one the user signs in through SSO only. */
  password: optional(z.string().min(12, tr("admin.users.validation.passwordShort")).max(256, tr("admin.users.validation.passwordLong"))),
});
