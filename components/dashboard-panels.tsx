import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { firstOf, type HeatMap } from "@/lib/domain/dashboard";
import { LEVELS } from "@/lib/domain/assessment";
import { TableScroll } from "@/components/table-scroll";

/** Cell backgrounds by shade (lib/domain/dashboard.ts HEAT_SHADES): darker is more assessments. */
const SHADE_CLASSES = ["bg-white text-slate-600", "bg-indigo-50", "bg-indigo-100", "bg-indigo-200", "bg-indigo-300", "bg-indigo-400 text-slate-950"] as const;

/** The dimension × level heat map as a table: the count is the text of each cell, the shade repeats it. */
export async function HeatMapTable({ heatMap }: { heatMap: HeatMap }) {
  const [t, vocabulary, format] = await Promise.all([getTranslations("dashboard.heatMap"), getTranslations("vocabulary"), getFormatter()]);
  return (
    <section className="card space-y-3" aria-labelledby="heat-map" data-testid="heat-map">
      <h2 id="heat-map" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">
        {t("intro", { count: heatMap.assessments })}
      </p>
      <TableScroll label={t("tableLabel")}>
        <table className="w-full min-w-[28rem] border-separate border-spacing-1 text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left font-medium text-slate-600">{t("dimension")}</th>
              {LEVELS.map((level) => <th key={level} scope="col" className="w-24 text-center font-medium text-slate-600">{vocabulary(`level.${level}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {heatMap.rows.map((row) => (
              <tr key={row.dimension} data-dimension={row.dimension}>
                <th scope="row" className="pr-3 text-left font-medium">{vocabulary(`dimension.${row.dimension}`)}</th>
                {row.cells.map((cell) => (
                  <td key={cell.level} data-level={cell.level} className={`rounded py-2 text-center tabular-nums ${SHADE_CLASSES[cell.shade]}`}>
                    {format.number(cell.count)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** A titled list with its count, the first `limit` items, and what to say when it is empty. */
export async function DashboardList<T>({ title, testId, items, empty, limit = 10, counted = true, more, render }: {
  title: string;
  testId: string;
  items: readonly T[];
  empty: string;
  limit?: number;
  /** Show how many there are in the heading (not for a list that is already a "latest N"). */
  counted?: boolean;
  /** Where the rest of a long list lives, if the reader may go there. */
  more?: { href: string; label: string };
  render: (item: T) => ReactNode;
}) {
  const { shown, more: hidden } = firstOf(items, limit);
  const [t, format] = await Promise.all([getTranslations("dashboard.list"), getFormatter()]);
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2 className="mb-2 text-lg font-semibold">{counted ? t("titleCount", { title, count: format.number(items.length) }) : title}</h2>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">{shown.map(render)}</ul>
      )}
      {hidden > 0 && (
        <p className="mt-2 text-sm text-slate-600">
          {more ? t.rich("moreIn", { count: format.number(hidden), label: more.label, link: (chunks) => <Link href={more.href}>{chunks}</Link> }) : t("more", { count: format.number(hidden) })}
        </p>
      )}
    </section>
  );
}
