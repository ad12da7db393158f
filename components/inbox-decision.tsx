"use client";

import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { decideRequestAction } from "@/lib/actions/requests";
import { IDLE, type ActionState } from "@/lib/forms";
import type { RequestStatus } from "@/lib/domain/requests";
import { useWrongAddressMessage } from "./vetted-address";

type Announce = (message: string) => void;
const Announcer = createContext<Announce>(() => {});

/**
 * Holds the confirmation of the last decision made in place. A decided row leaves the list (and
 * its form with it), so the confirmation lives here, above the rows, and takes the focus the
 * removed button had, so a keyboard user goes on from there.
 */
export function InboxDecisions({ children }: { children: ReactNode }) {
  const [last, setLast] = useState<{ message: string; at: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (last) ref.current?.focus();
  }, [last]);
  return (
    <Announcer.Provider value={(message) => setLast({ message, at: Date.now() })}>
      <p ref={ref} tabIndex={-1} role="status" data-testid="inbox-confirmation" className={last ? "rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}>
        {last?.message ?? ""}
      </p>
      {children}
    </Announcer.Provider>
  );
}

/**
 * Approve or reject a request without leaving the inbox, with an optional comment: a small form
 * posting to the same decision action as the request's page (the same rules: one step each,
 * never your own request, the step you saw).
 */
export function InPlaceDecision({ requestId, status, number, tool }: { requestId: string; status: RequestStatus; number: number; tool: string }) {
  const t = useTranslations("requestsClient.inPlace");
  const announce = useContext(Announcer);
  const wrongAddress = useWrongAddressMessage();
  const id = useId();
  const decision = useRef<string>("approve");
  const [state, dispatch, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    let outcome: ActionState;
    try {
      outcome = await decideRequestAction(previous, formData);
    } catch (error) {
      const message = wrongAddress();
      if (!message) throw error;
      outcome = { status: "error", message, at: Date.now() };
    }
    if (outcome.status === "ok") {
      announce(t(decision.current === "reject" ? "rejected" : "approved", { number, tool }));
    }
    return outcome;
  }, IDLE);
  const error = state.status === "error" ? state.message : null;
  return (
    <form
      aria-label={t("label", { number })}
      className="flex flex-wrap items-end gap-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        decision.current = submitter?.getAttribute("value") ?? "approve";
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="expectedStatus" value={status} />
      <div className="min-w-0 basis-full sm:flex-1 sm:basis-56">
        <label htmlFor={`${id}-comment`} className="block text-xs font-medium text-slate-700">
          {t("comment")}
        </label>
        <input id={`${id}-comment`} name="comment" maxLength={4000} className="input w-full" aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <button type="submit" name="decision" value="approve" className="btn" disabled={pending} aria-busy={pending}>
        {t("approve")}
      </button>
      <button type="submit" name="decision" value="reject" className="btn-secondary" disabled={pending} aria-busy={pending}>
        {t("reject")}
      </button>
      <p id={`${id}-error`} aria-live="polite" className="basis-full text-sm text-red-700">
        {error ?? ""}
      </p>
    </form>
  );
}
