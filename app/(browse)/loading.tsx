import { useTranslations } from "next-intl";

/**
 * Loading state for the search and catalogue pages only. Pages that may answer 403 or 404
 * (forbidden(), notFound()) must not sit under a loading boundary: streaming would start
 * with status 200 before they could refuse.
 */
export default function Loading() {
  const t = useTranslations("browse");
  return (
    <section aria-labelledby="loading-title" aria-busy="true" className="animate-pulse space-y-4">
      <h1 id="loading-title" className="sr-only">
        {t("loading")}
      </h1>
      <div className="h-8 w-1/3 rounded bg-slate-200" />
      <div className="h-4 w-2/3 rounded bg-slate-200" />
      <div className="h-40 rounded bg-slate-200" />
    </section>
  );
}
