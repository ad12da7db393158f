import type { Metadata } from "next";
import { TemplateSummary } from "@/components/template-summary";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_REASSESSMENT_MONTHS, DIMENSION_LABELS, DIMENSIONS, LEVEL_LABELS, LEVELS } from "@/lib/domain/assessment";
import { getDb } from "@/lib/db/client";
import { getCurrentDefaultTemplate } from "@/lib/queries/templates";
import { STATUS_LABELS, STATUS_MEANINGS, STATUSES, VERDICT_LABELS, VERDICTS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "How Vetted decides" };

/** In-app help, generated from the same definitions the code uses, so it cannot drift. */
export default async function HelpPage() {
  await requireUser();
  const template = await getCurrentDefaultTemplate(await getDb());
  return (
    <article className="prose max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">How Vetted decides</h1>

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Statuses</h2>
        <dl className="space-y-1">
          {STATUSES.map((s) => <div key={s}><dt className="inline font-semibold">{STATUS_LABELS[s]}: </dt><dd className="inline">{STATUS_MEANINGS[s]}</dd></div>)}
        </dl>
        <p className="text-sm text-slate-600">A tool that is not in the catalogue is <strong>unknown</strong>: nobody has assessed it, so do not use it for company data.</p>
        <p className="text-sm text-slate-600">Answers you may see: {VERDICTS.map((v) => VERDICT_LABELS[v]).join(", ")}.</p>
      </section>

      <section className="space-y-2" id="requests">
        <h2 className="text-xl font-semibold">Asking for an exception or a new tool</h2>
        <p>
          If a tool is restricted, prohibited or under review for the data you need, open its page and choose <strong>Ask for an exception</strong>: say which data, why, and until when. Your manager decides first, then security, who may shorten the period or add conditions. An exception to a prohibited tool also needs a second security reviewer.
        </p>
        <p>
          While your exception is in force, the tool&apos;s page and the API answer <em>allowed by exception</em> for you. You are reminded a week and a day before it ends; after its last day it ends by itself. For a tool that is not in the catalogue, search for it and choose <strong>Ask for a review</strong>; if someone already asked, join their request instead.
        </p>
      </section>

      <section className="space-y-2" id="scoring">
        <h2 className="text-xl font-semibold">How risk is scored</h2>
        <p>Security reviewers answer a questionnaire about the tool. Each answer can add risk to one or more of five dimensions: {DIMENSIONS.map((d) => DIMENSION_LABELS[d]).join(", ")}.</p>
        <ol className="ml-5 list-decimal space-y-1">
          <li>A dimension&apos;s level ({LEVELS.map((l) => LEVEL_LABELS[l].toLowerCase()).join(", ")}) is that of its most severe answer. Two or more answers at the same level, medium or above, compound it one level up. The answers that drove each level are listed beside it.</li>
          <li>The <strong>inherent tier</strong> is the worst dimension, raised to critical when three or more dimensions are high or worse.</li>
          <li>The <strong>residual tier</strong> is the same calculation after the conditions the reviewer attaches; each condition lowers the dimensions it addresses by one level. A critical answer never drops below medium.</li>
          <li>A decision that loosens a restriction, or concerns a critical-tier tool, takes effect only when a second, different reviewer confirms it.</li>
          <li>Tools are assessed again after {LEVELS.map((l) => `${DEFAULT_REASSESSMENT_MONTHS[l]} months (${LEVEL_LABELS[l].toLowerCase()})`).join(", ")}, unless an admin sets other intervals.</li>
        </ol>
      </section>

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">The questions, and what each answer weighs</h2>
        <p className="text-sm text-slate-600">
          From the latest version of the default questionnaire (version {template.version}). Reviewers and admins can edit it or write others; every assessment keeps the version it was started with.
        </p>
        <TemplateSummary template={template} />
      </section>

      <section className="space-y-2" id="api">
        <h2 className="text-xl font-semibold">For scripts and pipelines</h2>
        <p>
          The same answers are available to machines over the <a href="/help/api">Vetted API</a>: one tool or a whole manifest or SBOM at a time, the catalogue, and block and allow lists for Santa, browsers, web proxies and CI. Reviewers and administrators issue API tokens, each only for what their own role may do.
        </p>
      </section>
    </article>
  );
}
