"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/forms";
import { useFlashedAt } from "./flash";
import { useWrongAddressMessage } from "./vetted-address";

const FormState = createContext<{ state: ActionState; pending: boolean }>({ state: IDLE, pending: false });

/**
 * A form bound to a server action. Submits without resetting the fields (so a refused
 * submission keeps what the person typed), shows field errors next to each field and the
 * outcome in a live region.
 */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
  label,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  label?: string;
}) {
  const wrongAddress = useWrongAddressMessage();
  // At another address of the server every change is refused before the action runs (proxy.ts): say where to go.
  const guarded = async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      return await action(previous, formData);
    } catch (error) {
      const message = wrongAddress();
      if (message) return { status: "error", message, at: Date.now() };
      throw error;
    }
  };
  const [state, dispatch, pending] = useActionState(guarded, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  // After a refused submission, focus the first field in error (keyed on `at`: the same refusal twice still moves focus).
  const refusedAt = state.status === "error" ? state.at : null;
  useEffect(() => {
    if (refusedAt === null) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusedAt]);
  return (
    <form
      ref={ref}
      aria-label={label}
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return; // one submission at a time
        // The button that submitted counts as a field (e.g. "approve" or "reject").
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => dispatch(data));
      }}
    >
      <FormState.Provider value={{ state, pending }}>
        {children}
        <FormMessage />
      </FormState.Provider>
    </form>
  );
}

function FormMessage() {
  const { state } = useContext(FormState);
  const flashedAt = useFlashedAt();
  // A success the status region shows, or one older than the last decision's confirmation, is not repeated here.
  const shown = state.status === "error" || (state.status === "ok" && !state.flashed && state.at > flashedAt);
  return (
    <p aria-live="polite" data-testid="form-message" className={`mt-3 text-sm ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
      {shown ? state.message : ""}
    </p>
  );
}

/** The enclosing ActionForm's state, for fields that render their own errors. */
export function useFormOutcome() {
  return useContext(FormState);
}

export function SubmitButton({ children, className = "btn", name, value }: { children: ReactNode; className?: string; name?: string; value?: string }) {
  const { pending } = useContext(FormState);
  const t = useTranslations("ui.form");
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending} name={name} value={value}>
      {pending ? t("saving") : children}
    </button>
  );
}

/** A labelled field whose errors from the server appear below it and are announced. */
export function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const { state } = useContext(FormState);
  const errors = state.status === "error" ? state.fieldErrors?.[name.replace(/\[\]$/, "")] : undefined;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, name, "aria-invalid": Boolean(errors), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-field-error={name}>
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/**
 * A submit button for what cannot be undone, in two steps: the first press asks (and moves focus
 * to the confirming button), the second does it; Cancel or Escape goes back, focus on the first
 * button again. Keyboard operable throughout, no window.confirm.
 */
export function ConfirmSubmit({ children, question, confirmLabel, className = "btn-secondary" }: { children: ReactNode; question: string; confirmLabel: string; className?: string }) {
  const { state, pending } = useContext(FormState);
  const t = useTranslations("ui.form");
  const [asking, setAsking] = useState<{ since: ActionState } | null>(null);
  const start = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  // A new outcome (refused or done) ends the question.
  const open = asking !== null && asking.since === state;
  useEffect(() => {
    if (open) yes.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      start.current?.focus();
    }
  }, [open]);
  const cancel = () => {
    returnFocus.current = true;
    setAsking(null);
  };
  if (!open) {
    return (
      <button ref={start} type="button" className={className} onClick={() => setAsking({ since: state })}>
        {children}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <span className="text-sm font-medium text-slate-800">{question}</span>
      <button ref={yes} type="submit" className="inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-red-800 disabled:opacity-60" disabled={pending} aria-busy={pending}>
        {pending ? t("saving") : confirmLabel}
      </button>
      <button type="button" className="btn-secondary" onClick={cancel} disabled={pending}>
        {t("cancel")}
      </button>
    </span>
  );
}

/** A secret shown once, with a button that copies it and says so. */
export function CopyableSecret({ secret, label }: { secret: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const t = useTranslations("ui.form");
  return (
    <div className="mt-3 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="token-secret">{secret}</code>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            navigator.clipboard.writeText(secret).then(
              () => setCopied("copied"),
              () => setCopied("failed"),
            );
          }}
        >
          {t("copy")}
        </button>
        <span aria-live="polite" className="text-sm text-slate-700" data-testid="copy-status">
          {copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
    </div>
  );
}
