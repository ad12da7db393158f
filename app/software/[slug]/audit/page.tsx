import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditList } from "@/components/audit-list";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listAuditForSoftware } from "@/lib/queries/audit";
import { getSoftwareBySlug } from "@/lib/queries/software";

export const metadata: Metadata = { title: "Audit trail" };

export default async function SoftwareAuditPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("audit.read");
  const { slug } = await params;
  const db = await getDb();
  const detail = await getSoftwareBySlug(db, slug);
  if (!detail) notFound();
  const events = await listAuditForSoftware(db, detail.id);
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={`/software/${detail.slug}`}>← {detail.name}</Link></p>
      <h1 className="text-2xl font-bold">Audit trail: {detail.name}</h1>
      <AuditList events={events} />
    </div>
  );
}
