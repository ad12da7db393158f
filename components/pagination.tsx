import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function Pagination({ page, pageCount, params, path }: { page: number; pageCount: number; params: Record<string, string>; path: string }) {
  const href = (p: number) => `${path}?${new URLSearchParams({ ...params, page: String(p) })}`;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← Previous</Link> : <span />}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)} rel="next">Next →</Link> : <span />}
    </nav>
  );
}
