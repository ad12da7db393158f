import type { Metadata } from "next";
import Link from "next/link";
import { HeadlineBadge } from "@/components/badges";
import { headlineByEdition } from "@/lib/domain/headline";
import { Pagination } from "@/components/pagination";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { KIND_LABELS, KINDS, STATUS_LABELS, STATUSES } from "@/lib/domain/vocabulary";
import { listCategories, listSoftware, listVendors } from "@/lib/queries/software";
import { ListQuery } from "@/lib/validation/api";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Catalogue" };

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ListQuery.safeParse(raw);
  const db = await getDb();
  const [vendorList, categories] = await Promise.all([listVendors(db), listCategories(db)]);
  const filters = parsed.success ? parsed.data : ListQuery.parse({});
  const page = await listSoftware(db, filters);
  const kept = Object.fromEntries(
    Object.entries({ q: filters.q, status: filters.status, kind: filters.kind, category: filters.category, vendor: filters.vendor, pageSize: raw.pageSize ? String(filters.pageSize) : undefined }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );

  // The export takes the same filters, without paging: every tool that matches.
  const exportUrl = (format: "csv" | "json") => {
    const { pageSize: _pageSize, ...filtersOnly } = kept;
    return `/api/v1/catalogue/export?${new URLSearchParams({ ...filtersOnly, format })}`;
  };

  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Catalogue</h1>
      {!parsed.success && (
        <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
          Some filters were not valid and were ignored: {parsed.error.issues.map((i) => i.message).join("; ")}.
        </p>
      )}
      <form method="get" className="card mb-6 grid gap-3 sm:grid-cols-6" aria-label="Filter the catalogue">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className="block text-sm font-medium text-slate-700">Search</label>
          <input id="f-q" name="q" defaultValue={filters.q ?? ""} maxLength={200} className="input" />
        </div>
        <FilterSelect id="f-status" label="Status" name="status" value={filters.status}
          options={[...STATUSES.map((s) => [s, STATUS_LABELS[s]] as const), ["unclassified", "Not yet classified"] as const]} />
        <FilterSelect id="f-kind" label="Kind" name="kind" value={filters.kind} options={KINDS.map((k) => [k, KIND_LABELS[k]] as const)} />
        <FilterSelect id="f-category" label="Category" name="category" value={filters.category} options={categories.map((c) => [c, c] as const)} />
        <FilterSelect id="f-vendor" label="Vendor" name="vendor" value={filters.vendor} options={vendorList.map((v) => [v.slug, v.name] as const)} />
        <div className="flex items-end gap-2 sm:col-span-6">
          <button type="submit" className="btn">Apply filters</button>
          <Link href="/software" className="btn-secondary no-underline">Clear</Link>
          <span className="ml-auto text-sm text-slate-600" data-testid="result-count">{page.total} {page.total === 1 ? "tool" : "tools"}</span>
          <span className="text-sm text-slate-600">
            Download these:{" "}
            <a href={exportUrl("csv")} download>CSV</a>
            {" · "}
            <a href={exportUrl("json")} download>JSON</a>
          </span>
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className="card text-slate-600">Nothing in the catalogue matches these filters.</p>
      ) : (
        <TableScroll label="Catalogue" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">Software</th>
              <th scope="col" className="px-4 py-2">Vendor</th>
              <th scope="col" className="px-4 py-2">Kind</th>
              <th scope="col" className="px-4 py-2">Category</th>
              <th scope="col" className="px-4 py-2">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((item) => (
              <tr key={item.id}>
                <td className="px-4 py-2 font-medium"><Link href={`/software/${item.slug}`}>{item.name}</Link></td>
                <td className="px-4 py-2">{item.vendorName ?? "—"}</td>
                <td className="px-4 py-2">{KIND_LABELS[item.kind]}</td>
                <td className="px-4 py-2">{item.category}</td>
                <td className="px-4 py-2"><HeadlineBadge status={item.status} byEdition={headlineByEdition(item.headline)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} params={kept} path="/software" />
    </div>
  );
}

function FilterSelect({ id, label, name, value, options }: { id: string; label: string; name: string; value?: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}
