"use client";

import { setChatWebhookAction } from "@/lib/actions/settings";
import { ActionForm, Field, SubmitButton } from "./form";

/** The chat webhook: the current one is shown by host only (its path is the secret). */
export function ChatWebhookForm({ current }: { current: { host: string } | null }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600" data-testid="chat-webhook-status">
        {current ? `Every notice is also posted to an incoming webhook at ${current.host}.` : "No chat webhook: notices go to the app and by email only."}
      </p>
      <ActionForm action={setChatWebhookAction} label="Chat webhook" resetOnSuccess className="space-y-3">
        <input type="hidden" name="intent" value="set" />
        <Field name="url" label={current ? "Replace with another webhook URL" : "Incoming webhook URL"} hint="A Slack or Microsoft Teams incoming webhook (https://…). Each notice is posted as one line with its link.">
          {(p) => <input {...p} type="url" className="input" autoComplete="off" maxLength={2000} placeholder="https://hooks.slack.com/services/…" />}
        </Field>
        <SubmitButton>Save webhook</SubmitButton>
      </ActionForm>
      {current && (
        <ActionForm action={setChatWebhookAction} label="Remove chat webhook">
          <input type="hidden" name="intent" value="remove" />
          <SubmitButton className="btn-secondary">Remove webhook</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
