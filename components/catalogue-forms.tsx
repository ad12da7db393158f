"use client";

import { useFormatter, useTranslations } from "next-intl";
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
import { DATA_CLASSES, IDENTIFIER_TYPES, KINDS, STATUSES, DPA_STATUSES, type DataClass, type DpaStatus, type Kind } from "@/lib/domain/vocabulary";
import type { DecisionDraft } from "@/lib/domain/decision-draft";
import { ActionForm, Field, SubmitButton, useFormOutcome } from "./form";
import { MultiCombobox } from "./multi-combobox";

interface Option {
  id: string;
  name: string;
}

/** Which edition something applies to; empty means all editions. */
export function EditionField({ label, editions, defaultValue = "" }: { label: string; editions: Option[]; defaultValue?: string }) {
  const t = useTranslations("catalogueClient");
  return (
    <Field name="editionId" label={label}>
      {(p) => (
        <select {...p} className="input" defaultValue={defaultValue}>
          <option value="">{t("allEditions")}</option>
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
  const t = useTranslations("catalogueClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <ActionForm action={software ? updateSoftwareAction : createSoftwareAction} className="space-y-4" label={software ? t("editSoftware") : t("newSoftware")}>
      {software && <input type="hidden" name="id" value={software.id} />}
      {software && <input type="hidden" name="expectedUpdatedAt" value={software.updatedAt} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={t("name")}>
          {(p) => <input {...p} className="input" defaultValue={software?.name} maxLength={120} />}
        </Field>
        <Field name="vendorId" label={t("vendor")}>
          {(p) => (
            <select {...p} className="input" defaultValue={software?.vendorId ?? ""}>
              <option value="">{t("noVendor")}</option>
              {vendors.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="kind" label={t("kind")}>
          {(p) => (
            <select {...p} className="input" defaultValue={software?.kind ?? ""}>
              <option value="" disabled>{t("choose")}</option>
              {KINDS.map((k) => <option key={k} value={k}>{vocabulary(`kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="category" label={t("category")} hint={t("categoryHint")}>
          {(p) => <input {...p} className="input" defaultValue={software?.category} maxLength={60} />}
        </Field>
        <Field name="homepage" label={t("homepage")}>
          {(p) => <input {...p} type="url" className="input" defaultValue={software?.homepage ?? ""} placeholder={t("urlPlaceholder")} />}
        </Field>
        <Field name="owner" label={t("internalOwner")} hint={t("internalOwnerHint")}>
          {(p) => <input {...p} className="input" defaultValue={software?.owner ?? ""} maxLength={200} />}
        </Field>
      </div>
      <Field name="description" label={t("description")}>
        {(p) => <textarea {...p} className="input" rows={3} defaultValue={software?.description} maxLength={4000} />}
      </Field>
      <SubmitButton>{software ? t("saveChanges") : t("createSoftware")}</SubmitButton>
    </ActionForm>
  );
}

export function VendorForm() {
  const t = useTranslations("catalogueClient");
  return (
    <ActionForm action={createVendorAction} className="grid items-start gap-3 sm:grid-cols-3" resetOnSuccess label={t("newVendor")}>
      <Field name="name" label={t("vendorName")}>{(p) => <input {...p} className="input" maxLength={120} />}</Field>
      <Field name="website" label={t("website")}>{(p) => <input {...p} type="url" className="input" placeholder={t("urlPlaceholder")} />}</Field>
      <div className="pt-6"><SubmitButton>{t("addVendor")}</SubmitButton></div>
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
  const t = useTranslations("catalogueClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <ActionForm action={updateVendorAction} className="space-y-4" label={t("editVendorProfile")}>
      <input type="hidden" name="id" value={vendor.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={t("vendorName")}>{(p) => <input {...p} className="input" maxLength={120} defaultValue={vendor.name} />}</Field>
        <Field name="website" label={t("website")}>{(p) => <input {...p} type="url" className="input" defaultValue={vendor.website ?? ""} />}</Field>
        <Field name="dpa" label={t("dpa")}>
          {(p) => (
            <select {...p} className="input" defaultValue={vendor.dpa}>
              {DPA_STATUSES.map((d) => <option key={d} value={d}>{vocabulary(`dpa.${d}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="dataResidency" label={t("dataResidency")} hint={t("dataResidencyHint")}>
          {(p) => <input {...p} className="input" maxLength={300} defaultValue={vendor.dataResidency} />}
        </Field>
        <Field name="certifications" label={t("certifications")} hint={t("certificationsHint")}>
          {(p) => <textarea {...p} className="input" rows={4} defaultValue={vendor.certifications.join("\n")} />}
        </Field>
        <Field name="subprocessors" label={t("subprocessors")} hint={t("onePerLine")}>
          {(p) => <textarea {...p} className="input" rows={4} defaultValue={vendor.subprocessors.join("\n")} />}
        </Field>
      </div>
      <SubmitButton>{t("saveVendor")}</SubmitButton>
    </ActionForm>
  );
}

/** Adds an edition to a software, or (given one) edits it. */
export function EditionForm({ softwareId, edition }: { softwareId: string; edition?: { id: string; name: string; description: string } }) {
  const t = useTranslations("catalogueClient");
  return (
    <ActionForm
      action={edition ? updateEditionAction : addEditionAction}
      className="grid items-start gap-3 sm:grid-cols-3"
      resetOnSuccess={!edition}
      label={edition ? t("editEdition", { name: edition.name }) : t("newEdition")}
    >
      {edition ? <input type="hidden" name="id" value={edition.id} /> : <input type="hidden" name="softwareId" value={softwareId} />}
      <Field name="name" label={t("editionName")} hint={edition ? undefined : t("editionNameHint")}>
        {(p) => <input {...p} className="input" maxLength={80} defaultValue={edition?.name} />}
      </Field>
      <Field name="description" label={t("description")}>
        {(p) => <input {...p} className="input" maxLength={1000} defaultValue={edition?.description} />}
      </Field>
      <div className="pt-6"><SubmitButton className={edition ? "btn-secondary" : "btn"}>{edition ? t("save") : t("addEdition")}</SubmitButton></div>
    </ActionForm>
  );
}

export function IdentifierForm({ softwareId, editions }: { softwareId: string; editions: Option[] }) {
  const t = useTranslations("catalogueClient");
  const vocabulary = useTranslations("vocabulary");
  return (
    <ActionForm action={addIdentifierAction} className="grid items-start gap-3 sm:grid-cols-4" resetOnSuccess label={t("newIdentifier")}>
      <input type="hidden" name="softwareId" value={softwareId} />
      <Field name="type" label={t("type")}>
        {(p) => (
          <select {...p} className="input" defaultValue="alias">
            {IDENTIFIER_TYPES.map((type) => <option key={type} value={type}>{vocabulary(`identifierType.${type}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="value" label={t("value")} hint={t("valueHint")}>{(p) => <input {...p} className="input" maxLength={300} />}</Field>
      <EditionField label={t("edition")} editions={editions} />
      <div className="pt-6"><SubmitButton>{t("addIdentifier")}</SubmitButton></div>
    </ActionForm>
  );
}

export function RemoveButton({ kind, id, label }: { kind: "edition" | "identifier"; id: string; label: string }) {
  const t = useTranslations("catalogueClient");
  return (
    <ActionForm action={kind === "edition" ? removeEditionAction : removeIdentifierAction} className="inline" label={t("removeLabel", { label })}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary">{t("remove")}<span className="sr-only"> {label}</span></SubmitButton>
    </ActionForm>
  );
}

/** A second reviewer confirms a pending decision. */
export function ConfirmDecisionForm({ id, label }: { id: string; label: string }) {
  const t = useTranslations("catalogueClient");
  return (
    <ActionForm action={confirmClassificationAction} className="inline" label={t("confirmLabel", { label })}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary">{t("confirmSecond")}</SubmitButton>
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
  const t = useTranslations("catalogueClient");
  return (
    <ActionForm action={recordClassificationAction} className="space-y-4" label={t("recordDecision")}>
      <input type="hidden" name="softwareId" value={softwareId} />
      <Field name="editionId" label={t("appliesTo")}>
        {(p) => (
          <select {...p} className="input max-w-md" value={scope} onChange={(event) => setScope(event.target.value)}>
            <option value="">{t("allEditions")}</option>
            {editions.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        )}
      </Field>
      <DecisionFields
        softwareId={softwareId}
        draft={drafts[scope] ?? null}
        scopeName={scope ? editions.find((e) => e.id === scope)?.name ?? t("thisEdition") : t("allEditionsLower")}
        wholeScope={!scope}
        alternatives={alternatives}
        assessments={assessments}
        dataClassLabels={dataClassLabels}
        scope={scope}
      />
      <SubmitButton>{t("recordButton")}</SubmitButton>
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
  wholeScope: boolean;
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
  wholeScope,
  alternatives,
  assessments,
  dataClassLabels,
}: {
  softwareId: string;
  draft: DecisionDraft | null;
  scopeName: string;
  wholeScope: boolean;
  alternatives: Option[];
  assessments: Option[];
  dataClassLabels: Record<DataClass, string>;
}) {
  const t = useTranslations("catalogueClient");
  const vocabulary = useTranslations("vocabulary");
  const format = useFormatter();
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), "day");
  return (
    <div className="space-y-4">
      <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700" data-testid="decision-start">
        {draft
          ? t.rich("startsFrom", {
              scope: scopeName,
              wider: draft.editionId === null && !wholeScope ? "yes" : "no",
              status: vocabulary(`status.${draft.status}`),
              dataClass: draft.maxDataClass ? dataClassLabels[draft.maxDataClass] : "none",
              date: day(draft.decidedOn),
              name: draft.decidedBy,
              strong: (chunks) => <strong>{chunks}</strong>,
            })
          : t("startsEmpty", { scope: scopeName })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="status" label={t("status")}>
          {(p) => (
            <select {...p} className="input" defaultValue={draft?.status ?? ""}>
              <option value="" disabled>{t("choose")}</option>
              {STATUSES.map((s) => <option key={s} value={s}>{vocabulary(`status.${s}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="maxDataClass" label={t("maxDataClass")} hint={t("maxDataClassHint")}>
          {(p) => (
            <select {...p} className="input" defaultValue={draft?.maxDataClass ?? ""}>
              <option value="">—</option>
              {DATA_CLASSES.map((d) => <option key={d} value={d}>{dataClassLabels[d]}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field name="conditions" label={t("conditions")} hint={t("conditionsHint")}>
        {(p) => <textarea {...p} className="input" rows={3} maxLength={4000} defaultValue={draft?.conditions ?? ""} />}
      </Field>
      <Field name="alternatives[]" label={t("alternatives")} hint={t("alternativesHint")}>
        {(p) => (
          <MultiCombobox
            {...p}
            options={alternatives.filter((a) => a.id !== softwareId)}
            defaultChosen={draft?.alternatives ?? []}
            listLabel={t("approvedSoftware")}
            chosenLabel={t("chosenAlternatives")}
          />
        )}
      </Field>
      <Field name="rationale" label={t("rationale")} hint={t("rationaleHint")}>
        {(p) => <textarea {...p} className="input" rows={4} maxLength={4000} defaultValue={draft?.rationale ?? ""} />}
      </Field>
      {assessments.length > 0 && (
        <Field name="assessmentId" label={t("basedOn")} hint={t("basedOnHint")}>
          {(p) => (
            <select {...p} className="input" defaultValue="">
              <option value="">{t("latestCompleted")}</option>
              {assessments.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field
        name="reviewDueOn"
        label={t("reviewDue")}
        hint={
          draft && !draft.reviewDueOn
            ? t("reviewDuePassed", { date: day(draft.inForceReviewDueOn) })
            : draft
              ? t("reviewDueKept")
              : t("reviewDueEmpty")
        }
      >
        {(p) => <input {...p} type="date" className="input max-w-xs" defaultValue={draft?.reviewDueOn ?? ""} />}
      </Field>
    </div>
  );
}
