import "server-only";
import { config } from "../config";
import type { Db } from "../db/client";
import { NotFound } from "../errors";
import { t } from "../i18n/translate";
import { getSoftwareBySlug, listSoftware } from "../queries/software";
import type { DataClass, Verdict } from "../domain/vocabulary";
import type { ListQuery } from "../validation/api";
import { answersForSoftware, grantAnswer } from "./verdicts";
import { activeGrantFactsBySoftware } from "../queries/requests";
import { grantToShow } from "../domain/grant-terms";
import { now as clockNow } from "../clock";

/** JSON shapes of /api/v1/software, kept beside each other so list and detail agree. */

/** One page of the catalogue; with `userId` (a session), each entry carries that person's grant in force, if any. */
export async function softwarePageJson(db: Db, query: ListQuery, userId?: string) {
  const page = await listSoftware(db, query);
  const base = config().baseUrl;
  const now = clockNow();
  const grants = userId ? await activeGrantFactsBySoftware(db, userId, page.items.map((item) => item.id), now) : new Map();
  return {
    ...page,
    items: page.items.map((item) => {
      const grant = grantToShow(grants.get(item.id) ?? [], now);
      return {
        slug: item.slug,
        name: item.name,
        vendor: item.vendorName,
        kind: item.kind,
        category: item.category,
        status: item.status,
        statusByEdition:
          item.headline.kind === "depends_on_edition"
            ? item.headline.editions.map((e) => ({ edition: e.edition.slug, name: e.edition.name, status: e.status }))
            : null,
        description: item.description,
        match: query.q ? item.match : undefined,
        url: `${base}/software/${item.slug}`,
        grant: grant ? grantAnswer(grant, now, base) : null,
      };
    }),
  };
}

export async function softwareDetailJson(db: Db, slug: string) {
  const detail = await getSoftwareBySlug(db, slug.toLowerCase());
  if (!detail) throw new NotFound(t("software.api.noSuchSlug", { slug: slug.slice(0, 100) }));
  const base = config().baseUrl;
  const now = clockNow();
  return {
    slug: detail.slug,
    name: detail.name,
    vendor: detail.vendor ? { name: detail.vendor.name, website: detail.vendor.website } : null,
    kind: detail.kind,
    category: detail.category,
    description: detail.description,
    homepage: detail.homepage,
    owner: detail.owner,
    status: detail.status,
    editions: detail.editions.map((e) => ({ slug: e.slug, name: e.name, description: e.description })),
    identifiers: detail.identifiers.map((i) => ({ type: i.type, value: i.value, edition: detail.editions.find((e) => e.id === i.editionId)?.slug ?? null })),
    current: answersForSoftware(detail, now).map((answer) => ({
      edition: answer.editionName,
      status: answer.decision?.status ?? null,
      maxDataClass: answer.decision?.maxDataClass ?? null,
      conditions: answer.decision?.conditions ?? [],
      rationale: answer.decision?.rationale ?? null,
      reviewDueOn: answer.decision?.reviewDueOn ?? null,
      alternatives: (answer.decision?.alternatives ?? []).map(({ alternative }) => ({ slug: alternative.slug, name: alternative.name, url: `${base}/software/${alternative.slug}` })),
      verdicts: Object.fromEntries(answer.matrix.map((m) => [m.dataClass, m.result.verdict])) as Record<DataClass, Verdict>,
    })),
    history: detail.classifications.map((c) => ({
      id: c.id,
      edition: detail.editions.find((e) => e.id === c.editionId)?.name ?? null,
      status: c.status,
      maxDataClass: c.maxDataClass,
      conditions: c.conditions,
      rationale: c.rationale,
      decidedBy: c.decidedBy.name,
      decidedAt: c.decidedAt.toISOString(),
      reviewDueOn: c.reviewDueOn,
    })),
    url: `${base}/software/${detail.slug}`,
  };
}
