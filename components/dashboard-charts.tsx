"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, LabelList, Rectangle, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { Bar as CountBar, StatusBucket, TierBucket } from "@/lib/domain/dashboard";
import { STATUS_CHART_COLOURS } from "./badges";
import { LEVEL_CHART_COLOURS } from "./risk-breakdown";
import { TableScroll } from "@/components/table-scroll";

type Colours<K extends string> = Record<K, { fill: string; swatch: string }>;

/** Software counted by headline status and by assessed tier: two bar charts, each with its table. */
export function SoftwareCountCharts({ byStatus, byTier, total }: { byStatus: CountBar<StatusBucket>[]; byTier: CountBar<TierBucket>[]; total: number }) {
  const t = useTranslations("dashboardClient");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <CountChart id="by-status" title={t("byStatus")} bars={byStatus} colours={STATUS_CHART_COLOURS} keyHeading={t("status")} total={total} />
      <CountChart id="by-tier" title={t("byTier")} bars={byTier} colours={LEVEL_CHART_COLOURS} keyHeading={t("tier")} total={total} />
    </div>
  );
}

/**
 * One bar chart and the same numbers as a table. The chart is hidden from assistive
 * technology: the table is what screen readers read, and it is on screen for everyone.
 */
function CountChart<K extends string>({ id, title, bars: counted, colours, keyHeading, total }: { id: string; title: string; bars: CountBar<K>[]; colours: Colours<K>; keyHeading: string; total: number }) {
  const t = useTranslations("dashboardClient");
  const vocabulary = useTranslations("vocabulary");
  const format = useFormatter();
  // The bucket names in the reader's language: the chart's axis and the table read the same words.
  const bars = counted.map((bar) => ({ ...bar, label: vocabulary(bar.labelKey) }));
  return (
    <section className="card space-y-3" aria-labelledby={id} data-testid={`chart-${id}`}>
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <div aria-hidden="true" className="h-56 w-full">
        <BarChart
          responsive
          style={{ width: "100%", height: "100%" }}
          data={bars}
          layout="vertical"
          margin={{ top: 4, right: 32, bottom: 4, left: 4 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(value: number) => format.number(value)} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} interval={0} />
          <Bar
            dataKey="count"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => <Rectangle {...props} className={bars[props.index] ? colours[bars[props.index]!.key].fill : undefined} />}
          >
            <LabelList dataKey="count" position="right" className="fill-slate-700 text-xs" formatter={(value) => (typeof value === "number" ? format.number(value) : value)} />
          </Bar>
        </BarChart>
      </div>
      <TableScroll label={t("tableLabel")}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption", { title })}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{keyHeading}</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">{t("software")}</th>
            <th scope="col" className="py-1 text-right font-medium">{t("share")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {bars.map((bar) => (
            <tr key={bar.key} data-key={bar.key}>
              <th scope="row" className="py-1 pr-3 font-normal">
                <span aria-hidden="true" className={`mr-2 inline-block size-2.5 rounded-sm ${colours[bar.key].swatch}`} />
                {bar.label}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums" data-count>{format.number(bar.count)}</td>
              <td className="py-1 text-right tabular-nums text-slate-600">{t("percent", { percent: format.number(bar.percent) })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300">
            <th scope="row" className="py-1 pr-3 font-semibold">{t("total")}</th>
            <td className="py-1 pr-3 text-right font-semibold tabular-nums" data-total>{format.number(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      </TableScroll>
    </section>
  );
}
