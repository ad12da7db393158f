import { DIMENSION_LABELS, LEVEL_LABELS, type Level, type RiskResult } from "@/lib/domain/assessment";
import { TableScroll } from "@/components/table-scroll";

const LEVEL_STYLES: Record<Level, string> = {
  low: "bg-emerald-100 text-emerald-900",
  medium: "bg-amber-100 text-amber-900",
  high: "bg-orange-200 text-orange-950",
  critical: "bg-red-200 text-red-950",
};

/** The level badges' hues at full strength, for charts: a bar's fill and its swatch in the chart's table. */
export const LEVEL_CHART_COLOURS: Record<Level | "not_assessed", { fill: string; swatch: string }> = {
  low: { fill: "fill-emerald-500", swatch: "bg-emerald-500" },
  medium: { fill: "fill-amber-500", swatch: "bg-amber-500" },
  high: { fill: "fill-orange-500", swatch: "bg-orange-500" },
  critical: { fill: "fill-red-600", swatch: "bg-red-600" },
  not_assessed: { fill: "fill-slate-400", swatch: "bg-slate-400" },
};

export function LevelBadge({ level }: { level: Level }) {
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${LEVEL_STYLES[level]}`} data-level={level}>{LEVEL_LABELS[level]}</span>;
}

/** The explainable score: each dimension's level with the answers that drove it, then the tiers. */
export function RiskBreakdown({ result }: { result: RiskResult }) {
  return (
    <div className="space-y-4" data-testid="risk-breakdown">
      <div className="flex flex-wrap gap-6">
        <p>Inherent tier: <LevelBadge level={result.inherentTier} /> <span className="text-sm text-slate-600">{result.inherentExplanation}</span></p>
        <p>Residual tier: <LevelBadge level={result.residualTier} /> <span className="text-sm text-slate-600">{result.residualExplanation}</span></p>
      </div>
      <TableScroll label="Risk by dimension">
      <table className="w-full text-left text-sm" aria-label="Risk by dimension">
        <thead className="text-slate-600">
          <tr><th scope="col" className="py-1 pr-3">Dimension</th><th scope="col" className="py-1 pr-3">Inherent</th><th scope="col" className="py-1 pr-3">Driven by</th><th scope="col" className="py-1">Residual</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {result.dimensions.map((d) => {
            const residual = result.residual.find((r) => r.dimension === d.dimension)!;
            return (
              <tr key={d.dimension} data-dimension={d.dimension}>
                <th scope="row" className="py-2 pr-3 font-medium">{DIMENSION_LABELS[d.dimension]}</th>
                <td className="py-2 pr-3"><LevelBadge level={d.level} /></td>
                <td className="py-2 pr-3">
                  {d.drivers.length === 0 ? <span className="text-slate-500">—</span> : (
                    <ul className="space-y-0.5">
                      {d.drivers.map((driver, i) => (
                        <li key={`${driver.questionId}-${i}`}>{driver.prompt} <strong>{driver.answer}</strong> <span className="text-slate-500">({LEVEL_LABELS[driver.level].toLowerCase()})</span></li>
                      ))}
                    </ul>
                  )}
                  <p className="text-xs text-slate-500">{d.explanation}</p>
                </td>
                <td className="py-2">
                  <LevelBadge level={residual.level} />
                  {residual.mitigatedBy.length > 0 && <p className="text-xs text-slate-500">after: {residual.mitigatedBy.join("; ")}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </TableScroll>
    </div>
  );
}
