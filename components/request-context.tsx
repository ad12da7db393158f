import { getTranslations } from "next-intl/server";
import type { Status } from "@/lib/domain/vocabulary";
import type { ExpectedStep, RoughDuration, TypicalDecisionTime } from "@/lib/domain/request-expectations";
import { AlternativeLink, type Alternative } from "./alternative-link";

export interface ScopeContext {
  /** null: the software has no editions. */
  editionName: string | null;
  status: Status | null;
  conditions: string[];
  alternatives: Alternative[];
}

/** What a requester reads before sending: the tool's conditions, the approved alternatives, and how long it will take. */
export async function RequestContext({ toolName, scopes, steps, typical, windowDays, now }: {
  toolName: string;
  scopes: ScopeContext[];
  steps: ExpectedStep[];
  /** null: no request was decided in the window. */
  typical: TypicalDecisionTime | null;
  windowDays: number;
  now: Date;
}) {
  const [t, tv] = await Promise.all([getTranslations("requests.context"), getTranslations("vocabulary.status")]);
  const withConditions = scopes.filter((s) => s.conditions.length > 0);
  const withAlternatives = scopes.filter((s) => s.alternatives.length > 0);
  const scopeName = (s: ScopeContext) => (s.editionName ? `${toolName} ${s.editionName}` : toolName);
  const said = (d: RoughDuration) => (d.unit === "underAnHour" ? t("underAnHour") : t(d.unit === "hours" ? "aboutHours" : "aboutDays", { count: d.count }));
  return (
    <section className="card space-y-4 text-sm" aria-labelledby="before-you-ask" data-testid="request-context">
      <h2 id="before-you-ask" className="text-lg font-semibold">{t("heading")}</h2>
      {withAlternatives.length > 0 && (
        <div data-testid="try-first">
          <h3 className="font-semibold">{t("tryFirst")}</h3>
          <p className="text-slate-600">{t("tryFirstIntro")}</p>
          {withAlternatives.map((s) => (
            <div key={s.editionName ?? "all"} className="mt-1">
              {scopes.length > 1 && <p className="font-medium">{t("insteadOf", { scope: scopeName(s) })}</p>}
              <ul className="ml-5 list-disc">
                {s.alternatives.map((a) => <li key={a.id}><AlternativeLink alternative={a} now={now} /></li>)}
              </ul>
            </div>
          ))}
        </div>
      )}
      <div data-testid="tool-conditions">
        <h3 className="font-semibold">{t("conditionsHeading")}</h3>
        {withConditions.length === 0 ? (
          <p className="text-slate-600">{t("noConditions")}</p>
        ) : (
          withConditions.map((s) => (
            <div key={s.editionName ?? "all"} className="mt-1">
              <p className="font-medium">{s.status ? t("scopeWithStatus", { scope: scopeName(s), status: tv(s.status) }) : t("scope", { scope: scopeName(s) })}</p>
              <ul className="ml-5 list-disc">{s.conditions.map((c) => <li key={c}>{c}</li>)}</ul>
            </div>
          ))
        )}
      </div>
      <div data-testid="request-timing">
        <h3 className="font-semibold">{t("timingHeading")}</h3>
        <ol className="ml-5 list-decimal">
          {steps.map((step) => (
            <li key={step.who}>{t("step", { who: step.who, days: step.slaDays })}</li>
          ))}
        </ol>
        <p className="mt-1">
          <span className="font-medium">{t("typicalLabel")}</span>{" "}
          <span data-testid="typical-decision-time">
            {typical ? t("typical", { duration: said(typical.median), decided: typical.decided, windowDays: typical.windowDays }) : t("noHistory", { windowDays })}
          </span>
        </p>
      </div>
    </section>
  );
}
