import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/jobs/names";
import { listOutbox } from "@/lib/queries/outbox";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Outbox" };

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—");

const STATUS_STYLE = {
  sent: "bg-emerald-100 text-emerald-800",
  pending: "bg-amber-100 text-amber-800",
  held: "bg-slate-200 text-slate-800",
} as const;

export default async function OutboxPage() {
  await requirePermission("outbox.read");
  const { items, byStatus } = await listOutbox(await getDb());
  const smtp = config().smtp;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Outbox</h1>
        <p className="text-sm text-slate-600" data-testid="outbox-summary">
          {smtp ? `Email is sent through ${smtp.host}:${smtp.port}.` : "SMTP is not configured: email is held here instead of being sent."}{" "}
          {byStatus.sent} sent, {byStatus.pending} pending, {byStatus.held} held. A failing message is tried {MAX_DELIVERY_ATTEMPTS} times, then stays pending with its last error.
        </p>
      </div>
      {items.length === 0 ? (
        <p className="card text-slate-600">Nothing has been sent yet.</p>
      ) : (
        <TableScroll label="Messages sent" className="card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">The latest {items.length} messages, newest first</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">To</th>
                <th scope="col" className="py-2 pr-3">Subject and text</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Attempts</th>
                <th scope="col" className="py-2 pr-3">Last error</th>
                <th scope="col" className="py-2 pr-3">Created</th>
                <th scope="col" className="py-2">Sent</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((m) => (
                <tr key={m.id} data-testid="outbox-message" data-status={m.status}>
                  <td className="py-2 pr-3 break-all">{m.channel === "chat" ? <em>chat webhook</em> : m.toAddress}</td>
                  <td className="py-2 pr-3">
                    <details>
                      <summary className="cursor-pointer">{m.subject}</summary>
                      <pre className="mt-2 max-w-xl whitespace-pre-wrap break-words font-sans text-slate-700">{m.text}</pre>
                    </details>
                  </td>
                  <td className="py-2 pr-3">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[m.status]}`}>{m.status}</span>
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
