"use client";

import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverWebhookAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEnabledAction,
  updateWebhookAction,
} from "@/lib/actions/webhooks";
import { useTranslations } from "next-intl";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/domain/webhooks";
import { ActionForm, Field, SubmitButton, useFormOutcome } from "./form";

/** Each event's description in the catalogue (webhooksClient.event.*). */
const EVENT_KEYS = {
  "classification.changed": "classificationChanged",
  "request.decided": "requestDecided",
  "grant.created": "grantCreated",
  "grant.expired": "grantExpired",
} as const satisfies Record<WebhookEvent, string>;

function EventChoices({ selected = [] }: { selected?: readonly string[] }) {
  const t = useTranslations("webhooksClient");
  const { state } = useFormOutcome();
  const errors = state.status === "error" ? state.fieldErrors?.events : undefined;
  return (
    <fieldset className="space-y-1" aria-describedby={errors ? "webhook-events-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">{t("events")}</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="events[]" value={event} defaultChecked={selected.includes(event)} /> <code>{event}</code>{" "}
          <span className="text-slate-600">{t(`event.${EVENT_KEYS[event]}`)}</span>
        </label>
      ))}
      {errors && (
        <p id="webhook-events-error" className="text-sm text-red-700" data-field-error="events">
          {errors.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

function EndpointFields({ name = "", url = "", allowHttp }: { name?: string; url?: string; allowHttp: boolean }) {
  const t = useTranslations("webhooksClient");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field name="name" label={t("name")} hint={t("nameHint")}>
        {(p) => <input {...p} className="input" maxLength={100} defaultValue={name} />}
      </Field>
      <Field name="url" label={t("url")} hint={allowHttp ? t("urlHintHttp") : t("urlHintHttps")}>
        {(p) => <input {...p} type="url" className="input" maxLength={2000} autoComplete="off" defaultValue={url} placeholder={t("urlPlaceholder")} />}
      </Field>
    </div>
  );
}

export function CreateWebhookForm({ allowHttp }: { allowHttp: boolean }) {
  const t = useTranslations("webhooksClient");
  return (
    <ActionForm action={createWebhookAction} className="space-y-4" label={t("newForm")} resetOnSuccess>
      <EndpointFields allowHttp={allowHttp} />
      <EventChoices />
      <SubmitButton>{t("create")}</SubmitButton>
    </ActionForm>
  );
}

export function EditWebhookForm({ endpoint, allowHttp }: { endpoint: { id: string; name: string; url: string; events: readonly string[] }; allowHttp: boolean }) {
  const t = useTranslations("webhooksClient");
  return (
    <ActionForm action={updateWebhookAction} className="space-y-4" label={t("editForm")}>
      <input type="hidden" name="id" value={endpoint.id} />
      <EndpointFields name={endpoint.name} url={endpoint.url} allowHttp={allowHttp} />
      <EventChoices selected={endpoint.events as readonly WebhookEvent[]} />
      <SubmitButton className="btn-secondary">{t("save")}</SubmitButton>
    </ActionForm>
  );
}

export function SendTestEventForm({ id, disabled }: { id: string; disabled: boolean }) {
  const t = useTranslations("webhooksClient");
  return (
    <ActionForm action={sendTestWebhookAction} label={t("sendTest")}>
      <input type="hidden" name="id" value={id} />
      {disabled ? (
        <button type="button" className="btn" disabled title={t("enableFirst")}>
          {t("sendTest")}
        </button>
      ) : (
        <SubmitButton>{t("sendTest")}</SubmitButton>
      )}
    </ActionForm>
  );
}

export function EnableWebhookForm({ id, enabled }: { id: string; enabled: boolean }) {
  const t = useTranslations("webhooksClient");
  return (
    <ActionForm action={setWebhookEnabledAction} label={enabled ? t("disableForm") : t("enableForm")}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <SubmitButton className="btn-secondary">{enabled ? t("disable") : t("enable")}</SubmitButton>
    </ActionForm>
  );
}

export function RotateSecretForm({ id }: { id: string }) {
  const t = useTranslations("webhooksClient");
  return (
    <ActionForm action={rotateWebhookSecretAction} label={t("rotateForm")} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="keepPrevious" className="mt-1" />
        <span>{t("keepPrevious")}</span>
      </label>
      <SubmitButton className="btn-secondary">{t("rotate")}</SubmitButton>
    </ActionForm>
  );
}

export function DeleteWebhookForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("webhooksClient");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800">{t("deleteOpen")}</summary>
      <ActionForm action={deleteWebhookAction} label={t("deleteForm", { name })} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={id} />
        <p className="text-slate-600">{t("deleteExplain")}</p>
        <SubmitButton className="btn-secondary">{t("delete", { name })}</SubmitButton>
      </ActionForm>
    </details>
  );
}

export function RedeliverForm({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooksClient");
  return (
    <ActionForm action={redeliverWebhookAction} label={t("redeliver")}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton className="btn-secondary">{t("redeliver")}</SubmitButton>
    </ActionForm>
  );
}
