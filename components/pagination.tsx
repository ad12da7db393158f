import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous/next links that keep the other query parameters. */
export function Pagination({ page, pageCount, params, path }: { page: number; pageCount: number; params: Record<string, string>; path: string }) {
  const t = useTranslations("ui.pagination");
  const href = (p: number) => `${path}?${new URLSearchParams({ ...params, page: String(p) })}`;
  return (
    <nav aria-label={t("label")} className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">{t("previous")}</Link> : <span />}
      <span className="text-slate-600">{t("page", { page, pageCount })}</span>
      {page < pageCount ? <Link href={href(page + 1)} rel="next">{t("next")}</Link> : <span />}
    </nav>
  );
}
