import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SoftwareForm } from "@/components/catalogue-forms";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listVendors } from "@/lib/queries/software";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.softwarePage");
  return { title: t("newTitle") };
}

export default async function NewSoftwarePage() {
  await requirePermission("catalogue.write");
  const vendorList = await listVendors(await getDb());
  const t = await getTranslations("catalogue.softwarePage");
  return (
    <div className="card max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold">{t("newTitle")}</h1>
      <SoftwareForm vendors={vendorList.map((v) => ({ id: v.id, name: v.name }))} />
    </div>
  );
}
