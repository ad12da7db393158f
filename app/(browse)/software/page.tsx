import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeadlineBadge } from "@/components/badges";
import { headlineByEdition } from "@/lib/domain/headline";
import { Pagination } from "@/components/pagination";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { KINDS, STATUSES } from "@/lib/domain/vocabulary";
import { inRequestLocale } from "@/lib/auth/locale";
import { listCategories, listSoftware, listVendors } from "@/lib/queries/software";
import { ListQuery } from "@/lib/validation/api";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("browse.catalogue"))("title") };
}

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // The refusals of bad filters are worded as the input is checked: in the page's language.
  const parsed = await inRequestLocale(() => ListQuery.safeParse(raw));
  const [t, words] = await Promise.all([getTranslations("browse.catalogue"), getTranslations("vocabulary")]);
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

  const statusOptions: [string, string][] = [...STATUSES.map((s): [string, string] => [s, words(`status.${s}`)]), ["unclassified", words("statusBucket.unclassified")]];

  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      {!parsed.success && (
        <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {t("invalidFilters", { problems: parsed.error.issues.map((i) => i.message).join(words("listSeparator")) })}
        </p>
      )}
      <form method="get" className="card mb-6 grid gap-3 sm:grid-cols-6" aria-label={t("filterLabel")}>
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className="block text-sm font-medium text-slate-700">{t("search")}</label>
          <input id="f-q" name="q" defaultValue={filters.q ?? ""} maxLength={200} className="input" />
        </div>
        <FilterSelect id="f-status" label={t("status")} any={t("any")} name="status" value={filters.status}
          options={statusOptions} />
        <FilterSelect id="f-kind" label={t("kind")} any={t("any")} name="kind" value={filters.kind} options={KINDS.map((k) => [k, words(`kind.${k}`)] as const)} />
        <FilterSelect id="f-category" label={t("category")} any={t("any")} name="category" value={filters.category} options={categories.map((c) => [c, c] as const)} />
        <FilterSelect id="f-vendor" label={t("vendor")} any={t("any")} name="vendor" value={filters.vendor} options={vendorList.map((v) => [v.slug, v.name] as const)} />
        <div className="flex items-end gap-2 sm:col-span-6">
          <button type="submit" className="btn">{t("apply")}</button>
          <Link href="/software" className="btn-secondary no-underline">{t("clear")}</Link>
          <span className="ml-auto text-sm text-slate-600" data-testid="result-count">{t("count", { count: page.total })}</span>
          <span className="text-sm text-slate-600">
            {t("download")}{" "}
            <a href={exportUrl("csv")} download>CSV</a>
            {" · "}
            <a href={exportUrl("json")} download>JSON</a>
          </span>
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className="card text-slate-600">{t("empty")}</p>
      ) : (
        <TableScroll label={t("title")} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">{t("software")}</th>
              <th scope="col" className="px-4 py-2">{t("vendor")}</th>
              <th scope="col" className="px-4 py-2">{t("kind")}</th>
              <th scope="col" className="px-4 py-2">{t("category")}</th>
              <th scope="col" className="px-4 py-2">{t("status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((item) => (
              <tr key={item.id}>
                <td className="px-4 py-2 font-medium"><Link href={`/software/${item.slug}`}>{item.name}</Link></td>
                <td className="px-4 py-2">{item.vendorName ?? "—"}</td>
                <td className="px-4 py-2">{words(`kind.${item.kind}`)}</td>
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

function FilterSelect({ id, label, any, name, value, options }: { id: string; label: string; any: string; name: string; value?: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}
