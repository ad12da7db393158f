"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from "react";
import { IDLE, type ActionState } from "@/lib/forms";
import { announceFlash, useFlashedAt } from "./flash";
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
    // A decision's confirmation is shown by the page's status region, which outlives this form.
    if (state.status === "ok" && state.flashed) announceFlash(state.at);
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
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending} name={name} value={value}>
      {pending ? "Saving…" : children}
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
