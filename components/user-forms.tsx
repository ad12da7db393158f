"use client";

import { useTranslations } from "next-intl";
import { createUserAction, updateUserAction } from "@/lib/actions/users";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/domain/locale";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { ActionForm, Field, SubmitButton } from "./form";

interface Person {
  id: string;
  name: string;
  email: string;
}

function RoleOptions() {
  const t = useTranslations("vocabulary.role");
  return ROLES.map((r) => <option key={r} value={r}>{t(r)}</option>);
}

export function UserRowForm({ user, people }: { user: Person & { role: Role; managerId: string | null; active: boolean; locale: Locale | "" }; people: Person[] }) {
  const t = useTranslations("adminClient.users");
  return (
    <ActionForm action={updateUserAction} className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_14rem_9rem_6rem_auto]" label={t("edit", { email: user.email })}>
      <input type="hidden" name="id" value={user.id} />
      <div className="text-sm">
        <p className="font-medium">{user.name}</p>
        <p className="text-slate-500">{user.email}</p>
      </div>
      <Field name="role" label={t("role")}>
        {(p) => (
          <select {...p} className="input" defaultValue={user.role}>
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field name="managerId" label={t("manager")}>
        {(p) => (
          <select {...p} className="input" defaultValue={user.managerId ?? ""}>
            <option value="">{t("none")}</option>
            {people.filter((m) => m.id !== user.id).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="locale" label={t("language")}>
        {(p) => (
          <select {...p} className="input" defaultValue={user.locale}>
            <option value="">{t("browserLanguage")}</option>
            {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
          </select>
        )}
      </Field>
      <Field name="active" label={t("active")}>
        {(p) => <input {...p} type="checkbox" defaultChecked={user.active} className="mt-3 h-4 w-4" />}
      </Field>
      <div className="pt-6"><SubmitButton className="btn-secondary">{t("save")}</SubmitButton></div>
    </ActionForm>
  );
}

export function CreateUserForm({ people }: { people: Person[] }) {
  const t = useTranslations("adminClient.users");
  return (
    <ActionForm action={createUserAction} className="grid items-start gap-3 sm:grid-cols-3" resetOnSuccess label={t("add")}>
      <Field name="email" label={t("email")}>{(p) => <input {...p} type="email" className="input" maxLength={320} />}</Field>
      <Field name="name" label={t("name")}>{(p) => <input {...p} className="input" maxLength={120} />}</Field>
      <Field name="role" label={t("role")}>
        {(p) => (
          <select {...p} className="input" defaultValue="employee">
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field name="managerId" label={t("manager")}>
        {(p) => (
          <select {...p} className="input" defaultValue="">
            <option value="">{t("none")}</option>
            {people.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="password" label={t("password")} hint={t("passwordHint")}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <div className="pt-6"><SubmitButton>{t("addButton")}</SubmitButton></div>
    </ActionForm>
  );
}
