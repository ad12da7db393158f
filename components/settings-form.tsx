"use client";

import { updateSettingsAction } from "@/lib/actions/settings";
import { LEVEL_LABELS, LEVELS, type Level } from "@/lib/domain/assessment";
import type { RequestSettings } from "@/lib/domain/requests";
import { DATA_CLASSES, STATUS_LABELS, STATUSES, type DataClass, type Status } from "@/lib/domain/vocabulary";
import { ActionForm, Field, SubmitButton } from "./form";

export function SettingsForm({
  labels,
  intervals,
  reassessment,
  requests,
}: {
  labels: Record<DataClass, string>;
  intervals: Record<Status, number>;
  reassessment: Record<Level, number>;
  requests: RequestSettings;
}) {
  return (
    <ActionForm action={updateSettingsAction} className="space-y-6" label="Settings">
      <fieldset className="space-y-3">
        <legend className="font-semibold">Data class labels, least to most sensitive</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {DATA_CLASSES.map((c) => (
            <Field key={c} name={`labels.${c}`} label={`“${c}”`}>
              {(p) => <input {...p} className="input" defaultValue={labels[c]} maxLength={40} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Months until a decision is due for review, by status</legend>
        <div className="grid gap-3 sm:grid-cols-5">
          {STATUSES.map((s) => (
            <Field key={s} name={`intervals.${s}`} label={STATUS_LABELS[s]}>
              {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={intervals[s]} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Months until a tool must be assessed again, by risk tier</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {LEVELS.map((l) => (
            <Field key={l} name={`reassessment.${l}`} label={LEVEL_LABELS[l]}>
              {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={reassessment[l]} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Requests: days each step may take before it is escalated, and the longest exception</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="requests.managerSlaDays" label="Manager decision (days)">
            {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={requests.managerSlaDays} />}
          </Field>
          <Field name="requests.securitySlaDays" label="Security decision (days)">
            {(p) => <input {...p} type="number" min={1} max={60} className="input" defaultValue={requests.securitySlaDays} />}
          </Field>
          <Field name="requests.maxExceptionDays" label="Longest exception (days)">
            {(p) => <input {...p} type="number" min={1} max={730} className="input" defaultValue={requests.maxExceptionDays} />}
          </Field>
        </div>
      </fieldset>
      <SubmitButton>Save settings</SubmitButton>
    </ActionForm>
  );
}
