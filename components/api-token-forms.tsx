"use client";

import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { useTranslations } from "next-intl";
import { TOKEN_SCOPE_KEYS, type TokenScope } from "@/lib/domain/api-tokens";
import { ActionForm, ConfirmSubmit, CopyableSecret, Field, SubmitButton, useFormOutcome } from "./form";

/** Only the scopes the signed-in person's role may hold; the server refuses any other. */
function ScopeChoices({ scopes }: { scopes: TokenScope[] }) {
  const t = useTranslations("adminClient.tokens");
  const { state } = useFormOutcome();
  const errors = state.status === "error" ? state.fieldErrors?.scopes : undefined;
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{t("scopes")}</legend>
      {scopes.map((scope) => (
        <label key={scope} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="scopes[]" value={scope} /> <code>{scope}</code> <span className="text-slate-600">{t(`scope.${TOKEN_SCOPE_KEYS[scope]}`)}</span>
        </label>
      ))}
      {errors && <p className="text-sm text-red-700" data-field-error="scopes">{errors.join(" ")}</p>}
    </fieldset>
  );
}

export function CreateTokenForm({ defaultExpiry, scopes }: { defaultExpiry: string; scopes: TokenScope[] }) {
  const t = useTranslations("adminClient.tokens");
  return (
    <ActionForm action={createApiTokenAction} className="space-y-4" label={t("form")} resetOnSuccess>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={t("name")} hint={t("nameHint")}>
          {(p) => <input {...p} className="input" maxLength={100} />}
        </Field>
        <Field name="expiresOn" label={t("expires")} hint={t("expiresHint")}>
          {(p) => <input {...p} type="date" className="input" defaultValue={defaultExpiry} />}
        </Field>
      </div>
      <ScopeChoices scopes={scopes} />
      <SubmitButton>{t("create")}</SubmitButton>
      <NewSecret />
    </ActionForm>
  );
}

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("adminClient.tokens");
  return (
    <ActionForm action={revokeApiTokenAction} label={t("revokeForm", { name })}>
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit question={t("revokeQuestion", { name })} confirmLabel={t("revokeConfirm")}>{t("revoke")}</ConfirmSubmit>
    </ActionForm>
  );
}

/** The new token's secret, once, with a copy button. */
function NewSecret() {
  const t = useTranslations("adminClient.tokens");
  const { state } = useFormOutcome();
  if (state.status !== "ok" || !state.revealed) return null;
  return <CopyableSecret secret={state.revealed} label={t("secret")} />;
}
