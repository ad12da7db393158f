import { useTranslations } from "next-intl";
import type { Level, RiskResult } from "@/lib/domain/assessment";

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
  const t = useTranslations("vocabulary.level");
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${LEVEL_STYLES[level]}`} data-level={level}>{t(level)}</span>;
}

/**
 * The explainable score: each dimension's level with the answers that drove it, then the tiers.
 * One block per dimension, its drivers at the block's full width: in the assessment page's side
 * column a four-column table left the drivers a sliver, one word per line.
 */
export function RiskBreakdown({ result }: { result: RiskResult }) {
  const t = useTranslations("ui.risk");
  const words = useTranslations("vocabulary");
  const separator = useTranslations("vocabulary")("listSeparator");
  return (
    <div className="space-y-4" data-testid="risk-breakdown">
      <div className="space-y-2">
        <p>{t("inherentTier")} <LevelBadge level={result.inherentTier} /> <span className="text-sm text-slate-600">{result.inherentExplanation}</span></p>
        <p>{t("residualTier")} <LevelBadge level={result.residualTier} /> <span className="text-sm text-slate-600">{result.residualExplanation}</span></p>
      </div>
      <h3 id="risk-by-dimension" className="text-sm font-semibold text-slate-700">{t("byDimension")}</h3>
      <ul className="divide-y divide-slate-100 text-sm" aria-labelledby="risk-by-dimension">
        {result.dimensions.map((d) => {
          const residual = result.residual.find((r) => r.dimension === d.dimension)!;
          return (
            <li key={d.dimension} data-dimension={d.dimension} className="space-y-1 py-2">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{words(`dimension.${d.dimension}`)}</span>
                <span className="text-slate-600">{t("inherent")} <LevelBadge level={d.level} /></span>
                <span className="text-slate-600">{t("residual")} <LevelBadge level={residual.level} /></span>
              </div>
              {d.drivers.length > 0 && (
                <ul className="list-disc space-y-0.5 pl-5" data-testid="risk-drivers" aria-label={t("drivers", { dimension: words(`dimension.${d.dimension}`) })}>
                  {d.drivers.map((driver, i) => (
                    <li key={`${driver.questionId}-${i}`}>{driver.prompt} <strong>{driver.answer}</strong> <span className="text-slate-600">({words(`level.${driver.level}`).toLowerCase()})</span></li>
                  ))}
                </ul>
              )}
              <p className="text-xs text-slate-600">{d.explanation}</p>
              {residual.mitigatedBy.length > 0 && <p className="text-xs text-slate-600">{t("residualAfter", { measures: residual.mitigatedBy.join(separator) })}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
