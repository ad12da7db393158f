import { getFormatter, getTranslations } from "next-intl/server";
import { today as clockToday } from "@/lib/clock";
import { EvidenceForm } from "./evidence-form";

interface Item {
  id: string;
  title: string;
  url: string | null;
  fileName: string | null;
  size: number | null;
  expiresOn: string | null;
}

/** Evidence with download links (reviewers and admins only) and an expiry flag. */
export async function EvidenceSection({ items, owner, canAdd }: { items: Item[]; owner: { assessmentId: string } | { vendorId: string }; canAdd: boolean }) {
  const today = clockToday();
  const [t, format] = await Promise.all([getTranslations("evidence.list"), getFormatter()]);
  const day = (isoDay: string) => format.dateTime(new Date(`${isoDay}T00:00:00Z`), "day");
  return (
    <section className="card space-y-4" aria-labelledby="evidence">
      <h2 id="evidence" className="text-lg font-semibold">{t("heading")}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((e) => (
            <li key={e.id} data-testid="evidence-item">
              {e.url ? (
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">{e.title}</a>
              ) : (
                <a href={`/api/evidence/${e.id}`} download>{e.title}</a>
              )}
              {e.fileName && <span className="text-slate-500"> · {e.fileName} · {t("size", { size: format.number(Math.ceil((e.size ?? 0) / 1024)) })}</span>}
              {e.expiresOn && (e.expiresOn < today ? <span className="font-semibold text-red-700"> · {t("expired", { date: day(e.expiresOn) })}</span> : <span className="text-slate-500"> · {t("validUntil", { date: day(e.expiresOn) })}</span>)}
            </li>
          ))}
        </ul>
      )}
      {canAdd && <EvidenceForm owner={owner} />}
    </section>
  );
}
