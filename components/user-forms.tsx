"use client";

import { createUserAction, updateUserAction } from "@/lib/actions/users";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { ActionForm, Field, SubmitButton } from "./form";

interface Person {
  id: string;
  name: string;
  email: string;
}

export function UserRowForm({ user, people }: { user: Person & { role: Role; managerId: string | null; active: boolean }; people: Person[] }) {
  return (
    <ActionForm action={updateUserAction} className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_14rem_6rem_auto]" label={`Edit ${user.email}`}>
      <input type="hidden" name="id" value={user.id} />
      <div className="text-sm">
        <p className="font-medium">{user.name}</p>
        <p className="text-slate-500">{user.email}</p>
      </div>
      <Field name="role" label="Role">
        {(p) => (
          <select {...p} className="input" defaultValue={user.role}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        )}
      </Field>
      <Field name="managerId" label="Manager">
        {(p) => (
          <select {...p} className="input" defaultValue={user.managerId ?? ""}>
            <option value="">— none —</option>
            {people.filter((m) => m.id !== user.id).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="active" label="Active">
        {(p) => <input {...p} type="checkbox" defaultChecked={user.active} className="mt-3 h-4 w-4" />}
      </Field>
      <div className="pt-6"><SubmitButton className="btn-secondary">Save</SubmitButton></div>
    </ActionForm>
  );
}

export function CreateUserForm({ people }: { people: Person[] }) {
  return (
    <ActionForm action={createUserAction} className="grid items-start gap-3 sm:grid-cols-3" resetOnSuccess label="Add a user">
      <Field name="email" label="Email">{(p) => <input {...p} type="email" className="input" maxLength={320} />}</Field>
      <Field name="name" label="Name">{(p) => <input {...p} className="input" maxLength={120} />}</Field>
      <Field name="role" label="Role">
        {(p) => (
          <select {...p} className="input" defaultValue="employee">
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        )}
      </Field>
      <Field name="managerId" label="Manager">
        {(p) => (
          <select {...p} className="input" defaultValue="">
            <option value="">— none —</option>
            {people.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="password" label="Password (optional)" hint="Leave empty for single sign-on only; at least 12 characters">
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <div className="pt-6"><SubmitButton>Add user</SubmitButton></div>
    </ActionForm>
  );
}
