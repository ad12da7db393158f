"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import {
  commentOnRequestAction,
  decideRequestAction,
  joinRequestAction,
  requestExceptionAction,
  requestNewSoftwareAction,
  revokeGrantAction,
  withdrawRequestAction,
} from "@/lib/actions/requests";
import type { RequestStatus } from "@/lib/domain/requests";
import { DATA_CLASSES, type DataClass } from "@/lib/domain/vocabulary";
import { EditionField } from "./catalogue-forms";
import { ActionForm, ConfirmSubmit, Field, SubmitButton } from "./form";

interface Option {
  id: string;
  name: string;
}

/** Asking for an exception to use a tool: for which edition and data, why, and until when. */
export function ExceptionRequestForm({ idempotencyKey, software, editions, dataClassLabels, dataClass, editionId, today, latest, maxDays }: {
  idempotencyKey: string;
  software: Option;
  editions: Option[];
  dataClassLabels: Record<DataClass, string>;
  dataClass?: DataClass;
  editionId?: string;
  today: string;
  latest: string;
  maxDays: number;
}) {
  return (
    <ActionForm action={requestExceptionAction} className="space-y-4" label="Request an exception">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="softwareId" value={software.id} />
      <div className="grid gap-4 sm:grid-cols-3">
        {editions.length > 0 && <EditionField label="Edition" editions={editions} defaultValue={editionId} />}
        <Field name="dataClass" label="Most sensitive data you will use it with">
          {(p) => (
            <select {...p} className="input" defaultValue={dataClass ?? ""}>
              <option value="" disabled>Choose…</option>
              {DATA_CLASSES.map((c) => <option key={c} value={c}>{dataClassLabels[c]}</option>)}
            </select>
          )}
        </Field>
        <Field name="endsOn" label="Until (last day)" hint={`At most ${maxDays} days ahead: ${latest}`}>
          {(p) => <input {...p} type="date" className="input" min={today} max={latest} />}
        </Field>
      </div>
      <Field name="purpose" label="Purpose" hint="What you will use it for, in a line">
        {(p) => <input {...p} className="input" maxLength={300} />}
      </Field>
      <Field name="justification" label="Justification" hint="Why the approved alternatives do not do the job, and how you will limit the risk">
        {(p) => <textarea {...p} className="input" rows={4} maxLength={4000} />}
      </Field>
      <SubmitButton>Send request</SubmitButton>
    </ActionForm>
  );
}

interface Suggestions {
  software: { slug: string; name: string; status: string | null }[];
  requests: { id: string; number: number; proposedName: string | null; demand: number }[];
}

/** Asking for a new tool to be reviewed; while typing, similar catalogue entries and open requests are offered. */
export function NewSoftwareRequestForm({ idempotencyKey, name }: { idempotencyKey: string; name: string }) {
  const [query, setQuery] = useState(name);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/requests/suggestions?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<Suggestions>) : null))
        .then(setSuggestions)
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  const shown = query.trim().length >= 2 ? suggestions : null;
  return (
    <ActionForm action={requestNewSoftwareAction} className="space-y-4" label="Request a review of a new tool">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="proposedName" label="Tool name">
          {(p) => <input {...p} className="input" maxLength={120} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />}
        </Field>
        <Field name="proposedUrl" label="Website (optional)">
          {(p) => <input {...p} type="url" className="input" placeholder="https://" />}
        </Field>
      </div>
      {shown && (shown.software.length > 0 || shown.requests.length > 0) && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="request-suggestions" aria-live="polite">
          {shown.software.length > 0 && (
            <p>
              Already in the catalogue:{" "}
              {shown.software.map((s, i) => <span key={s.slug}>{i > 0 && ", "}<Link href={`/software/${s.slug}`}>{s.name}</Link></span>)}
            </p>
          )}
          {shown.requests.length > 0 && (
            <p>
              Already requested:{" "}
              {shown.requests.map((r, i) => (
                <span key={r.id}>{i > 0 && ", "}<Link href={`/requests/${r.id}`}>{r.proposedName} (request {r.number}, {r.demand} asking)</Link></span>
              ))}
              . Join one of those instead of asking again.
            </p>
          )}
        </div>
      )}
      <Field name="purpose" label="Purpose" hint="What you would use it for, in a line">
        {(p) => <input {...p} className="input" maxLength={300} />}
      </Field>
      <Field name="justification" label="Justification" hint="Why the catalogue's approved tools do not do the job">
        {(p) => <textarea {...p} className="input" rows={4} maxLength={4000} />}
      </Field>
      <SubmitButton>Send request</SubmitButton>
    </ActionForm>
  );
}

export function JoinRequestForm({ requestId }: { requestId: string }) {
  return (
    <ActionForm action={joinRequestAction} className="space-y-3" label="Join this request">
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="justification" label="Why you need it too">
        {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
      </Field>
      <SubmitButton>I need this too</SubmitButton>
    </ActionForm>
  );
}

export function CommentForm({ requestId }: { requestId: string }) {
  return (
    <ActionForm action={commentOnRequestAction} className="space-y-3" label="Comment" resetOnSuccess>
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="body" label="Comment">
        {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
      </Field>
      <SubmitButton className="btn-secondary">Add comment</SubmitButton>
    </ActionForm>
  );
}

export function WithdrawForm({ requestId }: { requestId: string }) {
  return (
    <ActionForm action={withdrawRequestAction} label="Withdraw request">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton className="btn-secondary">Withdraw request</SubmitButton>
    </ActionForm>
  );
}

/**
 * The decision on the current step. Security approving an exception may shorten the end date and
 * attach conditions. The form names the step it shows, so a stale decision is refused.
 */
export function DecisionForm({ requestId, status, securityApproval, endsOn }: { requestId: string; status: RequestStatus; securityApproval: boolean; endsOn: string | null }) {
  return (
    <ActionForm action={decideRequestAction} className="space-y-3" label="Decide">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="expectedStatus" value={status} />
      {securityApproval && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="endsOn" label="Valid until (last day)" hint={endsOn ? `Asked for: ${endsOn}. You may shorten it.` : undefined}>
            {(p) => <input {...p} type="date" className="input" defaultValue={endsOn ?? ""} max={endsOn ?? undefined} />}
          </Field>
          <Field name="conditions" label="Conditions (one per line)">
            {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
          </Field>
        </div>
      )}
      <Field name="comment" label="Comment (optional)">
        {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
      </Field>
      <div className="flex gap-3">
        <SubmitButton name="decision" value="approve">Approve</SubmitButton>
        <SubmitButton name="decision" value="reject" className="btn-secondary">Reject</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RevokeGrantForm({ grantId, label }: { grantId: string; label: string }) {
  return (
    <ActionForm action={revokeGrantAction} className="flex flex-wrap items-end gap-2" label={`Revoke ${label}`}>
      <input type="hidden" name="grantId" value={grantId} />
      <Field name="reason" label="Reason">
        {(p) => <input {...p} className="input" maxLength={4000} />}
      </Field>
      <ConfirmSubmit question={`Revoke ${label}? The holder loses the exception at once.`} confirmLabel="Yes, revoke">Revoke</ConfirmSubmit>
    </ActionForm>
  );
}
