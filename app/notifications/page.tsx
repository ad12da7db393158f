import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MarkAllReadForm, MarkReadForm } from "@/components/notification-forms";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/queries/notifications";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** Links are paths inside Vetted; anything else is shown as text. */
const isAppPath = (link: string | null): link is string => Boolean(link && link.startsWith("/") && !link.startsWith("//"));

/** Notices are kept as they were written, in their reader's language when they were made (lib/notifications.ts). */
export default async function NotificationsPage() {
  const user = await requirePermission("notifications.own");
  const [items, t, format] = await Promise.all([listNotifications(await getDb(), user.id), getTranslations("notifications"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, "moment");
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        {unread > 0 && <MarkAllReadForm />}
      </div>
      {items.length === 0 ? (
        <p className="card text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-100" aria-label={t("listLabel")}>
          {items.map((n) => (
            <li key={n.id} className="flex flex-wrap items-start justify-between gap-4 py-3" data-testid="notification" data-read={n.readAt ? "true" : "false"}>
              <div className="min-w-0 flex-1 space-y-1">
                <p className={n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}>
                  {!n.readAt && <span className="sr-only">{t("unread")}</span>}
                  {isAppPath(n.link) ? <Link href={n.link}>{n.title}</Link> : n.title}
                </p>
                <p className="whitespace-pre-line text-sm text-slate-600">{n.body}</p>
                <p className="text-xs text-slate-500">
                  <time dateTime={n.createdAt.toISOString()}>{when(n.createdAt)}</time>
                  {n.readAt ? t("read", { when: when(n.readAt) }) : ""}
                </p>
              </div>
              {!n.readAt && <MarkReadForm id={n.id} title={n.title} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
