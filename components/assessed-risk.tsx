import type { AssessedRisk } from "@/lib/services/verdicts";
import { LevelBadge } from "./risk-breakdown";

/** Why a tool is risky, for the person who would use it: the assessed tier and, for AI tools, what the agent can do. */
export function AssessedRiskSummary({ risk, scope }: { risk: AssessedRisk; scope: string | null }) {
  return (
    <div className="space-y-2 text-sm" data-testid="assessed-risk">
      <p>
        {scope ? <strong>{scope}: </strong> : null}
        Assessed risk <LevelBadge level={risk.inherentTier} />
        {risk.residualTier && risk.residualTier !== risk.inherentTier && (
          <> · with the conditions <LevelBadge level={risk.residualTier} /></>
        )}
        {risk.completedOn && <span className="text-slate-600"> · assessed {risk.completedOn}</span>}
      </p>
      {risk.agentCapabilities.length > 0 && (
        <div>
          <p className="font-medium">What this agent can do:</p>
          <ul className="ml-5 list-disc" aria-label="What this agent can do">
            {risk.agentCapabilities.map((c) => <li key={c.id} data-capability={c.id}>It {c.text}.</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
