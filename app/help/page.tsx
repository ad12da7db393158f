import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplateSummary } from "@/components/template-summary";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_REASSESSMENT_MONTHS, DIMENSIONS, LEVELS } from "@/lib/domain/assessment";
import { getDb } from "@/lib/db/client";
import { getCurrentDefaultTemplate } from "@/lib/queries/templates";
import { STATUSES, VERDICTS } from "@/lib/domain/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help.decides"))("title") };
}

/** In-app help, generated from the same definitions the code uses, so it cannot drift. */
export default async function HelpPage() {
  await requireUser();
  const [template, t, words] = await Promise.all([getCurrentDefaultTemplate(await getDb()), getTranslations("help.decides"), getTranslations("vocabulary")]);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const list = (items: string[]) => items.join(words("listComma"));
  return (
    <article className="prose max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("statuses")}</h2>
        <dl className="space-y-1">
          {STATUSES.map((s) => <div key={s}><dt className="inline font-semibold">{t("statusTerm", { status: words(`status.${s}`) })}</dt><dd className="inline">{words(`statusMeaning.${s}`)}</dd></div>)}
        </dl>
        <p className="text-sm text-slate-600">{t.rich("unknown", { strong })}</p>
        <p className="text-sm text-slate-600">{t("answers", { verdicts: list(VERDICTS.map((v) => words(`verdict.${v}`))) })}</p>
      </section>

      <section className="space-y-2" id="requests">
        <h2 className="text-xl font-semibold">{t("requestsTitle")}</h2>
        <p>{t.rich("requests1", { strong })}</p>
        <p>{t.rich("requests2", { strong, em: (chunks) => <em>{chunks}</em> })}</p>
      </section>

      <section className="space-y-2" id="scoring">
        <h2 className="text-xl font-semibold">{t("scoringTitle")}</h2>
        <p>{t("scoring", { dimensions: list(DIMENSIONS.map((d) => words(`dimension.${d}`))) })}</p>
        <ol className="ml-5 list-decimal space-y-1">
          <li>{t("scoring1", { levels: list(LEVELS.map((l) => words(`level.${l}`).toLowerCase())) })}</li>
          <li>{t.rich("scoring2", { strong })}</li>
          <li>{t.rich("scoring3", { strong })}</li>
          <li>{t("scoring4")}</li>
          <li>{t("scoring5", { intervals: list(LEVELS.map((l) => t("interval", { months: DEFAULT_REASSESSMENT_MONTHS[l], level: words(`level.${l}`).toLowerCase() }))) })}</li>
        </ol>
      </section>

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("questionsTitle")}</h2>
        <p className="text-sm text-slate-600">{t("questions", { version: template.version })}</p>
        <TemplateSummary template={template} />
      </section>

      <section className="space-y-2" id="api">
        <h2 className="text-xl font-semibold">{t("apiTitle")}</h2>
        <p>{t.rich("api", { link: (chunks) => <a href="/help/api">{chunks}</a> })}</p>
      </section>
    </article>
  );
}
