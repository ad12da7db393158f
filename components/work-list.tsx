import Link from "next/link";
import { LEVEL_LABELS, LEVELS } from "@/lib/domain/assessment";
import { headlineByEdition } from "@/lib/domain/headline";
import { STATUS_LABELS, STATUSES } from "@/lib/domain/vocabulary";
import {
  NO_OWNER,
  REVIEW_DUE_LABELS,
  REVIEW_DUE_WINDOWS,
  reviewDueText,
  reviewDueWindowOf,
  workListParams,
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
export function WorkList({
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
  const params = workListParams(filters);
  const owner = ownerChoice(filters.owner, owners);
  return (
    <section className="space-y-4" aria-labelledby="work-list">
      <h2 id="work-list" className="text-lg font-semibold">Software</h2>
      {problems.length > 0 && (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="alert" data-testid="work-list-problems">
          <p>Some filters were not valid and were left out:</p>
          <ul className="list-disc pl-5">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </div>
      )}
      <form method="get" action="/manage" className="card grid gap-3 sm:grid-cols-6" aria-label="Filter the software">
        <div className="sm:col-span-2">
          <label htmlFor="w-q" className="block text-sm font-medium text-slate-700">Search</label>
          <input id="w-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className="input" />
        </div>
        <Select id="w-status" label="Status" name="status" value={filters.status}
          options={[...STATUSES.map((s) => [s, STATUS_LABELS[s]] as const), ["unclassified", "Not yet classified"] as const]} />
        <Select id="w-owner" label="Owner" name="owner" value={owner.value} options={[[NO_OWNER, "No owner"] as const, ...owner.options.map((o) => [o, o] as const)]} />
        <Select id="w-due" label="Review due" name="due" value={filters.due} options={REVIEW_DUE_WINDOWS.map((w) => [w, REVIEW_DUE_LABELS[w]] as const)} />
        <Select id="w-tier" label="Assessed tier" name="tier" value={filters.tier}
          options={[...LEVELS.map((l) => [l, LEVEL_LABELS[l]] as const), ["not_assessed", "Not assessed"] as const]} />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-6">
          <div>
            <label htmlFor="w-sort" className="block text-sm font-medium text-slate-700">Order</label>
            <select id="w-sort" name="sort" defaultValue={filters.sort} className="input">
              <option value="name">By name</option>
              <option value="due">Review due soonest</option>
            </select>
          </div>
          <button type="submit" className="btn">Apply filters</button>
          <Link href="/manage" className="btn-secondary no-underline">Clear</Link>
          <span className="ml-auto text-sm text-slate-600" data-testid="work-list-count" aria-live="polite">
            {list.total} {list.total === 1 ? "tool" : "tools"}
          </span>
        </div>
      </form>

      {list.items.length === 0 ? (
        <p className="card text-slate-600">No software matches these filters.</p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm max-sm:block" aria-label="Software to work on">
          <thead className="bg-slate-50 text-slate-600 max-sm:sr-only">
            <tr>
              <th scope="col" className="px-4 py-2">Software</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Owner</th>
              <th scope="col" className="px-4 py-2">Review</th>
              <th scope="col" className="px-4 py-2">Assessed tier</th>
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
                    <span className="sm:hidden text-slate-600">Owner: </span>{item.owner ?? <span className="text-slate-600">No owner</span>}
                  </td>
                  <td className={`px-4 py-2 max-sm:block max-sm:py-1 ${overdue ? "font-semibold text-red-700" : ""}`} data-testid="work-list-due">
                    <span className="sm:hidden font-normal text-slate-600">Review: </span>{reviewDueText(item.reviewDueOn, today)}
                  </td>
                  <td className="px-4 py-2 max-sm:block max-sm:py-1" data-testid="work-list-tier">
                    <span className="sm:hidden text-slate-600">Assessed tier: </span>
                    {item.tier ? <LevelBadge level={item.tier} /> : <span className="text-slate-600">Not assessed</span>}
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

function Select({ id, label, name, value, options }: { id: string; label: string; name: string; value?: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">Any</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}
