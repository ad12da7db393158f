import type { Metadata } from "next";
import { SoftwareForm } from "@/components/catalogue-forms";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listVendors } from "@/lib/queries/software";

export const metadata: Metadata = { title: "New software" };

export default async function NewSoftwarePage() {
  await requirePermission("catalogue.write");
  const vendorList = await listVendors(await getDb());
  return (
    <div className="card max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold">New software</h1>
      <SoftwareForm vendors={vendorList.map((v) => ({ id: v.id, name: v.name }))} />
    </div>
  );
}
