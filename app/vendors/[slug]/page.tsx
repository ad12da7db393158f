import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeadlineBadge } from "@/components/badges";
import { VendorProfileForm } from "@/components/catalogue-forms";
import { EvidenceSection } from "@/components/evidence-list";
import { LevelBadge } from "@/components/risk-breakdown";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { headlineByEdition } from "@/lib/domain/headline";
import { can } from "@/lib/domain/policy";
import { listEvidence } from "@/lib/queries/assessments";
import { getVendorProfile } from "@/lib/queries/software";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("software.vendor"))("metaTitle") };
}

export default async function VendorPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const { slug } = await params;
  const db = await getDb();
  const [profile, t, words] = await Promise.all([getVendorProfile(db, slug), getTranslations("software.vendor"), getTranslations("vocabulary")]);
  if (!profile) notFound();
  const evidenceItems = can(user.role, "evidence.read") ? await listEvidence(db, { vendorId: profile.vendor.id }) : [];
  const { vendor } = profile;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{vendor.name}</h1>
        {vendor.website && <a href={vendor.website} rel="noopener noreferrer nofollow" target="_blank" className="text-sm">{vendor.website}</a>}
      </header>
      <dl className="card grid gap-4 text-sm sm:grid-cols-2" data-testid="vendor-profile">
        <div><dt className="font-semibold">{t("dpa")}</dt><dd>{words(`dpa.${vendor.dpa}`)}</dd></div>
        <div><dt className="font-semibold">{t("residency")}</dt><dd>{vendor.dataResidency || t("notRecorded")}</dd></div>
        <div>
          <dt className="font-semibold">{t("certifications")}</dt>
          <dd>{vendor.certifications.length ? <ul className="ml-5 list-disc">{vendor.certifications.map((c) => <li key={c}>{c}</li>)}</ul> : t("noneRecorded")}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("subprocessors")}</dt>
          <dd>{vendor.subprocessors.length ? <ul className="ml-5 list-disc">{vendor.subprocessors.map((c) => <li key={c}>{c}</li>)}</ul> : t("noneRecorded")}</dd>
        </div>
      </dl>
      <section className="card" aria-labelledby="vendor-software">
        <h2 id="vendor-software" className="mb-2 text-lg font-semibold">{t("software", { count: profile.software.length })}</h2>
        <TableScroll label={t("softwareLabel")}>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600"><tr><th scope="col" className="py-1">{t("name")}</th><th scope="col">{t("kind")}</th><th scope="col">{t("status")}</th><th scope="col">{t("tier")}</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {profile.software.map((s) => (
              <tr key={s.slug}>
                <td className="py-1.5"><Link href={`/software/${s.slug}`}>{s.name}</Link></td>
                <td>{words(`kind.${s.kind}`)}</td>
                <td><HeadlineBadge status={s.status} byEdition={headlineByEdition(s.headline)} /></td>
                <td>{s.tier ? <LevelBadge level={s.tier} /> : <span className="text-slate-500">{t("notAssessed")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </section>
      {can(user.role, "evidence.read") && (
        <EvidenceSection items={evidenceItems} owner={{ vendorId: profile.vendor.id }} canAdd={can(user.role, "evidence.write")} />
      )}
      {can(user.role, "catalogue.write") && (
        <section className="card" aria-labelledby="edit-vendor">
          <h2 id="edit-vendor" className="mb-4 text-lg font-semibold">{t("edit")}</h2>
          <VendorProfileForm vendor={{ id: vendor.id, name: vendor.name, website: vendor.website, certifications: vendor.certifications, dpa: vendor.dpa, dataResidency: vendor.dataResidency, subprocessors: vendor.subprocessors }} />
        </section>
      )}
    </div>
  );
}
