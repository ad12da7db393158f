import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionLabelKey, auditEntityLabelKey, renderAuditDescription, type AuditTranslator, type Segment } from "@/lib/domain/audit-sentence";
import type { AuditItem } from "@/lib/queries/audit";
import type { AuditFilter } from "@/lib/validation/audit";

/** The whole catalogue's translator, for keys the audit domain names (`audit.sentence.…`, `vocabulary.status.…`). */
async function auditTranslator(): Promise<AuditTranslator> {
  return (await getTranslations()) as unknown as AuditTranslator;
}

type RenderedChange = ReturnType<typeof renderAuditDescription>["changes"][number];

/** Append-only events, newest first: each a sentence, with the fields it changed side by side. */
export async function AuditList({ events, empty }: { events: AuditItem[]; empty?: string }) {
  const [t, translate, format] = await Promise.all([getTranslations("audit.list"), auditTranslator(), getFormatter()]);
  if (events.length === 0) return <p className="card text-sm text-slate-600">{empty ?? t("noEvents")}</p>;
  return (
    <ol className="space-y-3">
      {events.map((event) => {
        const { segments, changes } = renderAuditDescription(event, translate);
        const action = translate.has(auditActionLabelKey(event.action)) ? translate(auditActionLabelKey(event.action)) : event.action;
        return (
          <li key={event.id} className="card min-w-0 space-y-1 text-sm" data-testid="audit-event" data-action={event.action}>
            <p className="font-medium text-slate-900">
              <Sentence segments={segments} />
            </p>
            <p className="text-xs text-slate-600">
              <time dateTime={event.at.toISOString()}>
                {format.dateTime(event.at, "moment")} {t("utc")}
              </time>{" "}
              · {action}
            </p>
            {event.reason && <p className="whitespace-pre-line break-words text-slate-700">{t("why", { reason: event.reason })}</p>}
            {changes.length > 0 &&
              (changes.length <= 4 ? (
                <Changes changes={changes} t={t} />
              ) : (
                <details className="mt-1">
                  <summary className="cursor-pointer text-slate-700">{t("whatChangedFields", { count: changes.length })}</summary>
                  <Changes changes={changes} t={t} />
                </details>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

function Sentence({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) => (s.href ? <Link key={i} href={s.href}>{s.text}</Link> : <span key={i}>{s.text}</span>));
}

const shorten = (value: string | null) => (value === null ? null : value.length > 300 ? `${value.slice(0, 299)}…` : value);

function Changes({ changes, t }: { changes: RenderedChange[]; t: Awaited<ReturnType<typeof getTranslations<"audit.list">>> }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full table-fixed text-left text-xs" data-testid="audit-changes">
        <caption className="sr-only">{t("whatChanged")}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="w-1/4 py-1 pr-2 font-medium">{t("field")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("before")}</th>
            <th scope="col" className="py-1 font-medium">
              <span aria-hidden="true">→ </span>
              {t("after")}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-t border-slate-100 align-top" data-field={c.field}>
              <th scope="row" className="break-words py-1 pr-2 font-medium text-slate-700">{c.label}</th>
              <td className="break-words py-1 pr-2 text-slate-700">{shorten(c.before) ?? <span className="text-slate-600">{t("none")}</span>}</td>
              <td className="break-words py-1 text-slate-900">{shorten(c.after) ?? <span className="text-slate-600">{t("none")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The audit view's filters, as a plain GET form (works without JavaScript; the filters live in the URL). */
export async function AuditFilters({ path, values, actors, entities = true, shown, limit }: { path: string; values: AuditFilter; actors: { id: string; name: string }[]; entities?: boolean; shown: number; limit: number }) {
  const [t, translate, locale] = await Promise.all([getTranslations("audit.filters"), auditTranslator(), getLocale()]);
  const actions = AUDIT_ACTIONS.map((key) => [key, translate(auditActionLabelKey(key))] as const).sort(([, a], [, b]) => a.localeCompare(b, locale));
  const filtered = Object.values(values).some(Boolean);
  const matching = filtered ? "yes" : "no";
  return (
    <form method="get" role="search" aria-label={t("label")} className="card space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>{t("action")}</span>
          <select name="action" className="input" defaultValue={values.action ?? ""}>
            <option value="">{t("anyAction")}</option>
            {actions.map(([key, label]) => <option key={key} value={key}>{label}</option>)}
          </select>
        </label>
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>{t("who")}</span>
          <select name="actor" className="input" defaultValue={values.actor ?? ""}>
            <option value="">{t("anyone")}</option>
            {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        {entities && (
          <label className="block space-y-1 text-sm font-medium text-slate-700">
            <span>{t("concerning")}</span>
            <select name="entity" className="input" defaultValue={values.entity ?? ""}>
              <option value="">{t("anything")}</option>
              {AUDIT_ENTITY_TYPES.map((key) => <option key={key} value={key}>{translate(auditEntityLabelKey(key))}</option>)}
            </select>
          </label>
        )}
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>{t("from")}</span>
          <input type="date" name="from" className="input" defaultValue={values.from ?? ""} />
        </label>
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>{t("to")}</span>
          <input type="date" name="to" className="input" defaultValue={values.to ?? ""} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn">{t("filter")}</button>
        {filtered && <Link href={path} className="text-sm">{t("clear")}</Link>}
        <p className="text-sm text-slate-600" data-testid="audit-count">
          {shown === limit ? t("newest", { limit, filtered: matching }) : t("count", { count: shown, filtered: matching })}
        </p>
      </div>
    </form>
  );
}
