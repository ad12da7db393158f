"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { addEvidenceAction } from "@/lib/actions/evidence";
import { EVIDENCE_MAX_BYTES } from "@/lib/domain/evidence";
import { ActionForm, Field, SubmitButton } from "./form";

/** Attach a file or a link, with an optional expiry (e.g. the date a SOC 2 report runs out). */
export function EvidenceForm({ owner }: { owner: { assessmentId: string } | { vendorId: string } }) {
  const t = useTranslations("evidenceClient");
  const [tooLarge, setTooLarge] = useState(false);
  const megabytes = EVIDENCE_MAX_BYTES / 1024 / 1024;
  return (
    <ActionForm action={addEvidenceAction} className="grid items-start gap-3 sm:grid-cols-2" resetOnSuccess label={t("label")}>
      {"assessmentId" in owner ? <input type="hidden" name="assessmentId" value={owner.assessmentId} /> : <input type="hidden" name="vendorId" value={owner.vendorId} />}
      <Field name="title" label={t("title")}>{(p) => <input {...p} className="input" maxLength={200} placeholder={t("titlePlaceholder")} />}</Field>
      <Field name="expiresOn" label={t("validUntil")}>{(p) => <input {...p} type="date" className="input" />}</Field>
      <Field name="file" label={t("file")} hint={t("fileHint", { megabytes })}>
        {(p) => (
          <input {...p} type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt" className="text-sm"
            onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > EVIDENCE_MAX_BYTES)} />
        )}
      </Field>
      <Field name="url" label={t("link")}>{(p) => <input {...p} type="url" className="input" placeholder={t("linkPlaceholder")} />}</Field>
      {tooLarge ? <p className="text-sm text-red-700 sm:col-span-2">{t("tooLarge", { megabytes })}</p> : <div><SubmitButton>{t("submit")}</SubmitButton></div>}
    </ActionForm>
  );
}
