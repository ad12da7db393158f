import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/jobs/names";
import { listOutbox } from "@/lib/queries/outbox";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

const STATUS_STYLE = {
  sent: "bg-emerald-100 text-emerald-800",
  pending: "bg-amber-100 text-amber-800",
  held: "bg-slate-200 text-slate-800",
} as const;

export default async function OutboxPage() {
  await requirePermission("outbox.read");
  const { items, byStatus } = await listOutbox(await getDb());
  const smtp = config().smtp;
  const [t, format] = await Promise.all([getTranslations("outbox"), getFormatter()]);
  const when = (d: Date | null) => (d ? `${format.dateTime(d, "moment")} ${t("utc")}` : "—");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600" data-testid="outbox-summary">
          {smtp ? t("smtp", { host: smtp.host, port: String(smtp.port) }) : t("noSmtp")}{" "}
          {t("summary", { sent: byStatus.sent, pending: byStatus.pending, held: byStatus.held, attempts: MAX_DELIVERY_ATTEMPTS })}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="card text-slate-600">{t("empty")}</p>
      ) : (
        <TableScroll label={t("tableLabel")} className="card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption", { count: items.length })}</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("to")}</th>
                <th scope="col" className="py-2 pr-3">{t("subject")}</th>
                <th scope="col" className="py-2 pr-3">{t("status")}</th>
                <th scope="col" className="py-2 pr-3">{t("attempts")}</th>
                <th scope="col" className="py-2 pr-3">{t("lastError")}</th>
                <th scope="col" className="py-2 pr-3">{t("created")}</th>
                <th scope="col" className="py-2">{t("sent")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((m) => (
                <tr key={m.id} data-testid="outbox-message" data-status={m.status}>
                  <td className="py-2 pr-3 break-all">{m.channel === "chat" ? <em>{t("chat")}</em> : m.toAddress}</td>
                  <td className="py-2 pr-3">
                    <details>
                      <summary className="cursor-pointer">{m.subject}</summary>
                      <pre className="mt-2 max-w-xl whitespace-pre-wrap break-words font-sans text-slate-700">{m.text}</pre>
                    </details>
                  </td>
                  <td className="py-2 pr-3">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[m.status]}`}>{t(`state.${m.status}`)}</span>
                  </td>
                  <td className="py-2 pr-3">{m.attempts}</td>
                  <td className="py-2 pr-3 break-words text-red-800">{m.lastError ?? ""}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{when(m.createdAt)}</td>
                  <td className="py-2 whitespace-nowrap">{when(m.sentAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
