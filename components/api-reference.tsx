import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FieldRow, ReferenceOperation } from "@/lib/api/reference";
import { TableScroll } from "@/components/table-scroll";

/** The little Markdown the OpenAPI descriptions use: paragraphs, "- " lists, `code` and **bold**. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => l.startsWith("- "))) {
          return <ul key={i} className="list-disc pl-6">{lines.map((l, j) => <li key={j}>{inline(l.slice(2))}</li>)}</ul>;
        }
        return <p key={i}>{inline(block)}</p>;
      })}
    </>
  );
}

function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

/** The reference's frame is translated; the API's own words (fields, types, descriptions from the OpenAPI document) stay English. */
function Fields({ caption, rows }: { caption: string; rows: FieldRow[] }) {
  const t = useTranslations("help.api");
  if (rows.length === 0) return null;
  return (
    <TableScroll label={caption}>
    <table className="w-full text-left text-sm">
      <caption className="text-left font-semibold">{caption}</caption>
      <thead className="text-slate-600">
        <tr><th scope="col" className="py-1 pr-3">{t("field")}</th><th scope="col" className="py-1 pr-3">{t("type")}</th><th scope="col" className="py-1">{t("meaning")}</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-3"><code>{row.path}</code>{row.required ? "" : t("optional")}</td>
            <td className="py-1 pr-3">{row.type}</td>
            <td className="py-1">{row.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

function Example({ label, text }: { label: string; text: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold">{label}</summary>
      <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"><code>{text}</code></pre>
    </details>
  );
}

export function ApiOperation({ operation }: { operation: ReferenceOperation }) {
  const t = useTranslations("help.api");
  return (
    <section id={operation.id} aria-labelledby={`${operation.id}-title`} className="card space-y-3">
      <h3 id={`${operation.id}-title`} className="text-lg font-semibold">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 font-mono text-sm text-white">{operation.method}</span>{" "}
        <code>{operation.path}</code>
      </h3>
      <p className="font-medium">{operation.summary}</p>
      <div className="space-y-2 text-slate-700"><Prose text={operation.description} /></div>
      {operation.parameters.length > 0 && (
        <TableScroll label={t("parameters")}>
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold">{t("parameters")}</caption>
          <thead className="text-slate-600">
            <tr><th scope="col" className="py-1 pr-3">{t("name")}</th><th scope="col" className="py-1 pr-3">{t("in")}</th><th scope="col" className="py-1 pr-3">{t("type")}</th><th scope="col" className="py-1 pr-3">{t("meaning")}</th><th scope="col" className="py-1">{t("example")}</th></tr>
          </thead>
          <tbody>
            {operation.parameters.map((p) => (
              <tr key={`${p.location}-${p.name}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3"><code>{p.name}</code>{p.required ? t("required") : ""}</td>
                <td className="py-1 pr-3">{p.location}</td>
                <td className="py-1 pr-3">{p.type}</td>
                <td className="py-1 pr-3">{p.description}</td>
                <td className="py-1">{p.example && <code>{p.example}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {operation.body.map((body) => (
        <div key={body.mediaType} className="space-y-2">
          <Fields caption={t("requestBody", { mediaType: body.mediaType })} rows={body.fields} />
          {body.fields.length === 0 && <p className="text-sm font-semibold">{t("requestBody", { mediaType: body.mediaType })}</p>}
          {body.example && <Example label={t("exampleRequestBody", { mediaType: body.mediaType })} text={body.example} />}
        </div>
      ))}
      <Fields caption={t("answer", { mediaType: operation.response.mediaType })} rows={operation.response.fields} />
      {operation.response.fields.length === 0 && <p className="text-sm font-semibold">{t("answerDescribed", { mediaType: operation.response.mediaType, description: operation.response.description })}</p>}
      <Example label={t("exampleAnswer")} text={operation.response.example} />
      <div className="text-sm">
        <p className="font-semibold">{t("errors")}</p>
        <ul className="list-disc pl-6">
          {operation.errors.map((e) => <li key={e.status}><strong>{e.status}</strong>: {e.description}</li>)}
        </ul>
      </div>
    </section>
  );
}
