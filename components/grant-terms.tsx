import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { GrantTerms } from "@/lib/domain/grant-terms";
import { dayAsDate, requestPath } from "@/lib/domain/requests";
import type { DataClass } from "@/lib/domain/vocabulary";

/**
 * What a grant holder reads on the tool's page: the data it covers, its conditions, its last day and the request behind it.
 * Data-class labels come from the catalogue (with the company's words laid over it); `dataClassLabels` is no longer read.
 */
export async function GrantTermsPanel({ terms, toolName }: { terms: GrantTerms; toolName: string; dataClassLabels?: Record<DataClass, string> }) {
  const [t, tv, format] = await Promise.all([getTranslations("requests.grantTerms"), getTranslations("vocabulary.dataClass"), getFormatter()]);
  return (
    <div className="rounded-md border border-violet-300 bg-violet-50 p-3 text-sm text-slate-900" data-testid="your-grant">
      <p className="font-semibold">{t("holding", { tool: toolName })}</p>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("data")}</dt>
        <dd>{t("upTo", { dataClass: tv(terms.dataClass) })}</dd>
        <dt className="font-medium">{t("lastDay")}</dt>
        <dd>{t("lastDayValue", { date: format.dateTime(dayAsDate(terms.endsOn), "day"), days: terms.daysLeft })}</dd>
        <dt className="font-medium">{t("yourConditions")}</dt>
        <dd>
          {terms.conditions.length > 0 ? (
            <ul className="ml-5 list-disc">{terms.conditions.map((c) => <li key={c}>{c}</li>)}</ul>
          ) : t("noConditions")}
        </dd>
      </dl>
      {terms.requestId && <p className="mt-2"><Link href={requestPath(terms.requestId)}>{t("seeRequest")}</Link></p>}
    </div>
  );
}
