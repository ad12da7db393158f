import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllReadForm, MarkReadForm } from "@/components/notification-forms";
import { requirePermission } from "@/lib/auth/require";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/queries/notifications";

export const metadata: Metadata = { title: "Notifications" };

const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
/** Links are paths inside Vetted; anything else is shown as text. */
const isAppPath = (link: string | null): link is string => Boolean(link && link.startsWith("/") && !link.startsWith("//"));

export default async function NotificationsPage() {
  const user = await requirePermission("notifications.own");
  const items = await listNotifications(await getDb(), user.id);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {unread > 0 && <MarkAllReadForm />}
      </div>
      {items.length === 0 ? (
        <p className="card text-slate-600">No notifications yet. You will find news about your requests and grants here.</p>
      ) : (
        <ul className="card divide-y divide-slate-100" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} className="flex flex-wrap items-start justify-between gap-4 py-3" data-testid="notification" data-read={n.readAt ? "true" : "false"}>
              <div className="min-w-0 flex-1 space-y-1">
                <p className={n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}>
                  {!n.readAt && <span className="sr-only">Unread: </span>}
                  {isAppPath(n.link) ? <Link href={n.link}>{n.title}</Link> : n.title}
                </p>
                <p className="whitespace-pre-line text-sm text-slate-600">{n.body}</p>
                <p className="text-xs text-slate-500">{when(n.createdAt)}{n.readAt ? ` · read ${when(n.readAt)}` : ""}</p>
              </div>
              {!n.readAt && <MarkReadForm id={n.id} title={n.title} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
