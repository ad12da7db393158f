"use client";

import { useTranslations } from "next-intl";
import { setChatWebhookAction } from "@/lib/actions/settings";
import { ActionForm, Field, SubmitButton } from "./form";

/** The chat webhook: the current one is shown by host only (its path is the secret). */
export function ChatWebhookForm({ current }: { current: { host: string } | null }) {
  const t = useTranslations("settingsClient.chat");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600" data-testid="chat-webhook-status">
        {current ? t("current", { host: current.host }) : t("none")}
      </p>
      <ActionForm action={setChatWebhookAction} label={t("form")} resetOnSuccess className="space-y-3">
        <input type="hidden" name="intent" value="set" />
        <Field name="url" label={current ? t("replace") : t("url")} hint={t("hint")}>
          {(p) => <input {...p} type="url" className="input" autoComplete="off" maxLength={2000} placeholder={t("placeholder")} />}
        </Field>
        <SubmitButton>{t("save")}</SubmitButton>
      </ActionForm>
      {current && (
        <ActionForm action={setChatWebhookAction} label={t("removeForm")}>
          <input type="hidden" name="intent" value="remove" />
          <SubmitButton className="btn-secondary">{t("remove")}</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
