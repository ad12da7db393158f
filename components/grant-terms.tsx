import Link from "next/link";
import { describeDaysLeft, type GrantTerms } from "@/lib/domain/grant-terms";
import { requestPath } from "@/lib/domain/requests";
import type { DataClass } from "@/lib/domain/vocabulary";

/** What a grant holder reads on the tool's page: the data it covers, its conditions, its last day and the request behind it. */
export function GrantTermsPanel({ terms, toolName, dataClassLabels }: { terms: GrantTerms; toolName: string; dataClassLabels: Record<DataClass, string> }) {
  return (
    <div className="rounded-md border border-violet-300 bg-violet-50 p-3 text-sm text-slate-900" data-testid="your-grant">
      <p className="font-semibold">You hold an exception to use {toolName}.</p>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Data</dt>
        <dd>Up to {dataClassLabels[terms.dataClass]}</dd>
        <dt className="font-medium">Last day</dt>
        <dd>{terms.endsOn} ({describeDaysLeft(terms.daysLeft)}); it ends by itself after that day.</dd>
        <dt className="font-medium">Your conditions</dt>
        <dd>
          {terms.conditions.length > 0 ? (
            <ul className="ml-5 list-disc">{terms.conditions.map((c) => <li key={c}>{c}</li>)}</ul>
          ) : "None beyond the tool's own."}
        </dd>
      </dl>
      {terms.requestId && <p className="mt-2"><Link href={requestPath(terms.requestId)}>See the request that granted it</Link></p>}
    </div>
  );
}
