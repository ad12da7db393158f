"use client";

import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { TOKEN_SCOPE_LABELS, type TokenScope } from "@/lib/domain/api-tokens";
import { ActionForm, ConfirmSubmit, CopyableSecret, Field, SubmitButton, useFormOutcome } from "./form";

/** Only the scopes the signed-in person's role may hold; the server refuses any other. */
function ScopeChoices({ scopes }: { scopes: TokenScope[] }) {
  const { state } = useFormOutcome();
  const errors = state.status === "error" ? state.fieldErrors?.scopes : undefined;
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">Scopes</legend>
      {scopes.map((scope) => (
        <label key={scope} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="scopes[]" value={scope} /> <code>{scope}</code> <span className="text-slate-600">{TOKEN_SCOPE_LABELS[scope]}</span>
        </label>
      ))}
      {errors && <p className="text-sm text-red-700" data-field-error="scopes">{errors.join(" ")}</p>}
    </fieldset>
  );
}

export function CreateTokenForm({ defaultExpiry, scopes }: { defaultExpiry: string; scopes: TokenScope[] }) {
  return (
    <ActionForm action={createApiTokenAction} className="space-y-4" label="New API token" resetOnSuccess>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" hint="Who or what uses it, e.g. “CI: payments repo”">
          {(p) => <input {...p} className="input" maxLength={100} />}
        </Field>
        <Field name="expiresOn" label="Expires after" hint="At most a year ahead">
          {(p) => <input {...p} type="date" className="input" defaultValue={defaultExpiry} />}
        </Field>
      </div>
      <ScopeChoices scopes={scopes} />
      <SubmitButton>Create token</SubmitButton>
      <NewSecret />
    </ActionForm>
  );
}

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  return (
    <ActionForm action={revokeApiTokenAction} label={`Revoke ${name}`}>
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit question={`Revoke ${name}? Scripts using it stop working at once.`} confirmLabel="Yes, revoke">Revoke</ConfirmSubmit>
    </ActionForm>
  );
}

/** The new token's secret, once, with a copy button. */
function NewSecret() {
  const { state } = useFormOutcome();
  if (state.status !== "ok" || !state.revealed) return null;
  return <CopyableSecret secret={state.revealed} label="The token's secret (shown only now):" />;
}
