"use client";

import { useState } from "react";
import {
  addEditionAction,
  addIdentifierAction,
  confirmClassificationAction,
  createSoftwareAction,
  createVendorAction,
  recordClassificationAction,
  removeEditionAction,
  removeIdentifierAction,
  updateEditionAction,
  updateSoftwareAction,
  updateVendorAction,
} from "@/lib/actions/catalogue";
import {
  DATA_CLASSES,
  IDENTIFIER_TYPE_LABELS,
  IDENTIFIER_TYPES,
  KIND_LABELS,
  KINDS,
  STATUS_LABELS,
  STATUSES,
  DPA_LABELS,
  DPA_STATUSES,
  type DataClass,
  type DpaStatus,
  type Kind,
} from "@/lib/domain/vocabulary";
import type { DecisionDraft } from "@/lib/domain/decision-draft";
import { ActionForm, Field, SubmitButton, useFormOutcome } from "./form";
import { MultiCombobox } from "./multi-combobox";

interface Option {
  id: string;
  name: string;
}

/** Which edition something applies to; empty means all editions. */
export function EditionField({ label, editions, defaultValue = "" }: { label: string; editions: Option[]; defaultValue?: string }) {
  return (
    <Field name="editionId" label={label}>
      {(p) => (
        <select {...p} className="input" defaultValue={defaultValue}>
          <option value="">All editions</option>
          {editions.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
        </select>
      )}
    </Field>
  );
}

export interface SoftwareValues {
  id: string;
  name: string;
  vendorId: string | null;
  kind: Kind;
  category: string;
  description: string;
  homepage: string | null;
  owner: string | null;
  updatedAt: string;
}

export function SoftwareForm({ vendors, software }: { vendors: Option[]; software?: SoftwareValues }) {
  return (
    <ActionForm action={software ? updateSoftwareAction : createSoftwareAction} className="space-y-4" label={software ? "Edit software" : "New software"}>
      {software && <input type="hidden" name="id" value={software.id} />}
      {software && <input type="hidden" name="expectedUpdatedAt" value={software.updatedAt} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name">
          {(p) => <input {...p} className="input" defaultValue={software?.name} maxLength={120} />}
        </Field>
        <Field name="vendorId" label="Vendor">
          {(p) => (
            <select {...p} className="input" defaultValue={software?.vendorId ?? ""}>
              <option value="">— none —</option>
              {vendors.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="kind" label="Kind">
          {(p) => (
            <select {...p} className="input" defaultValue={software?.kind ?? ""}>
              <option value="" disabled>Choose…</option>
              {KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </select>
          )}
        </Field>
        <Field name="category" label="Category" hint="e.g. AI coding, Collaboration, File sharing">
          {(p) => <input {...p} className="input" defaultValue={software?.category} maxLength={60} />}
        </Field>
        <Field name="homepage" label="Homepage">
          {(p) => <input {...p} type="url" className="input" defaultValue={software?.homepage ?? ""} placeholder="https://" />}
        </Field>
        <Field name="owner" label="Internal owner" hint="The team accountable for this tool">
          {(p) => <input {...p} className="input" defaultValue={software?.owner ?? ""} maxLength={200} />}
        </Field>
      </div>
      <Field name="description" label="Description">
        {(p) => <textarea {...p} className="input" rows={3} defaultValue={software?.description} maxLength={4000} />}
      </Field>
      <SubmitButton>{software ? "Save changes" : "Create software"}</SubmitButton>
    </ActionForm>
  );
}

export function VendorForm() {
  return (
    <ActionForm action={createVendorAction} className="grid items-start gap-3 sm:grid-cols-3" resetOnSuccess label="New vendor">
      <Field name="name" label="Vendor name">{(p) => <input {...p} className="input" maxLength={120} />}</Field>
      <Field name="website" label="Website">{(p) => <input {...p} type="url" className="input" placeholder="https://" />}</Field>
      <div className="pt-6"><SubmitButton>Add vendor</SubmitButton></div>
    </ActionForm>
  );
}

export interface VendorProfileValues {
  id: string;
  name: string;
  website: string | null;
  certifications: string[];
  dpa: DpaStatus;
  dataResidency: string;
  subprocessors: string[];
}

/** The vendor's name, website and profile: certifications, DPA, residency, sub-processors. */
export function VendorProfileForm({ vendor }: { vendor: VendorProfileValues }) {
  return (
    <ActionForm action={updateVendorAction} className="space-y-4" label="Edit vendor profile">
      <input type="hidden" name="id" value={vendor.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Vendor name">{(p) => <input {...p} className="input" maxLength={120} defaultValue={vendor.name} />}</Field>
        <Field name="website" label="Website">{(p) => <input {...p} type="url" className="input" defaultValue={vendor.website ?? ""} />}</Field>
        <Field name="dpa" label="Data processing agreement">
          {(p) => (
            <select {...p} className="input" defaultValue={vendor.dpa}>
              {DPA_STATUSES.map((d) => <option key={d} value={d}>{DPA_LABELS[d]}</option>)}
            </select>
          )}
        </Field>
        <Field name="dataResidency" label="Data residency" hint="e.g. EU (Frankfurt, Dublin)">
          {(p) => <input {...p} className="input" maxLength={300} defaultValue={vendor.dataResidency} />}
        </Field>
        <Field name="certifications" label="Certifications" hint="One per line, e.g. SOC 2 Type II (until 2027-03)">
          {(p) => <textarea {...p} className="input" rows={4} defaultValue={vendor.certifications.join("\n")} />}
        </Field>
        <Field name="subprocessors" label="Sub-processors" hint="One per line">
          {(p) => <textarea {...p} className="input" rows={4} defaultValue={vendor.subprocessors.join("\n")} />}
        </Field>
      </div>
      <SubmitButton>Save vendor</SubmitButton>
    </ActionForm>
  );
}

/** Adds an edition to a software, or (given one) edits it. */
export function EditionForm({ softwareId, edition }: { softwareId: string; edition?: { id: string; name: string; description: string } }) {
  return (
    <ActionForm
      action={edition ? updateEditionAction : addEditionAction}
      className="grid items-start gap-3 sm:grid-cols-3"
      resetOnSuccess={!edition}
      label={edition ? `Edit edition ${edition.name}` : "New edition"}
    >
      {edition ? <input type="hidden" name="id" value={edition.id} /> : <input type="hidden" name="softwareId" value={softwareId} />}
      <Field name="name" label="Edition name" hint={edition ? undefined : "e.g. Free, Business, Enterprise"}>
        {(p) => <input {...p} className="input" maxLength={80} defaultValue={edition?.name} />}
      </Field>
      <Field name="description" label="Description">
        {(p) => <input {...p} className="input" maxLength={1000} defaultValue={edition?.description} />}
      </Field>
      <div className="pt-6"><SubmitButton className={edition ? "btn-secondary" : "btn"}>{edition ? "Save" : "Add edition"}</SubmitButton></div>
    </ActionForm>
  );
}

export function IdentifierForm({ softwareId, editions }: { softwareId: string; editions: Option[] }) {
  return (
    <ActionForm action={addIdentifierAction} className="grid items-start gap-3 sm:grid-cols-4" resetOnSuccess label="New identifier">
      <input type="hidden" name="softwareId" value={softwareId} />
      <Field name="type" label="Type">
        {(p) => (
          <select {...p} className="input" defaultValue="alias">
            {IDENTIFIER_TYPES.map((t) => <option key={t} value={t}>{IDENTIFIER_TYPE_LABELS[t]}</option>)}
          </select>
        )}
      </Field>
      <Field name="value" label="Value" hint="Normalised when saved">{(p) => <input {...p} className="input" maxLength={300} />}</Field>
      <EditionField label="Edition" editions={editions} />
      <div className="pt-6"><SubmitButton>Add identifier</SubmitButton></div>
    </ActionForm>
  );
}

export function RemoveButton({ kind, id, label }: { kind: "edition" | "identifier"; id: string; label: string }) {
  return (
    <ActionForm action={kind === "edition" ? removeEditionAction : removeIdentifierAction} className="inline" label={`Remove ${label}`}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary">Remove<span className="sr-only"> {label}</span></SubmitButton>
    </ActionForm>
  );
}

/** A second reviewer confirms a pending decision. */
export function ConfirmDecisionForm({ id, label }: { id: string; label: string }) {
  return (
    <ActionForm action={confirmClassificationAction} className="inline" label={`Confirm ${label}`}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary">Confirm as second reviewer</SubmitButton>
    </ActionForm>
  );
}

export function ClassificationForm({
  softwareId,
  editions,
  alternatives,
  assessments,
  dataClassLabels,
  drafts,
}: {
  softwareId: string;
  editions: Option[];
  alternatives: Option[];
  assessments: Option[];
  dataClassLabels: Record<DataClass, string>;
  /** The decision in force for each scope (scopeKey: an edition's id, "" for all editions), which the form starts from. */
  drafts: Record<string, DecisionDraft | null>;
}) {
  const [scope, setScope] = useState("");
  return (
    <ActionForm action={recordClassificationAction} className="space-y-4" label="Record a classification decision">
      <input type="hidden" name="softwareId" value={softwareId} />
      <Field name="editionId" label="Applies to">
        {(p) => (
          <select {...p} className="input max-w-md" value={scope} onChange={(event) => setScope(event.target.value)}>
            <option value="">All editions</option>
            {editions.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        )}
      </Field>
      <DecisionFields
        softwareId={softwareId}
        draft={drafts[scope] ?? null}
        scopeName={scope ? editions.find((e) => e.id === scope)?.name ?? "this edition" : "all editions"}
        alternatives={alternatives}
        assessments={assessments}
        dataClassLabels={dataClassLabels}
        scope={scope}
      />
      <SubmitButton>Record decision</SubmitButton>
    </ActionForm>
  );
}

/**
 * The decision's fields, filled from the decision in force for the chosen scope. They start
 * afresh when the scope changes and after each recorded decision (from the new one in force).
 */
function DecisionFields(props: {
  softwareId: string;
  draft: DecisionDraft | null;
  scope: string;
  scopeName: string;
  alternatives: Option[];
  assessments: Option[];
  dataClassLabels: Record<DataClass, string>;
}) {
  const { state } = useFormOutcome();
  const recordedAt = state.status === "ok" ? state.at : 0;
  return <DecisionFieldsFrom key={`${props.scope}:${props.draft?.id ?? "none"}:${recordedAt}`} {...props} />;
}

function DecisionFieldsFrom({
  softwareId,
  draft,
  scopeName,
  alternatives,
  assessments,
  dataClassLabels,
}: {
  softwareId: string;
  draft: DecisionDraft | null;
  scopeName: string;
  alternatives: Option[];
  assessments: Option[];
  dataClassLabels: Record<DataClass, string>;
}) {
  return (
    <div className="space-y-4">
      <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700" data-testid="decision-start">
        {draft ? (
          <>
            Starts from the decision in force for {scopeName}
            {draft.editionId === null && scopeName !== "all editions" ? " (made for all editions)" : ""}:{" "}
            <strong>{STATUS_LABELS[draft.status]}</strong>
            {draft.maxDataClass ? ` up to ${dataClassLabels[draft.maxDataClass]}` : ""}, decided {draft.decidedOn} by {draft.decidedBy}. Change what should change.
          </>
        ) : (
          <>No decision is in force for {scopeName} yet: the form starts empty.</>
        )}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="status" label="Status">
          {(p) => (
            <select {...p} className="input" defaultValue={draft?.status ?? ""}>
              <option value="" disabled>Choose…</option>
              {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
            </select>
          )}
        </Field>
        <Field name="maxDataClass" label="Highest data class allowed" hint="Required for approved statuses">
          {(p) => (
            <select {...p} className="input" defaultValue={draft?.maxDataClass ?? ""}>
              <option value="">—</option>
              {DATA_CLASSES.map((d) => <option key={d} value={d}>{dataClassLabels[d]}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field name="conditions" label="Conditions" hint="One per line, e.g. “Enterprise tenant only”">
        {(p) => <textarea {...p} className="input" rows={3} maxLength={4000} defaultValue={draft?.conditions ?? ""} />}
      </Field>
      <Field name="alternatives[]" label="Approved alternatives" hint="Type to find approved software; ↓ ↑ to move, Enter to add, Backspace to remove the last one.">
        {(p) => (
          <MultiCombobox
            {...p}
            options={alternatives.filter((a) => a.id !== softwareId)}
            defaultChosen={draft?.alternatives ?? []}
            listLabel="Approved software"
            chosenLabel="Chosen alternatives"
          />
        )}
      </Field>
      <Field name="rationale" label="Rationale" hint="Why: the risks and the reasoning. Required.">
        {(p) => <textarea {...p} className="input" rows={4} maxLength={4000} defaultValue={draft?.rationale ?? ""} />}
      </Field>
      {assessments.length > 0 && (
        <Field name="assessmentId" label="Based on assessment" hint="Default: the latest completed assessment for the chosen edition">
          {(p) => (
            <select {...p} className="input" defaultValue="">
              <option value="">Latest completed</option>
              {assessments.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field
        name="reviewDueOn"
        label="Review due"
        hint={
          draft && !draft.reviewDueOn
            ? `The decision in force was due for review on ${draft.inForceReviewDueOn}. Choose a later date, or leave empty to use the interval for the chosen status.`
            : draft
              ? "The review date of the decision in force; clear it to use the interval for the chosen status"
              : "Leave empty to use the interval for the chosen status"
        }
      >
        {(p) => <input {...p} type="date" className="input max-w-xs" defaultValue={draft?.reviewDueOn ?? ""} />}
      </Field>
    </div>
  );
}
