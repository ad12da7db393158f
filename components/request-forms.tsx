"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
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

/** An address's shape, the same in every language. */
const URL_PLACEHOLDER = "https://";

interface Option {
  id: string;
  name: string;
}

/** Asking for an exception to use a tool: for which edition and data, why, and until when. */
export function ExceptionRequestForm({ idempotencyKey, software, editions, dataClass, editionId, today, latest, latestText, maxDays }: {
  idempotencyKey: string;
  software: Option;
  editions: Option[];
  dataClass?: DataClass;
  editionId?: string;
  today: string;
  /** The last day allowed (YYYY-MM-DD), and as the reader's language writes it. */
  latest: string;
  latestText: string;
  maxDays: number;
}) {
  const t = useTranslations("requestsClient.exceptionForm");
  const tv = useTranslations("vocabulary.dataClass");
  return (
    <ActionForm action={requestExceptionAction} className="space-y-4" label={t("label")}>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="softwareId" value={software.id} />
      <div className="grid gap-4 sm:grid-cols-3">
        {editions.length > 0 && <EditionField label={t("edition")} editions={editions} defaultValue={editionId} />}
        <Field name="dataClass" label={t("dataClass")}>
          {(p) => (
            <select {...p} className="input" defaultValue={dataClass ?? ""}>
              <option value="" disabled>{t("choose")}</option>
              {DATA_CLASSES.map((c) => <option key={c} value={c}>{tv(c)}</option>)}
            </select>
          )}
        </Field>
        <Field name="endsOn" label={t("endsOn")} hint={t("endsOnHint", { maxDays, latest: latestText })}>
          {(p) => <input {...p} type="date" className="input" min={today} max={latest} />}
        </Field>
      </div>
      <Field name="purpose" label={t("purpose")} hint={t("purposeHint")}>
        {(p) => <input {...p} className="input" maxLength={300} />}
      </Field>
      <Field name="justification" label={t("justification")} hint={t("justificationHint")}>
        {(p) => <textarea {...p} className="input" rows={4} maxLength={4000} />}
      </Field>
      <SubmitButton>{t("send")}</SubmitButton>
    </ActionForm>
  );
}

interface Suggestions {
  software: { slug: string; name: string; status: string | null }[];
  requests: { id: string; number: number; proposedName: string | null; demand: number }[];
}

/** Asking for a new tool to be reviewed; while typing, similar catalogue entries and open requests are offered. */
export function NewSoftwareRequestForm({ idempotencyKey, name }: { idempotencyKey: string; name: string }) {
  const t = useTranslations("requestsClient.newToolForm");
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
    <ActionForm action={requestNewSoftwareAction} className="space-y-4" label={t("label")}>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="proposedName" label={t("toolName")}>
          {(p) => <input {...p} className="input" maxLength={120} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />}
        </Field>
        <Field name="proposedUrl" label={t("website")}>
          {(p) => <input {...p} type="url" className="input" placeholder={URL_PLACEHOLDER} />}
        </Field>
      </div>
      {shown && (shown.software.length > 0 || shown.requests.length > 0) && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="request-suggestions" aria-live="polite">
          {shown.software.length > 0 && (
            <p>
              {t("inCatalogue")}{" "}
              {shown.software.map((s, i) => <span key={s.slug}>{i > 0 && t("separator")}<Link href={`/software/${s.slug}`}>{s.name}</Link></span>)}
            </p>
          )}
          {shown.requests.length > 0 && (
            <p>
              {t("requested")}{" "}
              {shown.requests.map((r, i) => (
                <span key={r.id}>{i > 0 && t("separator")}<Link href={`/requests/${r.id}`}>{t("requestedItem", { name: r.proposedName ?? "", number: r.number, demand: r.demand })}</Link></span>
              ))}
              {t("joinInstead")}
            </p>
          )}
        </div>
      )}
      <Field name="purpose" label={t("purpose")} hint={t("purposeHint")}>
        {(p) => <input {...p} className="input" maxLength={300} />}
      </Field>
      <Field name="justification" label={t("justification")} hint={t("justificationHint")}>
        {(p) => <textarea {...p} className="input" rows={4} maxLength={4000} />}
      </Field>
      <SubmitButton>{t("send")}</SubmitButton>
    </ActionForm>
  );
}

export function JoinRequestForm({ requestId }: { requestId: string }) {
  const t = useTranslations("requestsClient.joinForm");
  return (
    <ActionForm action={joinRequestAction} className="space-y-3" label={t("label")}>
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="justification" label={t("justification")}>
        {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
      </Field>
      <SubmitButton>{t("send")}</SubmitButton>
    </ActionForm>
  );
}

export function CommentForm({ requestId }: { requestId: string }) {
  const t = useTranslations("requestsClient.commentForm");
  return (
    <ActionForm action={commentOnRequestAction} className="space-y-3" label={t("label")} resetOnSuccess>
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="body" label={t("comment")}>
        {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
      </Field>
      <SubmitButton className="btn-secondary">{t("send")}</SubmitButton>
    </ActionForm>
  );
}

export function WithdrawForm({ requestId }: { requestId: string }) {
  const t = useTranslations("requestsClient.withdrawForm");
  return (
    <ActionForm action={withdrawRequestAction} label={t("label")}>
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton className="btn-secondary">{t("send")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * The decision on the current step. Security approving an exception may shorten the end date and
 * attach conditions. The form names the step it shows, so a stale decision is refused.
 */
export function DecisionForm({ requestId, status, securityApproval, endsOn, endsOnText }: {
  requestId: string;
  status: RequestStatus;
  securityApproval: boolean;
  /** The end date asked for (YYYY-MM-DD), and as the reader's language writes it. */
  endsOn: string | null;
  endsOnText: string | null;
}) {
  const t = useTranslations("requestsClient.decisionForm");
  return (
    <ActionForm action={decideRequestAction} className="space-y-3" label={t("label")}>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="expectedStatus" value={status} />
      {securityApproval && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="endsOn" label={t("endsOn")} hint={endsOn ? t("endsOnHint", { date: endsOnText ?? endsOn }) : undefined}>
            {(p) => <input {...p} type="date" className="input" defaultValue={endsOn ?? ""} max={endsOn ?? undefined} />}
          </Field>
          <Field name="conditions" label={t("conditions")}>
            {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
          </Field>
        </div>
      )}
      <Field name="comment" label={t("comment")}>
        {(p) => <textarea {...p} className="input" rows={2} maxLength={4000} />}
      </Field>
      <div className="flex gap-3">
        <SubmitButton name="decision" value="approve">{t("approve")}</SubmitButton>
        <SubmitButton name="decision" value="reject" className="btn-secondary">{t("reject")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** `label` names the grant in the reader's language ("this grant", "Ann's grant for Cursor"). */
export function RevokeGrantForm({ grantId, label }: { grantId: string; label: string }) {
  const t = useTranslations("requestsClient.revokeForm");
  return (
    <ActionForm action={revokeGrantAction} className="flex flex-wrap items-end gap-2" label={t("label", { what: label })}>
      <input type="hidden" name="grantId" value={grantId} />
      <Field name="reason" label={t("reason")}>
        {(p) => <input {...p} className="input" maxLength={4000} />}
      </Field>
      <ConfirmSubmit question={t("question", { what: label })} confirmLabel={t("confirm")}>{t("revoke")}</ConfirmSubmit>
    </ActionForm>
  );
}
