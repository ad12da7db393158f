import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestListItem } from "@/lib/queries/requests";
import { RequestStatusBadge, StatusBadge } from "./badges";
import { TableScroll } from "@/components/table-scroll";

/** A list of requests: what, who, where it is, and when it is due. */
export async function RequestTable({ items, empty, now, showRequester = true }: { items: RequestListItem[]; empty: string; now: Date; showRequester?: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const [t, tv, format] = await Promise.all([getTranslations("requests.table"), getTranslations("vocabulary.requestKind"), getFormatter()]);
  return (
    <TableScroll label={t("label")}>
    <table className="w-full text-left text-sm">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-2 pr-3">{t("request")}</th>
          <th scope="col" className="py-2 pr-3">{t("tool")}</th>
          {showRequester && <th scope="col" className="py-2 pr-3">{t("askedBy")}</th>}
          <th scope="col" className="py-2 pr-3">{t("status")}</th>
          <th scope="col" className="py-2 pr-3">{t("due")}</th>
          <th scope="col" className="py-2">{t("asking")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((r) => (
          <tr key={r.id} data-testid="request-row">
            <td className="py-2 pr-3"><Link href={`/requests/${r.id}`}>{r.number} · {tv(r.kind)}</Link></td>
            <td className="py-2 pr-3">{r.softwareName ?? r.proposedName} {r.softwareName && <StatusBadge status={r.softwareStatus} />}</td>
            {showRequester && <td className="py-2 pr-3">{r.requesterName}{r.skippedManager ? t("noManager") : ""}</td>}
            <td className="py-2 pr-3"><RequestStatusBadge status={r.status} /></td>
            <td className="py-2 pr-3">
              {r.stepDueAt ? <time dateTime={r.stepDueAt.toISOString()}>{format.dateTime(r.stepDueAt, "day")}</time> : "—"}
              {r.stepDueAt && r.stepDueAt < now && <strong className="text-red-700">{t("overdue")}</strong>}
            </td>
            <td className="py-2">{r.demand}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
