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
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/domain/webhooks";
import { ActionForm, Field, SubmitButton, useFormOutcome } from "./form";

function EventChoices({ selected = [] }: { selected?: readonly string[] }) {
  const { state } = useFormOutcome();
  const errors = state.status === "error" ? state.fieldErrors?.events : undefined;
  return (
    <fieldset className="space-y-1" aria-describedby={errors ? "webhook-events-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">Events</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="events[]" value={event} defaultChecked={selected.includes(event)} /> <code>{event}</code>{" "}
          <span className="text-slate-600">{WEBHOOK_EVENT_LABELS[event]}</span>
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
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field name="name" label="Name" hint="What receives it, e.g. “SIEM” or “ServiceNow sync”">
        {(p) => <input {...p} className="input" maxLength={100} defaultValue={name} />}
      </Field>
      <Field name="url" label="URL" hint={`${allowHttp ? "https:// (plain http:// is allowed on this installation)" : "https:// only"}; no user name or password in it; a public address, or an internal one the installation allows (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOWED_CIDRS)`}>
        {(p) => <input {...p} type="url" className="input" maxLength={2000} autoComplete="off" defaultValue={url} placeholder="https://hooks.example.com/vetted" />}
      </Field>
    </div>
  );
}

export function CreateWebhookForm({ allowHttp }: { allowHttp: boolean }) {
  return (
    <ActionForm action={createWebhookAction} className="space-y-4" label="New webhook" resetOnSuccess>
      <EndpointFields allowHttp={allowHttp} />
      <EventChoices />
      <SubmitButton>Create webhook</SubmitButton>
    </ActionForm>
  );
}

export function EditWebhookForm({ endpoint, allowHttp }: { endpoint: { id: string; name: string; url: string; events: readonly string[] }; allowHttp: boolean }) {
  return (
    <ActionForm action={updateWebhookAction} className="space-y-4" label="Edit webhook">
      <input type="hidden" name="id" value={endpoint.id} />
      <EndpointFields name={endpoint.name} url={endpoint.url} allowHttp={allowHttp} />
      <EventChoices selected={endpoint.events as readonly WebhookEvent[]} />
      <SubmitButton className="btn-secondary">Save changes</SubmitButton>
    </ActionForm>
  );
}

export function SendTestEventForm({ id, disabled }: { id: string; disabled: boolean }) {
  return (
    <ActionForm action={sendTestWebhookAction} label="Send test event">
      <input type="hidden" name="id" value={id} />
      {disabled ? (
        <button type="button" className="btn" disabled title="Enable the webhook first">
          Send test event
        </button>
      ) : (
        <SubmitButton>Send test event</SubmitButton>
      )}
    </ActionForm>
  );
}

export function EnableWebhookForm({ id, enabled }: { id: string; enabled: boolean }) {
  return (
    <ActionForm action={setWebhookEnabledAction} label={enabled ? "Disable webhook" : "Enable webhook"}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <SubmitButton className="btn-secondary">{enabled ? "Disable" : "Enable"}</SubmitButton>
    </ActionForm>
  );
}

export function RotateSecretForm({ id }: { id: string }) {
  return (
    <ActionForm action={rotateWebhookSecretAction} label="Rotate signing secret" className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="keepPrevious" className="mt-1" />
        <span>Keep signing with the old secret too for 24 hours, so receivers can switch over without refusing deliveries (leave unticked if the secret leaked)</span>
      </label>
      <SubmitButton className="btn-secondary">Rotate secret</SubmitButton>
    </ActionForm>
  );
}

export function DeleteWebhookForm({ id, name }: { id: string; name: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800">Delete this webhook…</summary>
      <ActionForm action={deleteWebhookAction} label={`Delete ${name}`} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={id} />
        <p className="text-slate-600">Its delivery log goes with it, and deliveries still pending are not sent. The audit trail keeps a record.</p>
        <SubmitButton className="btn-secondary">Delete “{name}”</SubmitButton>
      </ActionForm>
    </details>
  );
}

export function RedeliverForm({ deliveryId }: { deliveryId: string }) {
  return (
    <ActionForm action={redeliverWebhookAction} label="Redeliver">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton className="btn-secondary">Redeliver</SubmitButton>
    </ActionForm>
  );
}
