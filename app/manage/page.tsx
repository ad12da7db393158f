import type { Metadata } from "next";
import Link from "next/link";
import { AuditList } from "@/components/audit-list";
import { VendorForm } from "@/components/catalogue-forms";
import { WorkList } from "@/components/work-list";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listRecentAudit } from "@/lib/queries/audit";
import { listVendors } from "@/lib/queries/software";
import { listOwners, listWorkList } from "@/lib/queries/work-list";
import { now as clockNow } from "@/lib/clock";
import { parseWorkListQuery } from "@/lib/validation/work-list";

export const metadata: Metadata = { title: "Manage the catalogue" };

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("catalogue.write");
  const { filters, problems } = parseWorkListQuery(await searchParams);
  const db = await getDb();
  const now = clockNow();
  const [vendorList, events, owners, workList] = await Promise.all([listVendors(db), listRecentAudit(db, 20), listOwners(db), listWorkList(db, filters, now)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">Manage the catalogue</h1>
        <Link href="/manage/dashboard" className="ml-auto">Dashboard</Link>
        <Link href="/manage/queue">Review queue</Link>
        <Link href="/manage/templates">Questionnaires</Link>
        <Link href="/manage/import">Import and export</Link>
        <Link href="/manage/software/new" className="btn no-underline text-white">New software</Link>
      </div>
      <WorkList filters={filters} problems={problems} owners={owners} list={workList} today={now.toISOString().slice(0, 10)} />
      <section className="card space-y-4" aria-labelledby="vendors">
        <h2 id="vendors" className="text-lg font-semibold">Vendors ({vendorList.length})</h2>
        <VendorForm />
        <ul className="grid gap-1 text-sm sm:grid-cols-3">
          {vendorList.map((v) => (
            <li key={v.id}><Link href={`/vendors/${v.slug}`}>{v.name}</Link></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-lg font-semibold">Recent changes</h2>
        <AuditList events={events} />
      </section>
    </div>
  );
}
