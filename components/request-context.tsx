import { STATUS_LABELS, type Status } from "@/lib/domain/vocabulary";
import type { ExpectedStep } from "@/lib/domain/request-expectations";
import { AlternativeLink, type Alternative } from "./alternative-link";

export interface ScopeContext {
  /** null: the software has no editions. */
  editionName: string | null;
  status: Status | null;
  conditions: string[];
  alternatives: Alternative[];
}

/** What a requester reads before sending: the tool's conditions, the approved alternatives, and how long it will take. */
export function RequestContext({ toolName, scopes, steps, typical, now }: { toolName: string; scopes: ScopeContext[]; steps: ExpectedStep[]; typical: string; now: Date }) {
  const withConditions = scopes.filter((s) => s.conditions.length > 0);
  const withAlternatives = scopes.filter((s) => s.alternatives.length > 0);
  const scopeName = (s: ScopeContext) => (s.editionName ? `${toolName} ${s.editionName}` : toolName);
  return (
    <section className="card space-y-4 text-sm" aria-labelledby="before-you-ask" data-testid="request-context">
      <h2 id="before-you-ask" className="text-lg font-semibold">Before you ask</h2>
      {withAlternatives.length > 0 && (
        <div data-testid="try-first">
          <h3 className="font-semibold">Try these first</h3>
          <p className="text-slate-600">Approved tools that may do the job without an exception:</p>
          {withAlternatives.map((s) => (
            <div key={s.editionName ?? "all"} className="mt-1">
              {scopes.length > 1 && <p className="font-medium">Instead of {scopeName(s)}:</p>}
              <ul className="ml-5 list-disc">
                {s.alternatives.map((a) => <li key={a.id}><AlternativeLink alternative={a} now={now} /></li>)}
              </ul>
            </div>
          ))}
        </div>
      )}
      <div data-testid="tool-conditions">
        <h3 className="font-semibold">The conditions you would accept</h3>
        {withConditions.length === 0 ? (
          <p className="text-slate-600">The classification in force lists no conditions; security may attach some to your exception.</p>
        ) : (
          withConditions.map((s) => (
            <div key={s.editionName ?? "all"} className="mt-1">
              <p className="font-medium">{scopeName(s)}{s.status ? ` (${STATUS_LABELS[s.status]})` : ""}:</p>
              <ul className="ml-5 list-disc">{s.conditions.map((c) => <li key={c}>{c}</li>)}</ul>
            </div>
          ))
        )}
      </div>
      <div data-testid="request-timing">
        <h3 className="font-semibold">How long it takes</h3>
        <ol className="ml-5 list-decimal">
          {steps.map((step) => (
            <li key={step.who}>{step.who} decides within {step.slaDays === 1 ? "1 day" : `${step.slaDays} days`}; past that it is escalated.</li>
          ))}
        </ol>
        <p className="mt-1"><span className="font-medium">Typical decision time:</span> <span data-testid="typical-decision-time">{typical}</span></p>
      </div>
    </section>
  );
}
