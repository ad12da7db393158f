import Link from "next/link";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type FieldChange, type Segment } from "@/lib/domain/audit-sentence";
import type { AuditItem } from "@/lib/queries/audit";
import type { AuditFilter } from "@/lib/validation/audit";

const WHEN = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Append-only events, newest first: each a sentence, with the fields it changed side by side. */
export function AuditList({ events, empty = "No events yet." }: { events: AuditItem[]; empty?: string }) {
  if (events.length === 0) return <p className="card text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-3">
      {events.map((event) => (
        <li key={event.id} className="card min-w-0 space-y-1 text-sm" data-testid="audit-event" data-action={event.action}>
          <p className="font-medium text-slate-900">
            <Sentence segments={event.segments} />
          </p>
          <p className="text-xs text-slate-600">
            <time dateTime={event.at.toISOString()}>{WHEN.format(event.at)} UTC</time> · {AUDIT_ACTION_LABELS[event.action] ?? event.action}
          </p>
          {event.reason && <p className="whitespace-pre-line break-words text-slate-700">Why: {event.reason}</p>}
          {event.changes.length > 0 &&
            (event.changes.length <= 4 ? (
              <Changes changes={event.changes} />
            ) : (
              <details className="mt-1">
                <summary className="cursor-pointer text-slate-700">What changed ({event.changes.length} fields)</summary>
                <Changes changes={event.changes} />
              </details>
            ))}
        </li>
      ))}
    </ol>
  );
}

function Sentence({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) => (s.href ? <Link key={i} href={s.href}>{s.text}</Link> : <span key={i}>{s.text}</span>));
}

const shorten = (value: string | null) => (value === null ? null : value.length > 300 ? `${value.slice(0, 299)}…` : value);

function Changes({ changes }: { changes: FieldChange[] }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full table-fixed text-left text-xs" data-testid="audit-changes">
        <caption className="sr-only">What changed</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="w-1/4 py-1 pr-2 font-medium">Field</th>
            <th scope="col" className="py-1 pr-2 font-medium">Before</th>
            <th scope="col" className="py-1 font-medium"><span aria-hidden="true">→ </span>After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-t border-slate-100 align-top" data-field={c.field}>
              <th scope="row" className="break-words py-1 pr-2 font-medium text-slate-700">{c.label}</th>
              <td className="break-words py-1 pr-2 text-slate-700">{shorten(c.before) ?? <span className="text-slate-600">(none)</span>}</td>
              <td className="break-words py-1 text-slate-900">{shorten(c.after) ?? <span className="text-slate-600">(none)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The audit view's filters, as a plain GET form (works without JavaScript; the filters live in the URL). */
export function AuditFilters({ path, values, actors, entities = true, shown, limit }: { path: string; values: AuditFilter; actors: { id: string; name: string }[]; entities?: boolean; shown: number; limit: number }) {
  const actions = Object.entries(AUDIT_ACTION_LABELS).sort(([, a], [, b]) => a.localeCompare(b));
  const filtered = Object.values(values).some(Boolean);
  return (
    <form method="get" role="search" aria-label="Filter the audit trail" className="card space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>Action</span>
          <select name="action" className="input" defaultValue={values.action ?? ""}>
            <option value="">Any action</option>
            {actions.map(([key, label]) => <option key={key} value={key}>{label}</option>)}
          </select>
        </label>
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>Who</span>
          <select name="actor" className="input" defaultValue={values.actor ?? ""}>
            <option value="">Anyone</option>
            {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        {entities && (
          <label className="block space-y-1 text-sm font-medium text-slate-700">
            <span>Concerning</span>
            <select name="entity" className="input" defaultValue={values.entity ?? ""}>
              <option value="">Anything</option>
              {Object.entries(AUDIT_ENTITY_LABELS).map(([key, label]) => <option key={key} value={key}>{label}</option>)}
            </select>
          </label>
        )}
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>From (day)</span>
          <input type="date" name="from" className="input" defaultValue={values.from ?? ""} />
        </label>
        <label className="block space-y-1 text-sm font-medium text-slate-700">
          <span>To (day)</span>
          <input type="date" name="to" className="input" defaultValue={values.to ?? ""} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn">Filter</button>
        {filtered && <Link href={path} className="text-sm">Clear filters</Link>}
        <p className="text-sm text-slate-600" data-testid="audit-count">
          {shown === limit ? `The newest ${limit} events${filtered ? " that match" : ""}.` : `${shown} ${shown === 1 ? "event" : "events"}${filtered ? " match" : ""}.`}
        </p>
      </div>
    </form>
  );
}
