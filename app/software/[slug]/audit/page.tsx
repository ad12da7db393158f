import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditFilters, AuditList } from "@/components/audit-list";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listAuditActors, listAuditForSoftware } from "@/lib/queries/audit";
import { getSoftwareBySlug } from "@/lib/queries/software";
import { AuditFilterQuery } from "@/lib/validation/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit.page");
  return { title: t("title") };
}

const LIMIT = 200;

export default async function SoftwareAuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read");
  const { slug } = await params;
  const db = await getDb();
  const detail = await getSoftwareBySlug(db, slug);
  if (!detail) notFound();
  const filter = AuditFilterQuery.parse(await searchParams);
  const t = await getTranslations("audit.page");
  const [events, actors] = await Promise.all([listAuditForSoftware(db, detail.id, LIMIT, filter), listAuditActors(db, detail.id)]);
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={`/software/${detail.slug}`}>← {detail.name}</Link></p>
      <h1 className="text-2xl font-bold">{t("softwareTitle", { name: detail.name })}</h1>
      <AuditFilters path={`/software/${detail.slug}/audit`} values={filter} actors={actors} shown={events.length} limit={LIMIT} />
      <AuditList events={events} empty={t("noMatch")} />
    </div>
  );
}
