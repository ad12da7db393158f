import Link from "next/link";
import { REQUEST_KIND_LABELS } from "@/lib/domain/requests";
import type { RequestListItem } from "@/lib/queries/requests";
import { RequestStatusBadge, StatusBadge } from "./badges";
import { TableScroll } from "@/components/table-scroll";

/** A list of requests: what, who, where it is, and when it is due. */
export function RequestTable({ items, empty, now, showRequester = true }: { items: RequestListItem[]; empty: string; now: Date; showRequester?: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <TableScroll label="Requests">
    <table className="w-full text-left text-sm">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-3">Request</th>
          <th scope="col" className="py-2 pr-3">Tool</th>
          {showRequester && <th scope="col" className="py-2 pr-3">Asked by</th>}
          <th scope="col" className="py-2 pr-3">Status</th>
          <th scope="col" className="py-2 pr-3">Due</th>
          <th scope="col" className="py-2">Asking</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((r) => (
          <tr key={r.id} data-testid="request-row">
            <td className="py-2 pr-3"><Link href={`/requests/${r.id}`}>{r.number} · {REQUEST_KIND_LABELS[r.kind]}</Link></td>
            <td className="py-2 pr-3">{r.softwareName ?? r.proposedName} {r.softwareName && <StatusBadge status={r.softwareStatus} />}</td>
            {showRequester && <td className="py-2 pr-3">{r.requesterName}{r.skippedManager ? " (no manager)" : ""}</td>}
            <td className="py-2 pr-3"><RequestStatusBadge status={r.status} /></td>
            <td className="py-2 pr-3">
              {r.stepDueAt ? r.stepDueAt.toISOString().slice(0, 10) : "—"}
              {r.stepDueAt && r.stepDueAt < now && <strong className="text-red-700"> overdue</strong>}
            </td>
            <td className="py-2">{r.demand}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
