import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LEVELS } from "@/lib/domain/assessment";
import { headlineByEdition } from "@/lib/domain/headline";
import { STATUSES } from "@/lib/domain/vocabulary";
import {
  DUE_SOON_DAYS,
  NO_OWNER,
  REVIEW_DUE_WINDOWS,
  reviewDueText,
  reviewDueWindowOf,
  workListParams,
  type StatusFilter,
  type TierFilter,
  type WorkListFilters,
} from "@/lib/domain/work-list";
import type { WorkListPage } from "@/lib/queries/work-list";
import { HeadlineBadge } from "./badges";
import { Pagination } from "./pagination";
import { LevelBadge } from "./risk-breakdown";

/**
 * Manage's list of software to work on: a GET form (the filters live in the URL, so a filtered
 * list can be bookmarked and works without JavaScript) and one row per tool, linking to its
 * manage page.
 */
export async function WorkList({
  filters,
  problems,
  owners,
  list,
  today,
}: {
  filters: WorkListFilters;
  problems: string[];
  owners: string[];
  list: WorkListPage;
  today: string;
}) {
  const [t, vocabulary, format] = await Promise.all([getTranslations("catalogue.workList"), getTranslations("vocabulary"), getFormatter()]);
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), "day");
  const dueText = (dueOn: string | null) => {
    const text = reviewDueText(dueOn, today);
    return text.key === "none" ? t("dueText.none") : t(`dueText.${text.key}`, { date: day(text.date) });
  };
  const notAssessed = vocabulary("tierBucket.not_assessed");
  const statusOptions: [StatusFilter, string][] = [...STATUSES.map((s) => [s, vocabulary(`status.${s}`)] as [StatusFilter, string]), ["unclassified", vocabulary("statusBucket.unclassified")]];
  const tierOptions: [TierFilter, string][] = [...LEVELS.map((l) => [l, vocabulary(`level.${l}`)] as [TierFilter, string]), ["not_assessed", notAssessed]];
  const params = workListParams(filters);
  const owner = ownerChoice(filters.owner, owners);
  return (
    <section className="space-y-4" aria-labelledby="work-list">
      <h2 id="work-list" className="text-lg font-semibold">{t("heading")}</h2>
      {problems.length > 0 && (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="alert" data-testid="work-list-problems">
          <p>{t("problemsIntro")}</p>
          <ul className="list-disc pl-5">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </div>
      )}
      <form method="get" action="/manage" className="card grid gap-3 sm:grid-cols-6" aria-label={t("filterLabel")}>
        <div className="sm:col-span-2">
          <label htmlFor="w-q" className="block text-sm font-medium text-slate-700">{t("search")}</label>
          <input id="w-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className="input" />
        </div>
        <Select id="w-status" label={t("status")} any={t("any")} name="status" value={filters.status} options={statusOptions} />
        <Select id="w-owner" label={t("owner")} any={t("any")} name="owner" value={owner.value} options={[[NO_OWNER, t("noOwner")] as const, ...owner.options.map((o) => [o, o] as const)]} />
        <Select id="w-due" label={t("reviewDue")} any={t("any")} name="due" value={filters.due}
          options={REVIEW_DUE_WINDOWS.map((w) => [w, t(`window.${w}`, { days: DUE_SOON_DAYS })] as const)} />
        <Select id="w-tier" label={t("assessedTier")} any={t("any")} name="tier" value={filters.tier} options={tierOptions} />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-6">
          <div>
            <label htmlFor="w-sort" className="block text-sm font-medium text-slate-700">{t("order")}</label>
            <select id="w-sort" name="sort" defaultValue={filters.sort} className="input">
              <option value="name">{t("byName")}</option>
              <option value="due">{t("dueSoonest")}</option>
            </select>
          </div>
          <button type="submit" className="btn">{t("apply")}</button>
          <Link href="/manage" className="btn-secondary no-underline">{t("clear")}</Link>
          <span className="ml-auto text-sm text-slate-600" data-testid="work-list-count" aria-live="polite">
            {t("count", { count: list.total })}
          </span>
        </div>
      </form>

      {list.items.length === 0 ? (
        <p className="card text-slate-600">{t("noMatch")}</p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm max-sm:block" aria-label={t("tableLabel")}>
          <thead className="bg-slate-50 text-slate-600 max-sm:sr-only">
            <tr>
              <th scope="col" className="px-4 py-2">{t("columnSoftware")}</th>
              <th scope="col" className="px-4 py-2">{t("columnStatus")}</th>
              <th scope="col" className="px-4 py-2">{t("columnOwner")}</th>
              <th scope="col" className="px-4 py-2">{t("columnReview")}</th>
              <th scope="col" className="px-4 py-2">{t("columnTier")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 max-sm:block">
            {list.items.map((item) => {
              const overdue = reviewDueWindowOf(item.reviewDueOn, today) === "overdue";
              return (
                <tr key={item.id} className="max-sm:block max-sm:py-2" data-testid="work-list-row">
                  <td className="px-4 py-2 max-sm:block max-sm:py-1">
                    <Link href={`/manage/software/${item.slug}`} className="font-medium">{item.name}</Link>
                    {item.vendorName && <span className="block text-xs text-slate-600">{item.vendorName}</span>}
                  </td>
                  <td className="px-4 py-2 max-sm:block max-sm:py-1">
                    <HeadlineBadge status={item.status} byEdition={headlineByEdition(item.headline)} />
                  </td>
                  <td className="px-4 py-2 max-sm:block max-sm:py-1">
                    <span className="sm:hidden text-slate-600">{t("ownerPrefix")}</span>{item.owner ?? <span className="text-slate-600">{t("noOwner")}</span>}
                  </td>
                  <td className={`px-4 py-2 max-sm:block max-sm:py-1 ${overdue ? "font-semibold text-red-700" : ""}`} data-testid="work-list-due">
                    <span className="sm:hidden font-normal text-slate-600">{t("reviewPrefix")}</span>{dueText(item.reviewDueOn)}
                  </td>
                  <td className="px-4 py-2 max-sm:block max-sm:py-1" data-testid="work-list-tier">
                    <span className="sm:hidden text-slate-600">{t("tierPrefix")}</span>
                    {item.tier ? <LevelBadge level={item.tier} /> : <span className="text-slate-600">{notAssessed}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.pageCount > 1 && <Pagination page={list.page} pageCount={list.pageCount} params={params} path="/manage" />}
    </section>
  );
}

/** The owner select's options and chosen one; an owner named in the URL but not in the catalogue stays shown. */
function ownerChoice(wanted: string | undefined, owners: string[]): { value?: string; options: string[] } {
  if (!wanted || wanted === NO_OWNER) return { value: wanted, options: owners };
  const known = owners.find((o) => o.toLowerCase() === wanted.toLowerCase());
  return known ? { value: known, options: owners } : { value: wanted, options: [...owners, wanted] };
}

function Select({ id, label, any, name, value, options }: { id: string; label: string; any: string; name: string; value?: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{any}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}
