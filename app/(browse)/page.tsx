import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SearchBox } from "@/components/search-box";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { DATA_CLASSES, type DataClass } from "@/lib/domain/vocabulary";
import { softwarePageJson } from "@/lib/services/software-json";
import { ListQuery } from "@/lib/validation/api";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requireUser();
  const db = await getDb();
  const [t, words] = await Promise.all([getTranslations("browse.home"), getTranslations("vocabulary")]);
  // Data class labels (the company's, in this language) for the holder's exceptions shown beside results.
  const dataClassLabels = Object.fromEntries(DATA_CLASSES.map((d) => [d, words(`dataClass.${d}`)])) as Record<DataClass, string>;
  // The query lives in the address (?q=): a reload, a shared link or Back shows its results at once.
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const parsed = ListQuery.safeParse({ q, pageSize: "8" });
  const initial = parsed.success && parsed.data.q ? { query: parsed.data.q.trim(), items: (await softwarePageJson(db, parsed.data, user.id)).items } : null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-600">{t("intro")}</p>
      <SearchBox dataClassLabels={dataClassLabels} initialQuery={q} initialResults={initial} />
      <p className="mt-8 text-sm text-slate-500">
        {t.rich("more", {
          catalogue: (chunks) => <Link href="/software">{chunks}</Link>,
          check: (chunks) => <Link href="/check">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
