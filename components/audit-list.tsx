import type { AuditEvent } from "@/lib/db/schema";

/** Append-only events, newest first, with what changed. */
export function AuditList({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p className="card text-sm text-slate-600">No events yet.</p>;
  return (
    <ol className="space-y-3">
      {events.map((event) => (
        <li key={event.id} className="card text-sm" data-testid="audit-event">
          <p>
            <strong>{event.action}</strong> · {event.at.toISOString().replace("T", " ").slice(0, 19)} UTC · by {event.actorEmail ?? "system"}
          </p>
          {event.reason && <p className="mt-1 whitespace-pre-line text-slate-700">Why: {event.reason}</p>}
          {(event.before != null || event.after != null) && (
            <details className="mt-2">
              <summary className="cursor-pointer text-slate-600">Before and after</summary>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(event.before, null, 2)}</pre>
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(event.after, null, 2)}</pre>
              </div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
