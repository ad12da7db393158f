import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/queries/settings";

export default async function HomePage() {
  await requireUser();
  // Data class labels for the holder's exceptions shown beside results.
  const { dataClassLabels } = await getSettings(await getDb());
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">May I use this tool?</h1>
      <p className="mb-6 text-slate-600">
        Type a tool&apos;s name, website or package. You get the company&apos;s answer, for which data, and under which conditions.
      </p>
      <SearchBox dataClassLabels={dataClassLabels} />
      <p className="mt-8 text-sm text-slate-500">
        Or <Link href="/software">browse the whole catalogue</Link>, or{" "}
        <Link href="/check">check a package.json, requirements.txt or SBOM at once</Link>.
      </p>
    </div>
  );
}
