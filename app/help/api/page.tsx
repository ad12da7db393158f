import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiOperation, Prose } from "@/components/api-reference";
import { openApiDocument } from "@/lib/api/openapi";
import { referenceOperations } from "@/lib/api/reference";
import { requireUser } from "@/lib/auth/session";
import { config } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help.api"))("title") };
}

const tagId = (name: string) => `tag-${name.toLowerCase().replace(/\W+/g, "-")}`;

/** The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requireUser();
  const document = openApiDocument(config().baseUrl);
  const operations = referenceOperations(document);
  const [t, locale] = await Promise.all([getTranslations("help.api"), getLocale()]);
  // A command, the same in every language.
  const example = `curl -H "Authorization: Bearer $VETTED_TOKEN" "${document.servers[0]!.url}/api/v1/check?q=cursor&dataClass=internal"`;
  return (
    <article className="max-w-5xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {/* The document and its descriptions are the API's contract, in English: say so to a reader of another language. */}
      {locale !== "en" && <p className="text-sm text-slate-600">{t("englishNote")}</p>}
      <div className="space-y-2 text-slate-700"><Prose text={document.info.description} /></div>
      <p>
        {t.rich("machineReadable", { link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}{" "}
        <code>{example}</code>
      </p>
      <nav aria-label={t("endpoints")} className="card">
        {document.tags.map((tag) => (
          <div key={tag.name} className="mb-2">
            <p className="font-semibold">{tag.name}</p>
            <ul className="pl-4">
              {operations.filter((o) => o.tag === tag.name).map((o) => (
                <li key={o.id}><a href={`#${o.id}`}><code>{o.method} {o.path}</code></a>: {o.summary}</li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {document.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={tagId(tag.name)} className="space-y-4">
          <h2 id={tagId(tag.name)} className="text-2xl font-semibold">{tag.name}</h2>
          <p className="text-slate-600">{tag.description}</p>
          {operations.filter((o) => o.tag === tag.name).map((o) => <ApiOperation key={o.id} operation={o} />)}
        </section>
      ))}
    </article>
  );
}
