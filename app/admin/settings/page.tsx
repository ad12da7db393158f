import type { Metadata } from "next";
import { ChatWebhookForm } from "@/components/chat-webhook-form";
import { SettingsForm } from "@/components/settings-form";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { describeChatWebhook, getChatWebhookUrl, getSettings } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const db = await getDb();
  const [current, webhook] = await Promise.all([getSettings(db), getChatWebhookUrl(db)]);
  return (
    <div className="max-w-4xl space-y-8">
      <div className="card">
        <h1 className="mb-4 text-2xl font-bold">Settings</h1>
        <SettingsForm labels={current.dataClassLabels} intervals={current.reviewIntervalMonths} reassessment={current.reassessmentMonths} requests={current.requests} />
      </div>
      <section className="card" aria-labelledby="chat-webhook">
        <h2 id="chat-webhook" className="mb-4 text-lg font-semibold">Chat notifications</h2>
        <ChatWebhookForm current={describeChatWebhook(webhook)} />
      </section>
    </div>
  );
}
