import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditList } from "@/components/audit-list";
import { VendorForm } from "@/components/catalogue-forms";
import { WorkList } from "@/components/work-list";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listRecentAudit } from "@/lib/queries/audit";
import { listVendors } from "@/lib/queries/software";
import { listOwners, listWorkList } from "@/lib/queries/work-list";
import { now as clockNow } from "@/lib/clock";
import { inRequestLocale } from "@/lib/auth/locale";
import { parseWorkListQuery } from "@/lib/validation/work-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.manage");
  return { title: t("title") };
}

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("catalogue.write");
  const raw = await searchParams;
  const { filters, problems } = await inRequestLocale(() => parseWorkListQuery(raw));
  const t = await getTranslations("catalogue.manage");
  const db = await getDb();
  const now = clockNow();
  const [vendorList, events, owners, workList] = await Promise.all([listVendors(db), listRecentAudit(db, 20), listOwners(db), listWorkList(db, filters, now)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/manage/dashboard" className="ml-auto">{t("dashboard")}</Link>
        <Link href="/manage/queue">{t("reviewQueue")}</Link>
        <Link href="/manage/templates">{t("questionnaires")}</Link>
        <Link href="/manage/import">{t("importExport")}</Link>
        <Link href="/manage/software/new" className="btn no-underline text-white">{t("newSoftware")}</Link>
      </div>
      <WorkList filters={filters} problems={problems} owners={owners} list={workList} today={now.toISOString().slice(0, 10)} />
      <section className="card space-y-4" aria-labelledby="vendors">
        <h2 id="vendors" className="text-lg font-semibold">{t("vendors", { count: vendorList.length })}</h2>
        <VendorForm />
        <ul className="grid gap-1 text-sm sm:grid-cols-3">
          {vendorList.map((v) => (
            <li key={v.id}><Link href={`/vendors/${v.slug}`}>{v.name}</Link></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-lg font-semibold">{t("recentChanges")}</h2>
        <AuditList events={events} />
      </section>
    </div>
  );
}
