import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings-form";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const current = await getSettings(await getDb());
  return (
    <div className="card max-w-4xl">
      <h1 className="mb-4 text-2xl font-bold">Settings</h1>
      <SettingsForm labels={current.dataClassLabels} intervals={current.reviewIntervalMonths} reassessment={current.reassessmentMonths} requests={current.requests} />
    </div>
  );
}
