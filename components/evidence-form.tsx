"use client";

import { useState } from "react";
import { addEvidenceAction } from "@/lib/actions/evidence";
import { EVIDENCE_MAX_BYTES } from "@/lib/domain/evidence";
import { ActionForm, Field, SubmitButton } from "./form";

/** Attach a file or a link, with an optional expiry (e.g. the date a SOC 2 report runs out). */
export function EvidenceForm({ owner }: { owner: { assessmentId: string } | { vendorId: string } }) {
  const [tooLarge, setTooLarge] = useState(false);
  return (
    <ActionForm action={addEvidenceAction} className="grid items-start gap-3 sm:grid-cols-2" resetOnSuccess label="Add evidence">
      {"assessmentId" in owner ? <input type="hidden" name="assessmentId" value={owner.assessmentId} /> : <input type="hidden" name="vendorId" value={owner.vendorId} />}
      <Field name="title" label="Title">{(p) => <input {...p} className="input" maxLength={200} placeholder="SOC 2 Type II report 2026" />}</Field>
      <Field name="expiresOn" label="Valid until (optional)">{(p) => <input {...p} type="date" className="input" />}</Field>
      <Field name="file" label="File" hint="PDF, image or plain text, at most 10 MB">
        {(p) => (
          <input {...p} type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt" className="text-sm"
            onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > EVIDENCE_MAX_BYTES)} />
        )}
      </Field>
      <Field name="url" label="…or a link">{(p) => <input {...p} type="url" className="input" placeholder="https://trust.vendor.example/soc2" />}</Field>
      {tooLarge ? <p className="text-sm text-red-700 sm:col-span-2">That file is larger than 10 MB; attach a smaller file or a link.</p> : <div><SubmitButton>Add evidence</SubmitButton></div>}
    </ActionForm>
  );
}
