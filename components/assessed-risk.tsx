import { useFormatter, useTranslations } from "next-intl";
import type { AssessedRisk } from "@/lib/services/verdicts";
import { LevelBadge } from "./risk-breakdown";

/** Why a tool is risky, for the person who would use it: the assessed tier and, for AI tools, what the agent can do. */
export function AssessedRiskSummary({ risk, scope }: { risk: AssessedRisk; scope: string | null }) {
  const t = useTranslations("software.risk");
  const format = useFormatter();
  return (
    <div className="space-y-2 text-sm" data-testid="assessed-risk">
      <p>
        {scope ? <strong>{t("scope", { scope })}</strong> : null}
        {t("assessed")} <LevelBadge level={risk.inherentTier} />
        {risk.residualTier && risk.residualTier !== risk.inherentTier && (
          <> · {t("withConditions")} <LevelBadge level={risk.residualTier} /></>
        )}
        {risk.completedOn && (
          <span className="text-slate-600">
            {" · "}
            <time dateTime={risk.completedOn}>{t("assessedOn", { date: format.dateTime(new Date(`${risk.completedOn}T00:00:00Z`), "day") })}</time>
          </span>
        )}
      </p>
      {risk.agentCapabilities.length > 0 && (
        <div>
          <p className="font-medium">{t("canDo")}</p>
          <ul className="ml-5 list-disc" aria-label={t("canDoLabel")}>
            {risk.agentCapabilities.map((c) => <li key={c.id} data-capability={c.id}>{t("capability", { text: c.text })}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
