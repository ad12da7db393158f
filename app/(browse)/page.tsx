import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/queries/settings";
import { softwarePageJson } from "@/lib/services/software-json";
import { ListQuery } from "@/lib/validation/api";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requireUser();
  const db = await getDb();
  // Data class labels for the holder's exceptions shown beside results.
  const { dataClassLabels } = await getSettings(db);
  // The query lives in the address (?q=): a reload, a shared link or Back shows its results at once.
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const parsed = ListQuery.safeParse({ q, pageSize: "8" });
  const initial = parsed.success && parsed.data.q ? { query: parsed.data.q.trim(), items: (await softwarePageJson(db, parsed.data, user.id)).items } : null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">May I use this tool?</h1>
      <p className="mb-6 text-slate-600">
        Type a tool&apos;s name, website or package. You get the company&apos;s answer, for which data, and under which conditions.
      </p>
      <SearchBox dataClassLabels={dataClassLabels} initialQuery={q} initialResults={initial} />
      <p className="mt-8 text-sm text-slate-500">
        Or <Link href="/software">browse the whole catalogue</Link>, or{" "}
        <Link href="/check">check a package.json, requirements.txt or SBOM at once</Link>.
      </p>
    </div>
  );
}
